import { describe, expect, it } from "vitest";
import type { IsolationConflict, IsolationListener } from "../../engine";
import { describeConflict } from "./describeConflict";

/** The engine's branded key, as a lens listener carries it. */
const GATEWAY = "Gateway/edge/gw" as IsolationListener["gateway"];
const LISTENER: IsolationListener = {
  id: "Gateway/edge/gw#http",
  gateway: GATEWAY,
  owner: GATEWAY,
  listener: "http",
  domain: "external",
  port: 80,
  protocol: "HTTP",
  from: "Selector",
  selector: "exposure=external",
  kinds: ["HTTPRoute"],
};
const CONFLICT: IsolationConflict = {
  site: "listener http of Gateway edge/gw (exposure=external)",
  file: "slice.yaml",
  line: 10,
  column: 50,
  listener: LISTENER.id,
};

describe("describeConflict", () => {
  it("names a listener of the table as its column does, and where the selector is written", () => {
    expect(describeConflict(CONFLICT, [LISTENER])).toBe(
      "✗ conflicts with edge/gw · http (slice.yaml:10:50)",
    );
  });

  it("names any other earlier selector by what it is", () => {
    const { listener: _listener, ...peer } = {
      ...CONFLICT,
      site: "ingress peer of NetworkPolicy other/partners (exposure=partner)",
    };
    expect(describeConflict(peer, [LISTENER])).toBe(
      "✗ conflicts with ingress peer of NetworkPolicy other/partners (exposure=partner) (slice.yaml:10:50)",
    );
  });
});
