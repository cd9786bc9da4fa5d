/**
 * The Platform panel's checks (PlatformChecksBody.tsx: the worker query, TanStack Query's
 * useQuery, the findings list and the lens) load on the panel's first open: the panel is closed
 * at first paint, and its header is all the first graph needs.
 */
import type * as PlatformChecksBodyModule from "./PlatformChecksBody";

export type PlatformChecksBodyModuleType = typeof PlatformChecksBodyModule;

let loading: Promise<PlatformChecksBodyModuleType> | undefined;
let loaded: PlatformChecksBodyModuleType | undefined;

/** A failed fetch is not kept: the next open or tab click tries again. */
export function loadPlatformChecksBody(): Promise<PlatformChecksBodyModuleType> {
  loading ??= import("./PlatformChecksBody").then(
    (module) => (loaded = module),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** The module when it has arrived already (a panel mounted again needs no placeholder). */
export function loadedPlatformChecksBody(): PlatformChecksBodyModuleType | undefined {
  return loaded;
}
