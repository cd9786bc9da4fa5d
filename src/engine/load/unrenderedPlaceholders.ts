/**
 * GitOps folders hold objects that are rendered before they are applied: Flux substitutes
 * `${VAR}` (Kustomization postBuild.substitute, envsubst syntax) and a Helm chart's values carry
 * Go template actions (`{{ .Release.Name }}`) that app-template style charts render into routes.
 * Left in, they are valid YAML, so every field holding one draws its own diagnostic (a hostname
 * pattern, a missing Service named `${APP}`) without any word that the file is a template.
 */
import type { FieldPath } from "../types";

/** envsubst's `${VAR}`, `${VAR:=default}`, `${VAR:-default}`: a bounded, linear pattern. */
const FLUX_VARIABLE = /\$\{[A-Za-z_][A-Za-z0-9_]*(?:[:=+?#%/^,-][^{}\n]{0,200})?\}/;
/** A Go template action on one line, `{{ … }}`. */
const GO_ACTION = /\{\{[^{}\n]{0,200}\}\}/;

/** How many distinct placeholders the message quotes. */
const QUOTED = 3;
/** Longest placeholder quoted, in characters. */
const QUOTE_CHARS = 60;

/**
 * Fields whose text is not read as Gateway API configuration: annotations hold other tools'
 * templates (alerting, status pages), and ConfigMap/Secret data holds scripts and configuration
 * files where `${var}` is the file's own syntax.
 */
const FREE_TEXT_FIELDS: ReadonlySet<string> = new Set(["data", "stringData", "binaryData"]);

export interface UnrenderedPlaceholders {
  /** Where the first placeholder is. */
  path: FieldPath;
  message: string;
  hint: string;
}

/** The placeholders left in an object's fields, or undefined when it has none. */
export function findUnrenderedPlaceholders(
  body: Record<string, unknown>,
  subject: string,
): UnrenderedPlaceholders | undefined {
  const found: string[] = [];
  let first: FieldPath | undefined;
  let flux = false;
  let helm = false;
  const note = (text: string, path: readonly (string | number)[]): void => {
    const variable = FLUX_VARIABLE.exec(text)?.[0];
    const action = GO_ACTION.exec(text)?.[0];
    if (variable === undefined && action === undefined) return;
    first ??= path.slice();
    if (variable !== undefined) flux = true;
    if (action !== undefined) helm = true;
    for (const quoted of [variable, action])
      if (quoted !== undefined && found.length < QUOTED + 1 && !found.includes(quoted))
        found.push(quoted);
  };
  const visit = (value: unknown, path: (string | number)[]): void => {
    if (typeof value === "string") {
      note(value, path);
      return;
    }
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        visit(value[i], path);
        path.pop();
      }
      return;
    }
    if (typeof value !== "object" || value === null) return;
    const atTop = path.length === 0;
    for (const key of Object.keys(value)) {
      if (atTop && FREE_TEXT_FIELDS.has(key)) continue;
      if (path.length === 1 && path[0] === "metadata" && key === "annotations") continue;
      path.push(key);
      // Flux substitutes keys too (`${FIELD}: x`): that is an unknown field only until then.
      note(key, path);
      visit((value as Record<string, unknown>)[key], path);
      path.pop();
    }
  };
  visit(body, []);
  if (first === undefined) return undefined;
  const quoted = found
    .slice(0, QUOTED)
    .map((text) => JSON.stringify(truncate(text)))
    .join(", ");
  const more = found.length > QUOTED ? ", …" : "";
  const by = [
    flux && "Flux substitutes `${VAR}` variables (Kustomization postBuild)",
    helm && "Helm renders `{{ … }}` actions",
  ]
    .filter(Boolean)
    .join(" and ");
  const hint = [
    flux &&
      "substitute the variables first (`flux envsubst --strict < FILE | gwsim check -` with them exported)",
    helm && "render the chart (`helm template RELEASE CHART -f values.yaml | gwsim check -`)",
  ]
    .filter(Boolean)
    .join(", or ");
  return {
    path: first,
    message: `${subject} holds unrendered placeholders (${quoted}${more}): ${by} before anything is applied. gwsim reads them as literal text, so what it says about these fields is about the placeholders, not about the applied values.`,
    hint: `Check the rendered objects: ${hint}.`,
  };
}

function truncate(text: string): string {
  const chars = Array.from(text);
  return chars.length <= QUOTE_CHARS ? text : `${chars.slice(0, QUOTE_CHARS).join("")}…`;
}
