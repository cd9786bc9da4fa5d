import { describe, expect, test } from "vitest";
import { ShareLinkError, buildShareUrl, readShareParam } from "./shareLink";
import {
  SHARED_READINGS_PARAM,
  SHARED_WORLD_PARAM,
  decodeSharedSettings,
  encodeSharedSettings,
} from "./shareSettings";

describe("the world and readings in a share link", () => {
  test("gwsim's defaults add nothing to the link", () => {
    expect(encodeSharedSettings({ world: "auto", readings: {} })).toEqual({});
    expect(
      encodeSharedSettings({ world: "auto", readings: { loneBackendZeroWeight: "no-traffic" } }),
    ).toEqual({});
  });

  test("non-default settings travel in the fragment and come back the same", async () => {
    const settings = {
      world: "closed" as const,
      readings: {
        tcpRouteOnTlsTerminate: "accepted",
        loneBackendZeroWeight: "all-traffic",
      } as const,
    };
    const params = encodeSharedSettings(settings);
    expect(params).toEqual({
      world: "closed",
      readings: "loneBackendZeroWeight:all-traffic,tcpRouteOnTlsTerminate:accepted",
    });
    const built = await buildShareUrl("https://gwsim.example/", "kind: Gateway\n", params);
    if (!built.ok) throw new Error("link too long");
    const hash = new URL(built.url).hash;
    expect(
      decodeSharedSettings(
        readShareParam(hash, SHARED_WORLD_PARAM),
        readShareParam(hash, SHARED_READINGS_PARAM),
      ),
    ).toEqual({
      world: "closed",
      readings: { loneBackendZeroWeight: "all-traffic", tcpRouteOnTlsTerminate: "accepted" },
    });
  });

  test("absent parameters are gwsim's defaults", () => {
    expect(decodeSharedSettings(undefined, undefined)).toEqual({ world: "auto", readings: {} });
  });

  test.each([
    ["world", "everything", undefined, /world "everything" is not one of open, auto or closed/],
    ["unknown reading", undefined, "fasterRouting:yes", /unknown reading "fasterRouting"/],
    ["unknown value", undefined, "loneBackendZeroWeight:half", /takes no-traffic or all-traffic/],
    ["not name:value", undefined, "loneBackendZeroWeight", /is not name:value/],
    [
      "a name twice",
      undefined,
      "loneBackendZeroWeight:all-traffic,loneBackendZeroWeight:no-traffic",
      /given twice/,
    ],
    ["a prototype key", undefined, "__proto__:x", /unknown reading "__proto__"/],
    ["too long", undefined, "a".repeat(5000), /more than gwsim makes/],
  ])("a damaged link is refused with why: %s", (_, world, readings, message) => {
    expect(() => decodeSharedSettings(world, readings)).toThrow(ShareLinkError);
    expect(() => decodeSharedSettings(world, readings)).toThrow(message);
  });
});
