/**
 * The engine worker's API with the engine's on-demand modules (engine/modules/engineModules.ts):
 * `yaml` is not in the worker's first chunk, and a call that turns out to need it is run again
 * once it is loaded (with the others its sources likely need, in one batch), so the page gets the
 * answer a worker with everything loaded gives.
 *
 * Only the analysis calls run before a module is loaded: they are pure functions of their
 * arguments plus caches that a thrown run leaves as they were (the revision cache stores an entry
 * only when its analysis finished; parsed chunks are keyed by their text). Every other call (the
 * simulator, platform checks, fix-it previews, migration) loads all modules first: those are
 * used after the first graph, and some report progress, which a second run would repeat.
 */
import { loadAllEngineModules, withEngineModules } from "../engine/modules";

/**
 * Calls whose run may start without the on-demand modules (retried if one is needed), each with
 * the position of its sources among its arguments, whose texts hint at the modules to load.
 */
const ANALYSIS_CALLS: ReadonlyMap<string, number | undefined> = new Map([
  ["analyze", 1],
  ["analysisUpdate", 3],
  ["setWorld", undefined],
  ["setReadings", undefined],
  ["crdSchemas", undefined],
  ["preloadModules", undefined],
]);

function textsOf(sources: unknown): string[] {
  if (!Array.isArray(sources)) return [];
  const texts: string[] = [];
  for (const source of sources as { text?: unknown }[])
    if (typeof source?.text === "string") texts.push(source.text);
  return texts;
}

type Retrying<A> = {
  [K in keyof A]: A[K] extends (...args: infer P) => infer R
    ? (...args: P) => Promise<Awaited<R>>
    : A[K];
};

export function withOnDemandModules<A extends object>(api: A): Retrying<A> {
  const wrapped: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(api)) {
    if (typeof member !== "function") {
      wrapped[name] = member;
      continue;
    }
    const call = (...args: unknown[]): unknown =>
      (member as (...a: unknown[]) => unknown).apply(api, args);
    const sourcesAt = ANALYSIS_CALLS.get(name);
    wrapped[name] = ANALYSIS_CALLS.has(name)
      ? (...args: unknown[]) =>
          withEngineModules(
            () => call(...args),
            () => (sourcesAt === undefined ? [] : textsOf(args[sourcesAt])),
          )
      : async (...args: unknown[]) => {
          await loadAllEngineModules();
          return withEngineModules(() => call(...args));
        };
  }
  return wrapped as Retrying<A>;
}
