import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { internScalar } from "./quickParse";

// Which string object is handed out cannot be observed from JavaScript (strings compare by
// value), so what is checked is that the table never changes a value: after any sequence of
// values, each comes back as itself, including past the table's bound where generations turn over.
describe("internScalar", () => {
  test("every value comes back equal, through generations of the bounded table", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ maxLength: 80 }), fc.constantFrom("gw", "bench", "x")), {
          minLength: 1,
          maxLength: 300,
        }),
        (values) => {
          for (const v of values) expect(internScalar(v)).toBe(v);
        },
      ),
    );
  });

  test("values read before and after the table turns over several times stay themselves", () => {
    const repeated = ["PathPrefix", "gateway.networking.k8s.io/v1", "backend-a"];
    for (let i = 0; i < 20_000; i++) {
      expect(internScalar(`route-${i}`)).toBe(`route-${i}`);
      const r = repeated[i % repeated.length] as string;
      expect(internScalar(`${r}`)).toBe(r);
    }
    // A slice of a larger text gives its own characters, not its parent's.
    const text = "prefix-/r1/api-suffix";
    expect(internScalar(text.slice(7, 14))).toBe("/r1/api");
  });
});
