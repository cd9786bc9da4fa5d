import { describe, expect, test } from "vitest";
import { aManifest } from "../../test-utils/manifests";
import { indexResources } from "./indexResources";
import { isReferencePermitted, resolveReferencePermission } from "./isReferencePermitted";

const grant = (
  namespace: string,
  from: Record<string, unknown>[],
  to: Record<string, unknown>[],
  name = "grant",
) =>
  aManifest({
    apiVersion: "gateway.networking.k8s.io/v1beta1",
    kind: "ReferenceGrant",
    metadata: { name, namespace },
    spec: { from, to },
  });

const fromRoute = { group: "gateway.networking.k8s.io", kind: "HTTPRoute", namespace: "app" };
const toSvc = (name: string) => ({ group: "", kind: "Service", namespace: "backend", name });

describe("isReferencePermitted (spec §1.6)", () => {
  test("same-namespace references need no grant", () => {
    const index = indexResources([]);
    expect(isReferencePermitted(index, fromRoute, { ...toSvc("svc"), namespace: "app" })).toBe(
      true,
    );
  });
  test("cross-namespace without any grant is refused in a closed world", () => {
    expect(isReferencePermitted(indexResources([], "closed"), fromRoute, toSvc("svc"))).toBe(false);
  });
  test("a grant in the target namespace without to.name covers every object of that kind", () => {
    const index = indexResources([
      grant(
        "backend",
        [{ group: "gateway.networking.k8s.io", kind: "HTTPRoute", namespace: "app" }],
        [{ group: "", kind: "Service" }],
      ),
    ]);
    expect(resolveReferencePermission(index, fromRoute, toSvc("any"))).toEqual({
      permitted: true,
      grant: "ReferenceGrant/backend/grant",
      reason: "permitted by ReferenceGrant backend/grant",
    });
  });
  test("to.name restricts the grant to that object", () => {
    const index = indexResources([
      grant(
        "backend",
        [{ group: "gateway.networking.k8s.io", kind: "HTTPRoute", namespace: "app" }],
        [{ group: "", kind: "Service", name: "web" }],
      ),
    ]);
    expect(isReferencePermitted(index, fromRoute, toSvc("web"))).toBe(true);
    expect(isReferencePermitted(index, fromRoute, toSvc("db"))).toBe(false);
  });
  test("a grant in the referrer namespace, or for another referrer kind or namespace, does not count", () => {
    const index = indexResources([
      grant(
        "app",
        [{ group: "gateway.networking.k8s.io", kind: "HTTPRoute", namespace: "app" }],
        [{ group: "", kind: "Service" }],
        "wrong-ns",
      ),
      grant(
        "backend",
        [{ group: "gateway.networking.k8s.io", kind: "GRPCRoute", namespace: "app" }],
        [{ group: "", kind: "Service" }],
        "wrong-kind",
      ),
      grant(
        "backend",
        [{ group: "gateway.networking.k8s.io", kind: "HTTPRoute", namespace: "other" }],
        [{ group: "", kind: "Service" }],
        "wrong-from-ns",
      ),
      grant(
        "backend",
        [{ group: "gateway.networking.k8s.io", kind: "HTTPRoute", namespace: "app" }],
        [{ group: "core", kind: "Service" }],
        "core-is-not-a-group",
      ),
    ]);
    expect(isReferencePermitted(index, fromRoute, toSvc("svc"))).toBe(false);
  });
});
