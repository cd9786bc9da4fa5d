import { describe, expect, it } from "vitest";
import { loadManifests } from "../load/loadManifests";
import { indexResources } from "../resolve/indexResources";
import type { WorldMode } from "../resolve/world";
import { matchNetworkPolicyIngress } from "./matchNetworkPolicyIngress";

const namespaces = `apiVersion: v1
kind: Namespace
metadata: { name: gw, labels: { role: gateway } }
---
apiVersion: v1
kind: Namespace
metadata: { name: other }
`;

function verdict(policy: string, from: string, podLabels: Record<string, string> = { app: "api" }) {
  const index = indexResources(
    loadManifests([{ name: "np.yaml", text: `${namespaces}---\n${policy}` }]).manifests,
  );
  return matchNetworkPolicyIngress(index, { namespace: "app", podLabels }, from).verdict;
}

const policy = (spec: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: p, namespace: app }
spec:
${spec}`;

describe("matchNetworkPolicyIngress", () => {
  it("pods no policy selects are not isolated", () => {
    expect(
      verdict(policy("  podSelector: { matchLabels: { app: web } }\n  ingress: []\n"), "other"),
    ).toBe("allowed");
  });
  it("a selecting policy without ingress rules blocks everything", () => {
    expect(verdict(policy("  podSelector: {}\n  policyTypes: [Ingress]\n"), "gw")).toBe("blocked");
  });
  it("an Egress-only policy does not isolate ingress", () => {
    expect(verdict(policy("  podSelector: {}\n  policyTypes: [Egress]\n"), "gw")).toBe("allowed");
  });
  it("a namespaceSelector admits matching namespaces only", () => {
    const p = policy(
      "  podSelector: {}\n  ingress:\n    - from:\n        - namespaceSelector: { matchLabels: { role: gateway } }\n",
    );
    expect(verdict(p, "gw")).toBe("allowed");
    expect(verdict(p, "other")).toBe("blocked");
  });
  it("an empty from admits everything; podSelector and ipBlock peers are unknown for the Gateway", () => {
    expect(
      verdict(policy("  podSelector: {}\n  ingress:\n    - ports: [{ port: 80 }]\n"), "other"),
    ).toBe("allowed");
    expect(
      verdict(
        policy(
          "  podSelector: {}\n  ingress:\n    - from:\n        - namespaceSelector: {}\n          podSelector: { matchLabels: { app: envoy } }\n",
        ),
        "gw",
      ),
    ).toBe("unknown");
    expect(
      verdict(
        policy(
          "  podSelector: {}\n  ingress:\n    - from:\n        - ipBlock: { cidr: 10.0.0.0/8 }\n",
        ),
        "gw",
      ),
    ).toBe("unknown");
    expect(
      verdict(
        policy("  podSelector: {}\n  ingress:\n    - from:\n        - podSelector: {}\n"),
        "gw",
      ),
    ).toBe("blocked");
  });
});

describe("matchNetworkPolicyIngress from a namespace the input does not declare", () => {
  const slice = (policyText: string, world: WorldMode) =>
    indexResources(loadManifests([{ name: "np.yaml", text: policyText }]).manifests, world);
  const peer = (selector: string) =>
    policy(
      `  podSelector: {}\n  ingress:\n    - from:\n        - namespaceSelector: ${selector}\n`,
    );
  const outcome = (selector: string, world: WorldMode) =>
    matchNetworkPolicyIngress(
      slice(peer(selector), world),
      { namespace: "app", podLabels: {} },
      "gw",
    );

  it("a label the input cannot show: assumed in auto, blocked in closed", () => {
    const assumed = outcome("{ matchLabels: { role: gateway } }", "auto");
    expect(assumed.verdict).toBe("assumed");
    expect(assumed.detail).toBe(
      "p admits namespaces labeled role=gateway; gw assumed so labeled (auto: the input holds no Namespace, so its labels are unknown)",
    );
    expect(outcome("{ matchLabels: { role: gateway } }", "closed").verdict).toBe("blocked");
  });
  it("the name label is known: a fact in every world", () => {
    for (const world of ["auto", "closed"] as const) {
      expect(outcome("{ matchLabels: { kubernetes.io/metadata.name: gw } }", world).verdict).toBe(
        "allowed",
      );
      expect(outcome("{ matchLabels: { kubernetes.io/metadata.name: ops } }", world).verdict).toBe(
        "blocked",
      );
    }
  });
  it("DoesNotExist on a label the namespace lacks already admits it", () => {
    expect(
      outcome("{ matchExpressions: [{ key: legacy, operator: DoesNotExist }] }", "auto").verdict,
    ).toBe("allowed");
  });
  it("one namespace, one set of assumed labels: a peer contradicting an earlier one is refused", () => {
    // Two policies want gw labeled role=gateway and role=mesh: it cannot be both. The first in
    // document order is assumed (resolve/namespaceLabelPlan), the second does not match.
    const other = (name: string, role: string) =>
      `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: ${name}, namespace: ${name} }\nspec:\n  podSelector: {}\n  ingress:\n    - from:\n        - namespaceSelector: { matchLabels: { role: ${role} } }\n`;
    const index = slice(`${other("shop", "gateway")}---\n${other("billing", "mesh")}`, "auto");
    const from = (namespace: string) =>
      matchNetworkPolicyIngress(index, { namespace, podLabels: {} }, "gw").verdict;
    expect([from("shop"), from("billing")]).toEqual(["assumed", "blocked"]);
    // Whatever order they are asked in.
    expect([from("billing"), from("shop")]).toEqual(["blocked", "assumed"]);
  });
});
