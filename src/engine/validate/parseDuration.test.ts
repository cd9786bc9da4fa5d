import { expect, test } from "vitest";
import { parseDuration } from "./parseDuration";

test.each([
  ["0s", 0],
  ["1s", 1000],
  ["500ms", 500],
  ["1h2h", 3 * 3_600_000],
  ["1h30m", 5_400_000],
  ["2m1s500ms", 121_500],
  ["99999ms", 99_999],
])("%s is %d ms", (text, ms) => {
  expect(parseDuration(text)).toBe(ms);
});

test.each(["0", "1", "1.5s", "-1s", "1d", "100000s", "1h1h1h1h1h", "", " 1s", "1S"])(
  "%j is not a Duration",
  (text) => {
    expect(parseDuration(text)).toBeUndefined();
  },
);
