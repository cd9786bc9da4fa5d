/**
 * The API server's structural defaulting: every field the CRD schema gives a `default` and the
 * object leaves out is filled in, at every depth (list entries and map values included, and inside
 * a default just applied), before any CEL rule runs. So `tls: {certificateRefs: […]}` on a TLS
 * listener is checked as `mode: Terminate`, as the cluster sees it. The defaults come from the
 * generated CRD schemas, never from a hand list.
 * @see https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#defaulting
 */
import type { JsonSchema } from "./crdSchemas";
import { isObject } from "./validationIssue";
import { setOwn } from "../collections/setOwn";

/**
 * A defaulted version of `value`; the input is never changed. Values of the wrong type are left as
 * they are. Only the mappings and lists on the way to a default applied are copied: a part that
 * gains no default is the input's own object (the result is read, never written), so defaulting
 * every object of a large workspace allocates little more than the defaults themselves.
 */
export function applyCrdDefaults(value: unknown, schema: JsonSchema | undefined): unknown {
  if (!schema || typeof value !== "object" || value === null) return value;
  return defaultWith(value, planOf(schema));
}

/**
 * applyCrdDefaults with the schema's plan in hand: the plans link to their children's plans, so
 * the walk below the top looks up no plan (a lookup per mapping and list entry of every object).
 */
function defaultWith(value: unknown, plan: DefaultsPlan): unknown {
  if (typeof value !== "object" || value === null) return value;
  // Nothing below this schema has a default: the value is its own defaulted version.
  if (!plan.any) return value;
  if (Array.isArray(value)) return plan.items ? defaultItems(value, plan.items) : value;
  if (!isObject(value)) return value;
  let out: Record<string, unknown> | undefined;
  const extra = plan.extra;
  if (extra === undefined) {
    // Only the fields whose schema has a default somewhere below can change: the plan lists
    // them once per schema, so a mapping is not walked field by field (nor each field's schema
    // looked up) to find the few that matter. The copy keeps the mapping's own field order, and
    // a field overwritten in it keeps its place, so the order the fields are visited in is free.
    const descend = plan.descend;
    for (let d = 0; d < descend.length; d++) {
      const entry = descend[d] as readonly [string, DefaultsPlan];
      const key = entry[0];
      if (!Object.hasOwn(value, key)) continue;
      const child = value[key];
      const defaulted = defaultWith(child, entry[1]);
      if (defaulted === child) continue;
      out ??= copyOwn(value);
      setOwn(out, key, defaulted);
    }
  } else {
    // Map values with defaults below them (rare): every field may change.
    const properties = plan.schema.properties;
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      const child = value[key];
      const childSchema = properties && Object.hasOwn(properties, key) ? properties[key] : extra;
      const defaulted = applyCrdDefaults(child, childSchema);
      if (defaulted === child) continue;
      out ??= copyOwn(value);
      setOwn(out, key, defaulted);
    }
  }
  const defaulted = plan.defaulted;
  for (let d = 0; d < defaulted.length; d++) {
    const entry = defaulted[d] as DefaultedField;
    const key = entry[0];
    // The copy holds the same keys as the value, plus defaults of keys the value lacks (each
    // key once in the plan): the value answers for both.
    if (Object.hasOwn(value, key)) continue;
    out ??= copyOwn(value);
    const given = entry[1].default;
    // Defaults are JSON in the CRD; the copy keeps the shared schema untouched. Nearly every
    // default is a scalar (a kind, a group, a weight, a path type), which is its own copy and
    // has nothing below it to default.
    setOwn(
      out,
      key,
      typeof given === "object" && given !== null ? defaultWith(copyJson(given), entry[2]) : given,
    );
  }
  return out ?? value;
}

/** A property that gives a default: its name, its schema and the schema's plan. */
type DefaultedField = readonly [string, JsonSchema, DefaultsPlan];

/** What defaulting needs to know of a schema, worked out once per schema (they are shared). */
interface DefaultsPlan {
  schema: JsonSchema;
  /** Whether this schema or one anywhere below it gives a default. */
  any: boolean;
  /** The properties that give a default, in the schema's order, with their plans. */
  defaulted: readonly DefaultedField[];
  /** The properties with a default anywhere below them (the only ones a value may change at). */
  descend: readonly (readonly [string, DefaultsPlan])[];
  /** The plan of the list entries' schema (`items`), if any. */
  items: DefaultsPlan | undefined;
  /** additionalProperties, when a default sits anywhere below it (then every field is visited). */
  extra: JsonSchema | undefined;
}

// A Map, not a WeakMap: the schemas are the module's own constants, and its lookup is faster.
const plans = new Map<JsonSchema, DefaultsPlan>();

function planOf(schema: JsonSchema): DefaultsPlan {
  const known = plans.get(schema);
  if (known !== undefined) return known;
  const defaulted: DefaultedField[] = [];
  const descend: (readonly [string, DefaultsPlan])[] = [];
  // Until worked out, a schema met again below itself counts as having defaults (the walk then
  // simply looks, as it did before plans); CRD schemas are trees, so this does not happen.
  const plan: DefaultsPlan = {
    schema,
    any: true,
    defaulted,
    descend,
    items: undefined,
    extra: additional(schema),
  };
  plans.set(schema, plan);
  let any = false;
  if (schema.properties) {
    for (const key in schema.properties) {
      if (!Object.hasOwn(schema.properties, key)) continue;
      const child = schema.properties[key] as JsonSchema;
      const childPlan = planOf(child);
      if (child.default !== undefined) defaulted.push([key, child, childPlan]);
      if (childPlan.any) {
        any = true;
        descend.push([key, childPlan]);
      }
    }
  }
  if (defaulted.length > 0) any = true;
  if (schema.items) {
    plan.items = planOf(schema.items);
    if (plan.items.any) any = true;
  }
  const extra = additional(schema);
  if (extra && planOf(extra).any) any = true;
  else plan.extra = undefined;
  plan.any = any;
  return plan;
}

function defaultItems(list: readonly unknown[], items: DefaultsPlan): unknown {
  let out: unknown[] | undefined;
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    const defaulted = defaultWith(item, items);
    // The whole list at once, then overwritten from here on: a list grown by push keeps spare
    // room as long as the analysis does.
    if (out === undefined && defaulted !== item) out = list.slice();
    if (out !== undefined) out[i] = defaulted;
  }
  return out ?? list;
}

/**
 * A fresh mapping holding the own fields of `value`, in order. Spread copies exactly the own
 * enumerable fields (a `__proto__` field stays a field: spread defines, it does not assign), and
 * V8 clones a mapping's layout in one step where a field-by-field copy added each field in turn.
 */
function copyOwn(value: Record<string, unknown>): Record<string, unknown> {
  return { ...value };
}

/** A deep copy of JSON data (a CRD default): what JSON.parse(JSON.stringify(x)) gives, faster. */
function copyJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyJson);
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) setOwn(out, key, copyJson(value[key]));
  return out;
}

function additional(schema: JsonSchema): JsonSchema | undefined {
  return typeof schema.additionalProperties === "object" ? schema.additionalProperties : undefined;
}
