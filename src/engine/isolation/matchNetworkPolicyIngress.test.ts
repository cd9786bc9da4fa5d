import { describe, expect, it } from "vitest";
import { loadManifests } from "../load/loadManifests";
import { indexResources } from "../resolve/indexResources";
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
