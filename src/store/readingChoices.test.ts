import { describe, expect, test } from "vitest";
import { createGwsimStore } from "./index";
import {
  nonDefaultReadings,
  normalizeReadings,
  readingAssignments,
  readingsFromUnknown,
  sameReadings,
} from "./readingChoices";

describe("reading choices", () => {
  test("defaults are dropped and the engine's order is kept, so equal choices compare equal", () => {
    const chosen = {
      tcpRouteOnTlsTerminate: "accepted",
      loneBackendZeroWeight: "all-traffic",
      backendPortNotInService: "BackendNotFound",
    } as const;
    expect(normalizeReadings(chosen)).toEqual({
      loneBackendZeroWeight: "all-traffic",
      tcpRouteOnTlsTerminate: "accepted",
    });
    expect(Object.keys(normalizeReadings(chosen))).toEqual([
      "loneBackendZeroWeight",
      "tcpRouteOnTlsTerminate",
    ]);
    expect(
      sameReadings(chosen, {
        tcpRouteOnTlsTerminate: "accepted",
        loneBackendZeroWeight: "all-traffic",
      }),
    ).toBe(true);
    expect(sameReadings({ backendPortNotInService: "BackendNotFound" }, {})).toBe(true);
    expect(sameReadings(chosen, {})).toBe(false);
    expect(nonDefaultReadings({})).toEqual([]);
    expect(readingAssignments(chosen)).toEqual([
      "loneBackendZeroWeight=all-traffic",
      "tcpRouteOnTlsTerminate=accepted",
    ]);
  });

  test("an untrusted record is read strictly: unknown names, values and non-text are refused with why", () => {
    expect(readingsFromUnknown({ loneBackendZeroWeight: "all-traffic" })).toEqual({
      ok: true,
      readings: { loneBackendZeroWeight: "all-traffic" },
    });
    const unknown = readingsFromUnknown({ fasterRouting: "yes" });
    expect(unknown).toMatchObject({ ok: false });
    expect(!unknown.ok && unknown.error).toContain('unknown reading "fasterRouting"');
    const value = readingsFromUnknown({ loneBackendZeroWeight: "half" });
    expect(!value.ok && value.error).toContain("takes no-traffic or all-traffic");
    expect(readingsFromUnknown({ loneBackendZeroWeight: 1 })).toMatchObject({ ok: false });
    expect(readingsFromUnknown(["loneBackendZeroWeight"])).toMatchObject({ ok: false });
    expect(readingsFromUnknown(JSON.parse('{"__proto__": "x"}'))).toMatchObject({ ok: false });
  });

  test("the store: a new reading is a new revision; the same choice again is not", () => {
    const store = createGwsimStore();
    const before = store.getState().revision;
    store.getState().setReadings({ loneBackendZeroWeight: "all-traffic" });
    expect(store.getState().readings).toEqual({ loneBackendZeroWeight: "all-traffic" });
    expect(store.getState().revision).toBe(before + 1);
    store.getState().setReadings({ loneBackendZeroWeight: "all-traffic" });
    expect(store.getState().revision).toBe(before + 1);
    store.getState().setReadings({ loneBackendZeroWeight: "no-traffic" });
    expect(store.getState().readings).toEqual({});
    expect(store.getState().revision).toBe(before + 2);
  });
});
