/**
 * An unknown field at the top level or in metadata that the kind's spec knows (`rules`,
 * `parentRefs`, `hostnames`...) was written one level too high: a template that lost its `spec:`
 * line, or an indentation slip. The generic hint ("Known fields here: ...") lists everything but
 * the answer, so such an issue gets "belongs under spec" instead.
 */
import type { JsonSchema } from "./crdSchemas";
import type { ValidationIssue } from "./validationIssue";

export function hintMisplacedSpecFields(
  issues: ValidationIssue[],
  specSchema: JsonSchema | undefined,
): ValidationIssue[] {
  const specFields = specSchema?.properties;
  if (specFields === undefined) return issues;
  let out: ValidationIssue[] | undefined;
  for (let i = 0; i < issues.length; i++) {
    const issue = issues[i] as ValidationIssue;
    const key = misplacedKey(issue);
    if (key === undefined || !Object.hasOwn(specFields, key)) continue;
    out ??= issues.slice();
    out[i] = {
      ...issue,
      hint: `\`${key}\` belongs under spec: move it into spec (spec.${key}).`,
    };
  }
  return out ?? issues;
}

function misplacedKey(issue: ValidationIssue): string | undefined {
  if (issue.code !== "schema.unknown-field") return undefined;
  const [first, second] = issue.path;
  if (issue.path.length === 1 && typeof first === "string") return first;
  if (issue.path.length === 2 && first === "metadata" && typeof second === "string") return second;
  return undefined;
}
