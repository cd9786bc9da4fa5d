import { describe, expect, test } from "vitest";
import type { Condition, StatusReport } from "../types";
import { matchStatusExpectation } from "./matchStatusExpectation";

const cond = (
  type: string,
  status: "True" | "False",
  reason: string,
  observedGeneration = 2,
): Condition => ({
  type,
  status,
  reason,
  message: "",
  observedGeneration,
  lastTransitionTime: "T",
});

const report: StatusReport = {
  "HTTPRoute/infra/r": {
    parents: [
      {
        parentRef: { name: "gw", sectionName: "a" },
        parentRefIndex: 0,
        controllerName: "gwsim.dev/controller",
        conditions: [
          cond("Accepted", "True", "Accepted"),
          cond("ResolvedRefs", "True", "ResolvedRefs"),
        ],
      },
      {
        parentRef: { name: "gw", sectionName: "b" },
        parentRefIndex: 1,
        controllerName: "gwsim.dev/controller",
        conditions: [
          cond("Accepted", "False", "NoMatchingParent"),
          cond("ResolvedRefs", "True", "ResolvedRefs"),
        ],
      },
    ],
  },
  "Gateway/infra/gw": {
    conditions: [cond("Accepted", "True", "Accepted"), cond("Programmed", "True", "Programmed")],
    listeners: [
      {
        name: "a",
        supportedKinds: [{ group: "gateway.networking.k8s.io", kind: "HTTPRoute" }],
        attachedRoutes: 1,
        conditions: [cond("Accepted", "True", "Accepted")],
      },
    ],
    addresses: [{ type: "IPAddress", value: "192.0.2.10" }],
  },
  "GatewayClass//gwsim": { conditions: [cond("Accepted", "True", "Accepted", 1)] },
};

const route = { kind: "HTTPRoute", namespace: "infra", name: "r" };
const gw = { kind: "Gateway", namespace: "infra", name: "gw" };

describe("matchStatusExpectation", () => {
  test("a parentRef without sectionName is satisfied by any entry for that Gateway; a namespace left out of the status means the route namespace", () => {
    const e = {
      ...route,
      parentRef: { namespace: "infra", name: "gw" },
      conditions: [{ type: "Accepted", status: "False", reason: "NoMatchingParent" }],
    };
    expect(matchStatusExpectation(e, report, { generation: 2 }).pass).toBe(true);
  });
  test("sectionName picks the entry, and a wrong reason fails with both values named", () => {
    const e = {
      ...route,
      parentRef: { namespace: "infra", name: "gw", sectionName: "a" },
      conditions: [{ type: "Accepted", status: "False", reason: "NoMatchingParent" }],
    };
    const out = matchStatusExpectation(e, report, { generation: 2 });
    expect(out.pass).toBe(false);
    expect(out.message).toContain(
      "expected Accepted=False/NoMatchingParent, got Accepted=True/Accepted",
    );
  });
  test("conditions must carry observedGeneration == metadata.generation", () => {
    const e = {
      ...route,
      parentRef: { name: "gw", namespace: "infra", sectionName: "a" },
      conditions: [{ type: "Accepted" }],
    };
    expect(matchStatusExpectation(e, report, { generation: 3 }).pass).toBe(false);
    expect(
      matchStatusExpectation({ ...route, observedGenerationLatest: true }, report, {
        generation: 3,
      }).pass,
    ).toBe(false);
  });
  test("noAcceptedParents fails while one parent is accepted; controllerName is compared", () => {
    expect(
      matchStatusExpectation({ ...route, noAcceptedParents: true }, report, { generation: 2 }).pass,
    ).toBe(false);
    const e = {
      ...route,
      parentRef: { namespace: "infra", name: "gw", sectionName: "a" },
      controllerName: "other.io/ctl",
    };
    expect(matchStatusExpectation(e, report, { generation: 2 }).message).toContain(
      "controllerName is gwsim.dev/controller",
    );
  });
  test("listener expectations: attachedRoutes, supportedKinds (empty means empty), conditions, listenerCount", () => {
    expect(
      matchStatusExpectation(
        {
          ...gw,
          listenerCount: 1,
          listeners: [
            {
              name: "a",
              attachedRoutes: 1,
              supportedKinds: [{ group: "gateway.networking.k8s.io", kind: "HTTPRoute" }],
            },
          ],
        },
        report,
        { generation: 2 },
      ).pass,
    ).toBe(true);
    expect(
      matchStatusExpectation({ ...gw, listeners: [{ name: "a", supportedKinds: [] }] }, report, {
        generation: 2,
      }).pass,
    ).toBe(false);
    expect(
      matchStatusExpectation({ ...gw, listeners: [{ name: "a", attachedRoutes: 2 }] }, report, {
        generation: 2,
      }).pass,
    ).toBe(false);
    expect(
      matchStatusExpectation({ ...gw, listenerCount: 2 }, report, { generation: 2 }).pass,
    ).toBe(false);
    expect(
      matchStatusExpectation({ ...gw, zeroAttachedRoutes: true }, report, { generation: 2 }).pass,
    ).toBe(false);
    expect(
      matchStatusExpectation({ ...gw, listeners: [{ name: "missing" }] }, report, { generation: 2 })
        .pass,
    ).toBe(false);
  });
  test("addresses must match exactly; hasAddress needs one typed entry", () => {
    expect(
      matchStatusExpectation(
        { ...gw, hasAddress: true, addresses: [{ type: "IPAddress", value: "192.0.2.10" }] },
        report,
        { generation: 2 },
      ).pass,
    ).toBe(true);
    expect(
      matchStatusExpectation(
        { ...gw, addresses: [{ type: "IPAddress", value: "198.51.100.254" }] },
        report,
        { generation: 2 },
      ).pass,
    ).toBe(false);
  });
  test("generationChanged needs the generation to have gone up", () => {
    const e = {
      kind: "GatewayClass",
      name: "gwsim",
      generationChanged: true,
      conditions: [{ type: "Accepted" }],
    };
    expect(matchStatusExpectation(e, report, { generation: 1, previousGeneration: 1 }).pass).toBe(
      false,
    );
    expect(matchStatusExpectation(e, report, { generation: 1, previousGeneration: 0 }).pass).toBe(
      true,
    );
  });
  test("a route nobody wrote status to counts as having no parents", () => {
    expect(
      matchStatusExpectation(
        { kind: "TLSRoute", namespace: "infra", name: "orphan", noAcceptedParents: true },
        report,
      ).pass,
    ).toBe(true);
    expect(
      matchStatusExpectation(
        {
          kind: "TLSRoute",
          namespace: "infra",
          name: "orphan",
          parentRef: { name: "gw" },
          conditions: [{ type: "Accepted" }],
        },
        report,
      ).pass,
    ).toBe(false);
  });
  test("an object without status, or an unknown expectation field, fails", () => {
    expect(
      matchStatusExpectation({ kind: "Gateway", namespace: "infra", name: "nope" }, report).pass,
    ).toBe(false);
    expect(
      matchStatusExpectation({ ...gw, attachedListeners: 2 }, report, { generation: 2 }).message,
    ).toContain('unknown expectation field "attachedListeners"');
  });
});
