/**
 * Header values in matches and in header modifier filters: the experimental-channel CRDs refuse
 * what RFC 7230 does not admit as a field value. Its own module so that route-rule validation can
 * use it without loading the on-demand filter checks.
 */
import { printPath, type ValidationIssue } from "./validationIssue";

type Path = (string | number)[];

export function checkHeaderValue(value: unknown, path: Path, issues: ValidationIssue[]): void {
  if (!breaksHeaderValueRule(value)) return;
  issues.push({
    code: "schema.experimental-rule",
    path,
    message: `${printPath(path)}: ${JSON.stringify(value)} is not an HTTP header field value (RFC 7230 section 3.2: printable US-ASCII, with single spaces or tabs between). The standard-channel CRDs admit it, the experimental-channel CRDs refuse the route.`,
    hint: "Remove the control characters (CR, LF and the like), non-ASCII characters and leading, trailing or doubled spaces from the value.",
  });
}

/**
 * Whether checkHeaderValue has something to report for `value`: asked first by callers that
 * check every header of every route, so they build the issue's path only for a broken value.
 */
export function breaksHeaderValueRule(value: unknown): value is string {
  return typeof value === "string" && value !== "" && !isFieldValue(value);
}

function isFieldValue(value: string): boolean {
  let separatorBefore = true; // no leading space or tab
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0x21 && c <= 0x7e) separatorBefore = false;
    else if ((c === 0x20 || c === 0x09) && !separatorBefore) separatorBefore = true;
    else return false;
  }
  return !separatorBefore; // no trailing space or tab
}
