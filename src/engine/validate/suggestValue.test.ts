import { expect, test } from "vitest";
import { editDistance, suggestValue } from "./suggestValue";

const PATH_TYPES = ["Exact", "PathPrefix", "RegularExpression"];
const FILTERS = [
  "RequestHeaderModifier",
  "ResponseHeaderModifier",
  "RequestMirror",
  "RequestRedirect",
  "URLRewrite",
  "ExtensionRef",
  "CORS",
];

test("known aliases from Ingress and Go type names", () => {
  expect(suggestValue("Prefix", PATH_TYPES)?.value).toBe("PathPrefix");
  expect(suggestValue("ImplementationSpecific", PATH_TYPES)?.value).toBe("RegularExpression");
  expect(suggestValue("HTTPHeaderModifier", FILTERS)?.value).toBe("RequestHeaderModifier");
  expect(suggestValue("Redirect", FILTERS)?.value).toBe("RequestRedirect");
});

test("case-insensitive match, then edit distance, then a unique containing value", () => {
  expect(suggestValue("pathprefix", PATH_TYPES)).toEqual({
    value: "PathPrefix",
    why: "values are case-sensitive",
  });
  expect(suggestValue("Exakt", PATH_TYPES)).toEqual({ value: "Exact" });
  expect(suggestValue("URLRewrit", FILTERS)).toEqual({ value: "URLRewrite" });
  expect(suggestValue("Mirro", ["RequestMirror", "CORS"])).toEqual({ value: "RequestMirror" });
});

test("no suggestion when nothing is close", () => {
  expect(suggestValue("Banana", PATH_TYPES)).toBeUndefined();
  expect(suggestValue("X", ["HTTP", "HTTPS"])).toBeUndefined();
});

test("editDistance", () => {
  expect(editDistance("kitten", "sitting")).toBe(3);
  expect(editDistance("", "abc")).toBe(3);
  expect(editDistance("same", "same")).toBe(0);
});
