import { describe, expect, test } from "vitest";
import { resourceKey } from "../api/keys";
import type { Condition, StatusReport } from "../types";
import { printStatus } from "./printStatus";

const accepted: Condition = {
  type: "Accepted",
  status: "True",
  reason: "Accepted",
  message: "ok",
  observedGeneration: 1,
  lastTransitionTime: "T",
};

describe("printStatus", () => {
  test("one document per object with status, ordered by kind then namespace then name", () => {
    const objects = [
      {
        key: resourceKey("HTTPRoute", "b", "r"),
        apiVersion: "gateway.networking.k8s.io/v1",
        kind: "HTTPRoute",
        name: "r",
        namespace: "b",
      },
      {
        key: resourceKey("HTTPRoute", "a", "r"),
        apiVersion: "gateway.networking.k8s.io/v1",
        kind: "HTTPRoute",
        name: "r",
        namespace: "a",
      },
      {
        key: resourceKey("GatewayClass", undefined, "gwsim"),
        apiVersion: "gateway.networking.k8s.io/v1",
        kind: "GatewayClass",
        name: "gwsim",
      },
      {
        key: resourceKey("Service", "a", "svc"),
        apiVersion: "v1",
        kind: "Service",
        name: "svc",
        namespace: "a",
      },
    ];
    const status: StatusReport = {
      [resourceKey("HTTPRoute", "b", "r")]: { parents: [] },
      [resourceKey("HTTPRoute", "a", "r")]: { parents: [] },
      [resourceKey("GatewayClass", undefined, "gwsim")]: { conditions: [accepted] },
    };
    expect(printStatus(status, objects)).toBe(
      [
        "apiVersion: gateway.networking.k8s.io/v1",
        "kind: GatewayClass",
        "metadata:",
        "  name: gwsim",
        "status:",
        "  conditions:",
        "    - type: Accepted",
        '      status: "True"',
        "      reason: Accepted",
        "      message: ok",
        "      observedGeneration: 1",
        "      lastTransitionTime: T",
        "---",
        "apiVersion: gateway.networking.k8s.io/v1",
        "kind: HTTPRoute",
        "metadata:",
        "  name: r",
        "  namespace: a",
        "status:",
        "  parents: []",
        "---",
        "apiVersion: gateway.networking.k8s.io/v1",
        "kind: HTTPRoute",
        "metadata:",
        "  name: r",
        "  namespace: b",
        "status:",
        "  parents: []",
        "",
      ].join("\n"),
    );
  });
  test("long messages are not folded", () => {
    const long = { ...accepted, message: "x ".repeat(80).trim() };
    const out = printStatus(
      { [resourceKey("GatewayClass", undefined, "c")]: { conditions: [long] } },
      [
        {
          key: resourceKey("GatewayClass", undefined, "c"),
          apiVersion: "gateway.networking.k8s.io/v1",
          kind: "GatewayClass",
          name: "c",
        },
      ],
    );
    expect(out).toContain(`message: ${long.message}\n`);
  });
});
