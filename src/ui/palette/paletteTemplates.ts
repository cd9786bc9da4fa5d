/**
 * What the palette's buttons write (the object templates and the edits around them): not needed
 * to draw the first graph, so they load on demand, preloaded once the first graph is shown
 * (AppLayout) so a click does not wait for the network in practice.
 */
import type * as PaletteEditsModule from "./paletteEdits";
import type * as ObjectTemplatesModule from "./objectTemplates";

export interface PaletteTemplates {
  paletteEdits: typeof PaletteEditsModule.paletteEdits;
  buildListenerTemplate: typeof ObjectTemplatesModule.buildListenerTemplate;
}

let templates: Promise<PaletteTemplates> | undefined;

export function loadPaletteTemplates(): Promise<PaletteTemplates> {
  // A failed fetch is not remembered: the next click tries again.
  templates ??= Promise.all([import("./paletteEdits"), import("./objectTemplates")]).then(
    ([edits, objects]) => ({
      paletteEdits: edits.paletteEdits,
      buildListenerTemplate: objects.buildListenerTemplate,
    }),
    (error: unknown) => {
      templates = undefined;
      throw error;
    },
  );
  return templates;
}
