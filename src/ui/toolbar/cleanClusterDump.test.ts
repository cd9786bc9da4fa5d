import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { cleanClusterDump } from "./cleanClusterDump";

const dump = `# exported from the cluster
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: shared # the shared one
  namespace: infra
  uid: 0b1c
  resourceVersion: "4242"
  generation: 3
  creationTimestamp: "2024-01-01T00:00:00Z"
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: |
      {"big":"json"}
  managedFields:
    - manager: kubectl
      operation: Apply
spec:
  gatewayClassName: envoy
status:
  conditions: []
---
apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Service
    metadata:
      name: web
      uid: 1234
      annotations:
        keep: me
        kubectl.kubernetes.io/last-applied-configuration: "{}"
    spec:
      ports: [{ port: 80 }]
    status: {}
`;

describe("cleanClusterDump", () => {
  test("drops server-written fields, keeps comments, spec and user annotations", () => {
    expect(cleanClusterDump(dump, { dropCreationTimestamp: false }))
      .toBe(`# exported from the cluster
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: shared # the shared one
  namespace: infra
  creationTimestamp: "2024-01-01T00:00:00Z"
spec:
  gatewayClassName: envoy
---
apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Service
    metadata:
      name: web
      annotations:
        keep: me
    spec:
      ports: [ { port: 80 } ]
`);
  });

  test("cleans the items of nested Lists and of typed lists (HTTPRouteList) too", () => {
    const nested = `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: List
    items:
      - apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRouteList
        metadata: {resourceVersion: "9"}
        items:
          - metadata: {name: r, uid: u1, managedFields: []}
            spec: {}
            status: {parents: []}
      - apiVersion: v1
        kind: Service
        metadata: {name: web, resourceVersion: "7"}
        status: {}
`;
    expect(parse(cleanClusterDump(nested, { dropCreationTimestamp: true }))).toEqual({
      apiVersion: "v1",
      kind: "List",
      items: [
        {
          apiVersion: "v1",
          kind: "List",
          items: [
            {
              apiVersion: "gateway.networking.k8s.io/v1",
              kind: "HTTPRouteList",
              metadata: {},
              items: [{ metadata: { name: "r" }, spec: {} }],
            },
            { apiVersion: "v1", kind: "Service", metadata: { name: "web" } },
          ],
        },
      ],
    });
  });

  test("drops creationTimestamp only when asked", () => {
    expect(cleanClusterDump(dump, { dropCreationTimestamp: true })).not.toContain(
      "creationTimestamp",
    );
    expect(cleanClusterDump(dump, { dropCreationTimestamp: false })).toContain("creationTimestamp");
  });

  test("clean manifests come back unchanged", () => {
    const clean =
      "apiVersion: v1\nkind: Service\nmetadata:\n  name: web # note\nspec:\n  ports:\n    - port: 80\n";
    expect(cleanClusterDump(clean, { dropCreationTimestamp: true })).toBe(clean);
  });

  test("refuses a document with a syntax error rather than re-printing it", () => {
    expect(() =>
      cleanClusterDump("kind: Service\nmetadata: [oops\n", { dropCreationTimestamp: false }),
    ).toThrow(/syntax error/);
  });
});
