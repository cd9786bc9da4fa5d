import { needEngineModule } from "../modules/engineModules";
import type { Manifest } from "../types";
import type { IngressModel } from "./ingressTypes";

/** An Ingress the engine reads (readIngresses reads exactly these). */
export function isModelledIngress(m: Manifest): boolean {
  return m.kind === "Ingress" && m.modelled;
}

/**
 * readIngresses(manifests).ingresses, with the Ingress reader (an on-demand engine module,
 * modules/engineModules.ts) asked for only when there is an Ingress to read: the graph of a
 * workspace without one needs none of it.
 */
export function modelledIngresses(manifests: readonly Manifest[]): readonly IngressModel[] {
  return manifests.some(isModelledIngress)
    ? needEngineModule("ingress").readIngresses(manifests).ingresses
    : [];
}
