/**
 * Metamorphic relations over slices of real manifests (fixtures/corpus, fixtures/examples): what
 * README "World" promises whatever the input is, checked by cutting real multi-document inputs
 * into slices and comparing analyses. Seeded; `SLICE_RUNS=N` runs N slices per relation (a
 * campaign; `SLICE_SEED` picks another seed), the default is the quick slice `npm test` runs.
 *
 * Relations that do not hold by design, so the comparison leaves them out (slices.ts):
 * - a note given once per assumed object sits at its first reference in document order, and says
 *   why that reference needed it (README "World"), and an unknown-kind note or summary sits at the
 *   first object of its kinds: compared by what they say, not by the object they sit at;
 * - the route table lists listeners in the order their Gateways are written: compared as a set
 *   (each listener's own hosts and entries in order);
 * - auto: a namespace's ReferenceGrants are authoritative once the slice holds anything of that
 *   namespace (the forgotten-grant mistake), so the auto slice keeps them exactly then;
 * - a slice that keeps part of a (kind, namespace) makes auto authoritative for it: a backend left
 *   out is BackendNotFound, as it would be in the cluster that slice describes. The auto relation
 *   therefore drops whole (kind, namespace) groups; the part-kept case is the assumption check.
 *
 * Compared, with file/line/column taken out: rejecting conditions (False, or True for
 * Conflicted/OverlappingTLSConfig) keyed by object, listener name or parentRef and reason; error
 * diagnostics keyed by code, object and field; for reorderings, the whole status, the route table
 * and every diagnostic (code, severity, object, field, message, hint) as a multiset.
 */
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { analyze, type Analysis, type SourceFile, type WorldMode } from "../src/engine";
import {
  errorFacts,
  joinDocuments,
  loadMultiDocumentInputs,
  locationFree,
  populatedGroups,
  rejections,
  spreadOverFiles,
  unlocatedDiagnostics,
  type DocumentedInput,
} from "./slices";

const ROOT = join(import.meta.dirname, "..");
const INPUTS = loadMultiDocumentInputs(ROOT);
const RUNS = Number(process.env["SLICE_RUNS"] ?? "16");
const SEED = Number(process.env["SLICE_SEED"] ?? "20261205");
const LONG = 600_000;

const whole = new Map<string, Analysis>();
function analyzeWhole(input: DocumentedInput, world: WorldMode): Analysis {
  const key = `${world} ${input.name}`;
  let a = whole.get(key);
  if (a === undefined) {
    a = analyze([{ name: input.name, text: joinDocuments(input.documents) }], { world });
    whole.set(key, a);
  }
  return a;
}

function analyzeSlice(input: DocumentedInput, keep: readonly boolean[], world: WorldMode) {
  const documents = input.documents.filter((_, i) => keep[i]);
  const sources: SourceFile[] = [{ name: input.name, text: joinDocuments(documents) }];
  return { sources, analysis: analyze(sources, { world }) };
}

/** An input (its index in INPUTS, so a counterexample prints short) and the documents a slice keeps. */
const sliceArb = fc.integer({ min: 0, max: INPUTS.length - 1 }).chain((at) =>
  fc.record({
    at: fc.constant(at),
    keep: fc
      .array(fc.boolean(), {
        minLength: docCount(at),
        maxLength: docCount(at),
      })
      .filter((k) => k.some(Boolean)),
  }),
);

function docCount(at: number): number {
  return inputAt(at).documents.length;
}

function inputAt(at: number): DocumentedInput {
  const input = INPUTS[at];
  if (input === undefined) throw new Error(`no input ${at}`);
  return input;
}

const worldArb = fc.constantFrom<WorldMode>("open", "auto", "closed");
const params = (offset: number) => ({ seed: SEED + offset, numRuns: RUNS, endOnFailure: true });

/** What is in `part` and not in `all`, for a message that says exactly what broke the relation. */
function extra(part: ReadonlySet<string>, all: ReadonlySet<string>): string[] {
  return [...part].filter((x) => !all.has(x));
}

describe("slices of real manifests", () => {
  test("the corpus has multi-document inputs to slice", () => {
    expect(INPUTS.length).toBeGreaterThan(50);
    expect(INPUTS.some((i) => i.name.startsWith("fixtures/examples/"))).toBe(true);
  });

  test("the comparisons see a difference when there is one", () => {
    // A closed world blames what the slice lacks: the open-world relation would catch it.
    const example = INPUTS.find((i) => i.name === "fixtures/examples/gitops-slice.yaml");
    if (example === undefined) throw new Error("fixtures/examples/gitops-slice.yaml is missing");
    const keepAll = example.documents.map(() => true);
    const closed = analyzeSlice(example, keepAll, "closed").analysis;
    expect(extra(rejections(closed), rejections(analyzeWhole(example, "open")))).not.toEqual([]);
    // A changed weight changes the route table, whatever the document order.
    const reweighted = example.documents.map((d) => d.replace(/weight: 90/, "weight: 80"));
    expect(reweighted).not.toEqual(example.documents);
    const after = analyze([{ name: example.name, text: joinDocuments(reweighted) }]);
    expect(locationFree(after).routeTable).not.toBe(
      locationFree(analyzeWhole(example, "auto")).routeTable,
    );
  });

  test(
    "dropping documents never crashes, and every diagnostic is located in the slice",
    () => {
      fc.assert(
        fc.property(sliceArb, worldArb, ({ at, keep }, world) => {
          const input = inputAt(at);
          const { sources, analysis } = analyzeSlice(input, keep, world);
          expect(unlocatedDiagnostics(analysis, sources)).toEqual([]);
        }),
        params(1),
      );
    },
    LONG,
  );

  test(
    "open: a slice is refused nothing the whole input is not (nothing missing is blamed)",
    () => {
      fc.assert(
        fc.property(sliceArb, ({ at, keep }) => {
          const input = inputAt(at);
          const all = analyzeWhole(input, "open");
          const { analysis } = analyzeSlice(input, keep, "open");
          expect(extra(rejections(analysis), rejections(all))).toEqual([]);
          expect(extra(errorFacts(analysis), errorFacts(all))).toEqual([]);
        }),
        params(2),
      );
    },
    LONG,
  );
});

/**
 * Each document's "Kind|namespace" (as the world index keys what the input holds), read from the
 * whole input's analysis; a document that holds no object (it does not parse) is its own group.
 */
function groupsOf(input: DocumentedInput): string[] {
  const all = analyzeWhole(input, "auto");
  const groups = input.documents.map((_, i) => `unparsed|${i}`);
  for (const o of all.objects) groups[o.docIndex] = `${o.kind}|${o.namespace ?? ""}`;
  return groups;
}

/**
 * A slice that keeps each (kind, namespace) whole or drops it whole, so `auto` finds every kind
 * and namespace either as complete as the input has it or absent. A namespace's ReferenceGrants
 * are kept exactly when anything else of it is (auto assumes a grant only for a namespace the
 * slice holds nothing of: README "World").
 */
function wholeGroups(input: DocumentedInput, pick: readonly boolean[]): boolean[] {
  const groups = groupsOf(input);
  const chosen = new Map<string, boolean>();
  groups.forEach((g, i) => {
    if (!chosen.has(g)) chosen.set(g, pick[i] ?? false);
  });
  const keep = groups.map((g) => !g.startsWith("ReferenceGrant|") && (chosen.get(g) ?? false));
  const present = new Set<string>();
  const all = analyzeWhole(input, "auto");
  for (const o of all.objects) {
    if (!keep[o.docIndex]) continue;
    if (o.namespace !== undefined) present.add(o.namespace);
    else if (o.kind === "Namespace") present.add(o.name);
  }
  return groups.map((g, i) =>
    g.startsWith("ReferenceGrant|")
      ? present.has(g.slice("ReferenceGrant|".length))
      : (keep[i] ?? false),
  );
}

describe("auto world on slices", () => {
  test(
    "a kind and namespace the slice holds none of is assumed: nothing refused that the whole input is not",
    () => {
      fc.assert(
        fc.property(sliceArb, ({ at, keep: pick }) => {
          const input = inputAt(at);
          const keep = wholeGroups(input, pick);
          fc.pre(keep.some(Boolean));
          const all = analyzeWhole(input, "auto");
          const { analysis } = analyzeSlice(input, keep, "auto");
          expect(extra(rejections(analysis), rejections(all))).toEqual([]);
          expect(extra(errorFacts(analysis), errorFacts(all))).toEqual([]);
        }),
        params(3),
      );
    },
    LONG,
  );

  test(
    "a kind and namespace the slice holds some of is authoritative: nothing of it assumed",
    () => {
      fc.assert(
        fc.property(sliceArb, ({ at, keep }) => {
          const input = inputAt(at);
          const { analysis } = analyzeSlice(input, keep, "auto");
          const held = populatedGroups(analysis);
          const namespaces = new Set(
            analysis.objects.map((o) => (o.kind === "Namespace" ? o.name : o.namespace)),
          );
          const wrong = analysis.assumptions.filter((a) =>
            a.kind === "ReferenceGrant"
              ? namespaces.has(a.namespace)
              : held.has(`${a.kind}|${a.namespace ?? ""}`) && !AUTHORITY_EXCEPTIONS.test(a.why),
          );
          expect(wrong.map((a) => `${a.key}: ${a.why}`)).toEqual([]);
        }),
        params(4),
      );
    },
    LONG,
  );
});

describe("document order and files", () => {
  test("every example, its documents reversed and one file each, reads the same", () => {
    const examples = INPUTS.filter((i) => i.name.startsWith("fixtures/examples/"));
    for (const input of examples) {
      const reversed = [...input.documents].reverse();
      const moved = spreadOverFiles(
        input.name,
        reversed,
        reversed.map((_, i) => i),
      );
      for (const world of ["auto", "closed"] as const) {
        const before = locationFree(analyzeWhole(input, world));
        const after = locationFree(analyze(moved, { world }));
        expect(after, `${input.name} (${world})`).toEqual(before);
      }
    }
  });

  test(
    "reordering documents or splitting them over files changes nothing but file/line",
    () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: INPUTS.length - 1 }).chain((at) =>
            fc.record({
              at: fc.constant(at),
              order: fc.array(fc.double({ noNaN: true }), {
                minLength: docCount(at),
                maxLength: docCount(at),
              }),
              fileOf: fc.array(fc.integer({ min: 0, max: 3 }), {
                minLength: docCount(at),
                maxLength: docCount(at),
              }),
            }),
          ),
          worldArb,
          ({ at, order, fileOf }, world) => {
            const input = inputAt(at);
            const permutation = input.documents
              .map((_, i) => i)
              .sort((a, b) => (order[a] ?? 0) - (order[b] ?? 0) || a - b);
            const moved = spreadOverFiles(
              input.name,
              permutation.map((i) => input.documents[i] ?? ""),
              permutation.map((i) => fileOf[i] ?? 0),
            );
            const before = locationFree(analyzeWhole(input, world));
            const after = locationFree(analyze(moved, { world }));
            expect(after.diagnostics).toEqual(before.diagnostics);
            expect(after.status).toBe(before.status);
            expect(after.routeTable).toBe(before.routeTable);
          },
        ),
        params(5),
      );
    },
    LONG,
  );
});

/** Objects of a namespace no input uses, naming only each other: unrelated to everything else. */
const UNRELATED_NAMESPACE = "zz-unrelated-slice";
const UNRELATED = [
  `apiVersion: v1\nkind: Service\nmetadata: {name: lone, namespace: ${UNRELATED_NAMESPACE}}\nspec: {selector: {app: lone}, ports: [{port: 80}]}\n`,
  `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lone, namespace: ${UNRELATED_NAMESPACE}}\ndata: {a: b}\n`,
  `apiVersion: v1\nkind: Secret\nmetadata: {name: lone, namespace: ${UNRELATED_NAMESPACE}}\ntype: Opaque\ndata: {a: Yg==}\n`,
  `apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: lone, namespace: ${UNRELATED_NAMESPACE}}\nspec:\n  gatewayClassName: zz-unrelated-class\n  listeners: [{name: http, port: 8080, protocol: HTTP}]\n`,
  `apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: lone, namespace: ${UNRELATED_NAMESPACE}}\nspec:\n  parentRefs: [{name: lone}]\n  hostnames: [lone.unrelated.test]\n  rules: [{backendRefs: [{name: lone, port: 80}]}]\n`,
];

describe("an unrelated document", () => {
  test(
    "adding documents of another namespace changes no other object's status or diagnostics",
    () => {
      fc.assert(
        fc.property(
          sliceArb,
          fc.subarray(UNRELATED, { minLength: 1 }),
          fc.nat(),
          worldArb,
          ({ at, keep }, added, where, world) => {
            const input = inputAt(at);
            const documents = input.documents.filter((_, i) => keep[i]);
            const before = analyze([{ name: input.name, text: joinDocuments(documents) }], {
              world,
            });
            const after = analyze(
              [
                {
                  name: input.name,
                  text: joinDocuments([
                    ...documents.slice(0, where % (documents.length + 1)),
                    ...added,
                    ...documents.slice(where % (documents.length + 1)),
                  ]),
                },
              ],
              { world },
            );
            const others = (a: Analysis) => {
              const free = locationFree({
                ...a,
                status: Object.fromEntries(
                  Object.entries(a.status).filter(([k]) => !k.includes(`/${UNRELATED_NAMESPACE}/`)),
                ),
                diagnostics: a.diagnostics.filter(
                  (d) => !(d.objectKey ?? "").includes(`/${UNRELATED_NAMESPACE}/`),
                ),
              });
              return { status: free.status, diagnostics: free.diagnostics };
            };
            expect(others(after)).toEqual(others(before));
          },
        ),
        params(6),
      );
    },
    LONG,
  );
});

/**
 * Assumed although the slice holds others of the kind in that namespace, by design (README
 * "World"): a Secret cert-manager issues from a Certificate of the input; a GatewayClass an
 * implementation installs itself under a fixed name.
 */
const AUTHORITY_EXCEPTIONS = /^cert-manager issues it|installs|well.known/;
