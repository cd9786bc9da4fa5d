import { describe, expect, it } from "vitest";
import type { EffectivePolicy, ResourceKey } from "../../engine";
import { describePolicyReach, printObjectLabel } from "./describePolicyReach";

const key = (s: string) => s as ResourceKey;
const policy = (
  p: Omit<EffectivePolicy, "policy" | "policyKind" | "target"> & { target: string },
): EffectivePolicy => ({
  policy: key("ClientTrafficPolicy/infra/client"),
  policyKind: "ClientTrafficPolicy",
  ...p,
  target: key(p.target),
});

describe("describePolicyReach", () => {
  it("says a direct policy targets the selected object, naming routes as routes", () => {
    expect(
      describePolicyReach(
        policy({ reach: "direct", target: "HTTPRoute/apps/api" }),
        key("HTTPRoute/apps/api"),
      ),
    ).toBe("targets this route");
    expect(
      describePolicyReach(
        policy({ reach: "direct", target: "Gateway/infra/eg" }),
        key("Gateway/infra/eg"),
      ),
    ).toBe("targets this Gateway");
  });

  it("names the section by what a sectionName means on the target kind", () => {
    expect(
      describePolicyReach(
        policy({ reach: "section", target: "Gateway/infra/eg", sectionName: "https" }),
        key("Gateway/infra/eg"),
      ),
    ).toBe("targets listener https of this Gateway");
    expect(
      describePolicyReach(
        policy({ reach: "section", target: "Service/apps/api", sectionName: "grpc" }),
        key("Service/apps/api"),
      ),
    ).toBe("targets port grpc of this Service");
    expect(
      describePolicyReach(
        policy({ reach: "section", target: "HTTPRoute/apps/api", sectionName: "r1" }),
        key("HTTPRoute/apps/api"),
      ),
    ).toBe("targets rule r1 of this route");
  });

  it("names the parent an inherited policy comes from", () => {
    const route = key("HTTPRoute/apps/api");
    expect(
      describePolicyReach(policy({ reach: "gateway", target: "Gateway/infra/eg" }), route),
    ).toBe("inherited from Gateway infra/eg");
    expect(
      describePolicyReach(
        policy({ reach: "listener", target: "Gateway/infra/eg", sectionName: "https" }),
        route,
      ),
    ).toBe("from listener https of Gateway infra/eg");
    expect(
      describePolicyReach(
        policy({ reach: "class", target: "GatewayClass//eg" }),
        key("Gateway/infra/eg"),
      ),
    ).toBe("from GatewayClass eg");
  });

  it("prints cluster-scoped objects without a namespace", () => {
    expect(printObjectLabel(key("GatewayClass//eg"))).toBe("GatewayClass eg");
    expect(printObjectLabel(key("Service/apps/api"))).toBe("Service apps/api");
  });
});
