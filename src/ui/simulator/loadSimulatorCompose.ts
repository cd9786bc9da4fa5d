/**
 * The simulator panel's header (in the page's first chunk) composes a request on the panel's first
 * open and from "Compose from …": store/simulatorCompose.ts, which loads on that first use (with
 * the engine's request derivation), like the panel's body.
 */
import { useGwsimStore } from "../../store";
import type * as SimulatorComposeModule from "../../store/simulatorCompose";

let loading: Promise<typeof SimulatorComposeModule> | undefined;

/** A failed fetch is not kept: the next open or click tries again. */
export function loadSimulatorCompose(): Promise<typeof SimulatorComposeModule> {
  loading ??= import("../../store/simulatorCompose").catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/**
 * composeFromObject once its code is here; false when the object gives no request. A failed fetch
 * is an error notice, and the composer keeps what it holds.
 */
export async function composeOnDemand(key: string, ruleIndex?: number): Promise<boolean> {
  let module: typeof SimulatorComposeModule;
  try {
    module = await loadSimulatorCompose();
  } catch (error) {
    useGwsimStore.getState().setNotice({
      kind: "error",
      message: `Could not load the simulator's code: ${error instanceof Error ? error.message : String(error)}`,
    });
    return false;
  }
  return module.composeFromObject(useGwsimStore, key, ruleIndex);
}
