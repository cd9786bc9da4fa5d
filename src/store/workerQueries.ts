/**
 * The one latest-wins rule for every call to the engine worker (analysis, platform checks,
 * traces, mix traffic, what-if, canary runs), on @tanstack/react-query's QueryClient:
 *
 * - A call is a query keyed by its kind and what it depends on (the revision, the request…).
 * - A newer call of a kind cancels the older ones still pending: their answers are dropped and
 *   their AbortSignal fires (a canary run forwards that to the worker as simCancel).
 * - Calls of one kind reach the worker one at a time: a call waits for the previous one of its
 *   kind to settle, and a call cancelled while waiting is never sent. Typing faster than the worker
 *   analyses therefore never queues stale work in it.
 *
 * This replaces the hand-made rules that were here before (an in-flight flag in analysisSync,
 * sequence counters in simulatorClient, an effect cleanup flag in usePlatformChecks).
 */
import { CancelledError, hashKey, QueryClient, type QueryKey } from "@tanstack/react-query";

export type WorkerCallKind =
  "analysis" | "platformChecks" | "trace" | "mixTraffic" | "whatIf" | "simRun";

export interface WorkerQueries {
  readonly client: QueryClient;
  /** Query options for `useQuery` / `fetchQuery`: the gated call under [kind, ...key]. */
  options<T>(
    kind: WorkerCallKind,
    key: readonly unknown[],
    call: (signal: AbortSignal) => Promise<T>,
  ): {
    queryKey: QueryKey;
    queryFn: (context: { signal: AbortSignal }) => Promise<T>;
  };
  /** Runs a call, cancelling older calls of its kind; undefined when a newer call overtook it. */
  latest<T>(
    kind: WorkerCallKind,
    key: readonly unknown[],
    call: (signal: AbortSignal) => Promise<T>,
  ): Promise<T | undefined>;
  /** Cancels every pending call of a kind (their answers are dropped). */
  cancel(kind: WorkerCallKind): Promise<void>;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Worker answers are exact for their key: never refetch on focus or by age, never retry
      // (a failure is a bug report, not a flaky network), and drop unused answers soon (an
      // analysis of a large workspace is megabytes).
      queries: {
        staleTime: Infinity,
        gcTime: 10_000,
        retry: false,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
      },
    },
  });
}

export function createWorkerQueries(client: QueryClient = createQueryClient()): WorkerQueries {
  /** The last call of each kind that reached the worker, and whether its answer is back. */
  const inWorker = new Map<WorkerCallKind, { sent: Promise<unknown>; settled: boolean }>();

  function send<T>(
    kind: WorkerCallKind,
    call: (signal: AbortSignal) => Promise<T>,
    signal: AbortSignal,
  ) {
    let sent: Promise<T>;
    try {
      sent = call(signal);
    } catch (error) {
      sent = Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    const entry = { sent: sent as Promise<unknown>, settled: false };
    inWorker.set(kind, entry);
    const done = () => {
      entry.settled = true;
    };
    void sent.then(done, done);
    return sent;
  }

  function options<T>(
    kind: WorkerCallKind,
    key: readonly unknown[],
    call: (signal: AbortSignal) => Promise<T>,
  ) {
    return {
      queryKey: [kind, ...key] as QueryKey,
      queryFn: ({ signal }: { signal: AbortSignal }): Promise<T> => {
        const previous = inWorker.get(kind);
        // Nothing of this kind in the worker: the call is sent in the caller's task, before any
        // microtask. A keystroke's analysis then reaches the worker before React renders that
        // keystroke's other updates (the inspector, the toolbar), instead of after them.
        if (previous === undefined || previous.settled) return send(kind, call, signal);
        return settled(previous.sent).then(() => {
          // Overtaken while waiting: the worker never hears of it.
          if (signal.aborted) throw new CancelledError({ revert: true });
          return send(kind, call, signal);
        });
      },
    };
  }

  /** Synchronous in effect (the cancel happens before this returns), so calls made back to back order correctly. */
  function cancelOthers(kind: WorkerCallKind, queryKey: QueryKey): Promise<void> {
    const keep = hashKey(queryKey);
    return client.cancelQueries({ queryKey: [kind], predicate: (q) => q.queryHash !== keep });
  }

  return {
    client,
    options,
    async latest(kind, key, call) {
      const opts = options(kind, key, call);
      void cancelOthers(kind, opts.queryKey);
      try {
        return await client.fetchQuery(opts);
      } catch (error) {
        if (error instanceof CancelledError) return undefined;
        throw error;
      } finally {
        // Answers land in the store; the cache only holds calls in flight (and useQuery's own).
        if (
          client
            .getQueryCache()
            .find({ queryKey: opts.queryKey, exact: true })
            ?.getObserversCount() === 0
        ) {
          client.removeQueries({ queryKey: opts.queryKey, exact: true });
        }
      }
    },
    async cancel(kind) {
      await client.cancelQueries({ queryKey: [kind] });
    },
  };
}

async function settled(promise: Promise<unknown> | undefined): Promise<void> {
  if (promise === undefined) return;
  try {
    await promise;
  } catch {
    // The previous call's failure is reported to its own caller.
  }
}
