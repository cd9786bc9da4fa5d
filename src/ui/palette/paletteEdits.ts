/**
 * What one palette button writes: the new object, plus, for a ListenerSet, the one change its
 * parent Gateway needs to admit it. A Gateway admits no ListenerSet until spec.allowedListeners
 * says so (the default is None), so a ListenerSet added alone would be refused.
 */
import type { EditOp } from "../../engine";
import { buildObjectTemplate, type PaletteKind, type TemplateContext } from "./objectTemplates";

export interface PaletteAddition {
  ops: EditOp[];
  /** Said on the button: what else changes besides the new object. */
  also?: string;
}

export function paletteEdits(kind: PaletteKind, ctx: TemplateContext): PaletteAddition {
  const { objects, namespace, ...more } = ctx;
  const body = buildObjectTemplate(kind, objects, namespace, more);
  const ops: EditOp[] = [{ op: "addObject", object: body }];
  if (kind !== "ListenerSet") return { ops };
  const parent = objects.find((o) => o.kind === "Gateway");
  if (!parent) return { ops };
  const target = {
    kind: "Gateway",
    name: parent.name,
    ...(parent.namespace !== undefined ? { namespace: parent.namespace } : {}),
  };
  const from = ctx.readField?.(target, ["spec", "allowedListeners", "namespaces", "from"]);
  if (from === "All" || from === "Same" || from === "Selector") return { ops };
  // The ListenerSet goes in the Gateway's namespace, so Same is the narrowest setting that admits it.
  ops.push({
    op: "setField",
    target,
    path: ["spec", "allowedListeners", "namespaces", "from"],
    value: "Same",
  });
  return { ops, also: `and let Gateway ${parent.name} accept ListenerSets from its own namespace` };
}
