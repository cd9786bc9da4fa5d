/**
 * Structure-aware mutations: the text is parsed as YAML, one node at a real path of a real object
 * is changed, and the stream is written back. The YAML stays valid, so what breaks is the Gateway
 * API itself: a field of the wrong type or out of range at any CRD path, a key a JavaScript object
 * is fragile about (`__proto__`), hostile characters in names and hostnames, documents that are a
 * scalar or a list, `kind: List` nesting, apiVersion variants, an object or a list repeated a
 * thousand times, an alias bomb, and regular expressions shaped for catastrophic backtracking.
 * Text the `yaml` library cannot parse (an earlier mutation broke it) is returned as it is.
 */
import fc from "fast-check";
import {
  Document,
  isMap,
  isScalar,
  isSeq,
  parseAllDocuments,
  visit,
  type Node,
  type Scalar,
  type ParsedNode,
} from "yaml";
import type { Mutation } from "./mutations";

type Path = (string | number)[];

const nat = fc.nat({ max: 1_000_000 });

/** A nested list `depth` deep, for "deep nesting" at any path. */
function nested(depth: number, leaf: unknown): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { a: value };
  return value;
}

/** An object whose own key is `__proto__` (an object literal would set the prototype instead). */
const PROTO_MAP: unknown = JSON.parse('{"__proto__": {"polluted": true}, "constructor": 1}');

/**
 * What a field may hold instead of its value: every JSON type, the limits of the CRD schemas
 * (ports, weights, lengths) plus one, long and deep values, and hostile strings.
 */
export const HOSTILE_VALUES: readonly unknown[] = [
  null,
  "",
  0,
  -1,
  5,
  "5",
  1.5,
  true,
  [],
  {},
  [null],
  [{}],
  65535,
  65536,
  1_000_000,
  1_000_001,
  2_147_483_647,
  2_147_483_648,
  1e21,
  -1e21,
  "a".repeat(10_000),
  "a".repeat(64),
  "a".repeat(254),
  `${"a".repeat(63)}.${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(62)}`,
  nested(200, "x"),
  nested(60, { name: "x", port: 80 }),
  PROTO_MAP,
  "__proto__",
  "constructor",
  "toString",
  "\u202eevil\u202c",
  "sh\u200bop",
  "\x1b[2K\x1b[1Gok",
  "nul\0byte",
  "lone\ud800surrogate",
  "İstanbul",
  "ǅ",
  "line\nbreak",
  "tab\there",
  "\r\n",
  "*",
  "*.*",
  "*.",
  ".",
  "..",
  "-",
  "a..b",
  "EXAMPLE.COM",
  "example.com.",
  "xn--",
  "xn--ls8h.example",
  "😀.example.com",
  "1.2.3.4",
  "[::1]",
  "host:8080",
  " lead",
  "trail ",
  "a/b",
  "default/x",
  "${SECRET_DOMAIN}",
  "{{ .Release.Name }}",
  "(a+)+$",
  "/(a|a)*b",
  "^(([a-z])+.)+[A-Z]([a-z])+$",
  "(?i)x",
  "\\",
  "[",
  "/%2e%2e/%00",
  "/a?b=%zz#frag",
  "PT5S",
  "1h1h1h",
  "9999999999999h",
];

/** Names of fields of the Gateway API kinds, to add where they are absent or misplaced. */
export const FIELD_NAMES: readonly string[] = [
  "apiVersion",
  "kind",
  "metadata",
  "name",
  "namespace",
  "labels",
  "annotations",
  "spec",
  "status",
  "gatewayClassName",
  "controllerName",
  "parametersRef",
  "listeners",
  "hostname",
  "hostnames",
  "port",
  "protocol",
  "tls",
  "mode",
  "certificateRefs",
  "allowedRoutes",
  "namespaces",
  "from",
  "selector",
  "matchLabels",
  "matchExpressions",
  "kinds",
  "parentRefs",
  "sectionName",
  "group",
  "rules",
  "matches",
  "path",
  "type",
  "value",
  "headers",
  "queryParams",
  "method",
  "filters",
  "requestRedirect",
  "urlRewrite",
  "requestMirror",
  "backendRefs",
  "weight",
  "timeouts",
  "request",
  "backendRequest",
  "retry",
  "sessionPersistence",
  "targetRefs",
  "validation",
  "addresses",
  "infrastructure",
  "items",
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  "<<",
  "\u202ename",
  "na\u200bme",
  "",
];

const API_VERSIONS: readonly unknown[] = [
  "gateway.networking.k8s.io/v1",
  "gateway.networking.k8s.io/v1beta1",
  "gateway.networking.k8s.io/v1alpha2",
  "gateway.networking.k8s.io/v1alpha3",
  "gateway.networking.k8s.io/v2",
  "gateway.networking.k8s.io",
  "gateway.networking.x-k8s.io/v1alpha1",
  "Gateway.Networking.K8s.io/v1",
  "/v1",
  "v1",
  "networking.k8s.io/v1",
  "",
  null,
  5,
  ["gateway.networking.k8s.io/v1"],
];

const REGEX_BOMBS: readonly string[] = [
  "(a+)+$",
  "(a|aa)+$",
  "(a|a)*b",
  "(.*a){25}",
  "^(([a-z])+.)+[A-Z]([a-z])+$",
  "(x+x+)+y",
  "/(a*)*b",
  "((ab)*|a)*c",
  "(?:a?){30}a{30}",
  "\\1",
  "(?<n>a)\\k<n>",
  "(?=a)a",
  "a{1000000}",
  "[",
];

/** One parsed stream, or undefined when the text is not YAML the library reads without error. */
function parseStream(text: string): Document.Parsed[] | undefined {
  const docs = parseAllDocuments(text, { uniqueKeys: false, strict: false });
  if (!Array.isArray(docs)) return undefined;
  if (docs.some((d) => d.errors.length > 0)) return undefined;
  return docs;
}

/** The stream written back; the input as it is when the library cannot write it. */
function writeStream(docs: readonly Document[], fallback: string): string {
  try {
    return docs.map((d) => d.toString({ lineWidth: 0 })).join("---\n");
  } catch {
    return fallback;
  }
}

/** Every node of every document with its path: the places a field can go wrong. */
function nodePaths(docs: readonly Document.Parsed[]): { doc: number; path: Path }[] {
  const out: { doc: number; path: Path }[] = [];
  docs.forEach((doc, index) => {
    visit(doc, {
      Pair: (_key, pair, path) => {
        const keyNode = pair.key;
        const key = isScalar(keyNode) ? keyNode.value : undefined;
        if (typeof key !== "string" && typeof key !== "number") return;
        out.push({ doc: index, path: [...pathOf(path), key] });
      },
    });
  });
  return out;
}

/** The key path of a visitor's ancestry (documents, maps, pairs, sequences). */
function pathOf(ancestry: readonly unknown[]): Path {
  const path: Path = [];
  for (let i = 0; i < ancestry.length; i++) {
    const node = ancestry[i];
    const child = ancestry[i + 1];
    if (isSeq(node) && child !== undefined) path.push(node.items.indexOf(child as ParsedNode));
    else if (
      node !== null &&
      typeof node === "object" &&
      "key" in node &&
      "value" in node &&
      isScalar((node as { key: unknown }).key)
    ) {
      const key = ((node as { key: Scalar }).key as Scalar).value;
      if (typeof key === "string" || typeof key === "number") path.push(key);
    }
  }
  return path;
}

/** Applies `edit` to the stream when it parses; the text as it is otherwise. */
function onStream(text: string, edit: (docs: Document.Parsed[]) => Document[] | void): string {
  const docs = parseStream(text);
  if (docs === undefined || docs.length === 0) return text;
  try {
    const edited = edit(docs) ?? docs;
    return writeStream(edited, text);
  } catch {
    return text;
  }
}

/** The value at a real path replaced by a hostile one. */
const fieldValue = fc.tuple(nat, fc.nat({ max: HOSTILE_VALUES.length - 1 })).map(
  ([pos, v]): Mutation =>
    (text) =>
      onStream(text, (docs) => {
        const paths = nodePaths(docs);
        if (paths.length === 0) return;
        const { doc, path } = paths[pos % paths.length] as { doc: number; path: Path };
        const d = docs[doc] as Document.Parsed;
        d.setIn(path, d.createNode(HOSTILE_VALUES[v]));
      }),
);

/** A field added to a map where it may or may not belong, holding a hostile value. */
const fieldAdded = fc
  .tuple(nat, fc.constantFrom(...FIELD_NAMES), fc.nat({ max: HOSTILE_VALUES.length - 1 }))
  .map(
    ([pos, name, v]): Mutation =>
      (text) =>
        onStream(text, (docs) => {
          const maps: { doc: number; node: Node }[] = [];
          docs.forEach((doc, index) =>
            visit(doc, {
              Map: (_key, node) => void maps.push({ doc: index, node }),
            }),
          );
          if (maps.length === 0) return;
          const { doc, node } = maps[pos % maps.length] as { doc: number; node: Node };
          if (!isMap(node)) return;
          const d = docs[doc] as Document.Parsed;
          node.set(d.createNode(name), d.createNode(HOSTILE_VALUES[v]));
        }),
  );

/** A key renamed to one a JavaScript object is fragile about, or to a hostile string. */
const keyRenamed = fc
  .tuple(
    nat,
    fc.constantFrom(
      "__proto__",
      "constructor",
      "toString",
      "valueOf",
      "hasOwnProperty",
      "\u202ename",
      "na\u200bme",
      "NAME",
      "",
      "<<",
    ),
  )
  .map(
    ([pos, name]): Mutation =>
      (text) =>
        onStream(text, (docs) => {
          const keys: Scalar[] = [];
          for (const doc of docs)
            visit(doc, {
              Pair: (_key, pair) => {
                if (isScalar(pair.key)) keys.push(pair.key);
              },
            });
          const key = keys[pos % Math.max(1, keys.length)];
          if (key) key.value = name;
        }),
  );

/** A document turned into something that is not an object: a scalar, a list, an empty map. */
const documentShape = fc
  .tuple(nat, fc.constantFrom<unknown>("hello", 5, null, [1, 2], [{ kind: "Gateway" }], {}, true))
  .map(
    ([pos, value]): Mutation =>
      (text) =>
        onStream(text, (docs) => {
          const d = docs[pos % docs.length] as Document.Parsed;
          d.contents = d.createNode(value) as typeof d.contents;
        }),
  );

/** The documents gathered into a `kind: List` (sometimes one inside another, or with bad items). */
const listWrap = fc
  .tuple(
    fc.constantFrom("List", "GatewayList", "HTTPRouteList", "list"),
    fc.integer({ min: 1, max: 3 }),
    fc.constantFrom<unknown>(undefined, null, 5, "x", [null, 5, "x"]),
  )
  .map(
    ([kind, depth, extra]): Mutation =>
      (text) =>
        onStream(text, (docs) => {
          let items: unknown[] = docs.map((d) => d.toJS({ maxAliasCount: 100 }) as unknown);
          if (extra !== undefined) items = items.concat(extra);
          let wrapped: unknown = { apiVersion: "v1", kind, items };
          for (let i = 1; i < depth; i++)
            wrapped = { apiVersion: "v1", kind: "List", items: [wrapped] };
          return [new Document(wrapped)];
        }),
  );

/** apiVersion of one document set to a variant: older versions, a typo, no group, a wrong type. */
const apiVersion = fc.tuple(nat, fc.constantFrom(...API_VERSIONS)).map(
  ([pos, version]): Mutation =>
    (text) =>
      onStream(text, (docs) => {
        const d = docs[pos % docs.length] as Document.Parsed;
        if (isMap(d.contents)) d.set("apiVersion", version);
      }),
);

/**
 * What a repeating mutation may add: the point is many objects or items, not megabytes (an earlier
 * mutation's 70 KB value copied 3,000 times made 200 MB inputs whose generation alone took minutes).
 */
const GROWTH_BUDGET = 1_500_000;

/** One document repeated many times, with its name kept (duplicates) or numbered. */
const manyDocuments = fc
  .tuple(nat, fc.constantFrom(50, 300, 1_500), fc.boolean())
  .map(([pos, wanted, rename]): Mutation => (text) => {
    const docs = parseStream(text);
    if (docs === undefined || docs.length === 0) return text;
    const d = docs[pos % docs.length] as Document.Parsed;
    const size = d.toString({ lineWidth: 0 }).length;
    const times = Math.min(wanted, Math.floor(GROWTH_BUDGET / Math.max(1, size)));
    const copies: string[] = [];
    for (let i = 0; i < times; i++) {
      if (rename && isMap(d.contents)) d.setIn(["metadata", "name"], `copy-${i}`);
      copies.push(d.toString({ lineWidth: 0 }));
    }
    return `${text}\n---\n${copies.join("---\n")}`;
  });

/** A list (parentRefs, rules, matches, backendRefs, listeners, hostnames) repeated to a large size. */
const longList = fc.tuple(nat, fc.constantFrom(100, 1_000, 3_000)).map(
  ([pos, wanted]): Mutation =>
    (text) =>
      onStream(text, (docs) => {
        const seqs: { doc: number; path: Path }[] = [];
        docs.forEach((doc, index) =>
          visit(doc, {
            Seq: (_key, node, path) => {
              if (node.items.length > 0) seqs.push({ doc: index, path: pathOfSeq(node, path) });
            },
          }),
        );
        if (seqs.length === 0) return;
        const { doc, path } = seqs[pos % seqs.length] as { doc: number; path: Path };
        const d = docs[doc] as Document.Parsed;
        const items = d.getIn(path, false) as unknown;
        if (!isSeq(items)) return;
        const first = (items.toJSON() as unknown[])[0];
        const size = JSON.stringify(first ?? null).length;
        const times = Math.min(wanted, Math.floor(GROWTH_BUDGET / Math.max(1, size)));
        d.setIn(path, d.createNode(Array.from({ length: times }, () => first)));
      }),
);

function pathOfSeq(node: unknown, ancestry: readonly unknown[]): Path {
  return pathOf([...ancestry, node]);
}

/**
 * An alias bomb (the "billion laughs"): each level lists the previous one nine times. The loader's
 * alias cap must stop it with a located diagnostic; expanding it would take 9^depth nodes.
 */
const aliasBomb = fc
  .tuple(fc.integer({ min: 3, max: 9 }), fc.constantFrom("spec", "metadata", "labels"))
  .map(([depth, field]): Mutation => (text) => {
    const levels = [`  l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]`];
    for (let i = 1; i < depth; i++)
      levels.push(`  l${i}: &l${i} [${Array.from({ length: 9 }, () => `*l${i - 1}`).join(",")}]`);
    return `apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: bomb\n${field}:\n${levels.join("\n")}\n---\n${text}`;
  });

/** A regular expression shaped for catastrophic backtracking, at a match of some rule. */
const regexMatch = fc
  .tuple(nat, fc.constantFrom(...REGEX_BOMBS), fc.constantFrom("path", "headers", "queryParams"))
  .map(
    ([pos, pattern, where]): Mutation =>
      (text) =>
        onStream(text, (docs) => {
          const rules: { doc: number; path: Path }[] = [];
          docs.forEach((doc, index) =>
            visit(doc, {
              Pair: (_key, pair, path) => {
                if (isScalar(pair.key) && pair.key.value === "rules" && isSeq(pair.value))
                  pair.value.items.forEach((_, r) =>
                    rules.push({ doc: index, path: [...pathOf(path), "rules", r] }),
                  );
              },
            }),
          );
          if (rules.length === 0) return;
          const { doc, path } = rules[pos % rules.length] as { doc: number; path: Path };
          const d = docs[doc] as Document.Parsed;
          const match =
            where === "path"
              ? { path: { type: "RegularExpression", value: pattern } }
              : { [where]: [{ type: "RegularExpression", name: "x-a", value: pattern }] };
          d.setIn([...path, "matches"], d.createNode([match]));
        }),
  );

/**
 * The structured mutations that keep the input's size: a user's edit, for the incremental
 * differential fuzzer, where each step is analysed three times.
 */
export const structuredEditArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fieldValue },
  { weight: 3, arbitrary: fieldAdded },
  { weight: 1, arbitrary: keyRenamed },
  { weight: 1, arbitrary: documentShape },
  { weight: 1, arbitrary: apiVersion },
  { weight: 1, arbitrary: regexMatch },
);

export const structuredMutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fieldValue },
  { weight: 3, arbitrary: fieldAdded },
  { weight: 1, arbitrary: keyRenamed },
  { weight: 1, arbitrary: documentShape },
  { weight: 1, arbitrary: listWrap },
  { weight: 1, arbitrary: apiVersion },
  { weight: 1, arbitrary: manyDocuments },
  { weight: 1, arbitrary: longList },
  { weight: 1, arbitrary: aliasBomb },
  { weight: 2, arbitrary: regexMatch },
);
