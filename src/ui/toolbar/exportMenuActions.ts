/**
 * What the Export menu's items other than Download and Copy YAML do: cleaned dumps, the share
 * link, folders as a zip, the diagram. They run only on a click, so they load on first use
 * (exportMenuActionsOnDemand.ts) and stay out of the page's first chunk; each one loads what it
 * needs beyond that on demand too (deferredActions.ts, the diagram builder).
 */
import { useGwsimStore } from "../../store";
import { cleanedText, downloadText } from "./exportWorkspace";
import { loadExportActions } from "./deferredActions";
import { TEST_HOOKS } from "../app/testHooksEnabled";
import { currentTheme } from "../app/theme";

function notify(kind: "info" | "error", message: string) {
  useGwsimStore.getState().setNotice({ kind, message });
}

export function downloadCleaned(dropCreationTimestamp: boolean) {
  cleanedText(useGwsimStore.getState().text, dropCreationTimestamp).then(
    (t) => downloadText(t, "gwsim-clean.yaml"),
    (error: unknown) =>
      notify(
        "error",
        `Could not clean the YAML: ${error instanceof Error ? error.message : String(error)}`,
      ),
  );
}

export function copyShareLink() {
  const { text, simSaved, world, readings } = useGwsimStore.getState();
  loadExportActions()
    .then(({ shareLinkFor }) => shareLinkFor(text, simSaved, { world, readings }))
    .then(
      (result) => {
        if (!result.ok) return notify("error", result.message);
        if (TEST_HOOKS && window.__gwsim) window.__gwsim.lastShareLink = result.url;
        const requests =
          result.requests > 0
            ? ` It includes ${result.requests === 1 ? "the saved request" : `${result.requests} saved requests`}.`
            : "";
        const leftOut =
          result.requestsLeftOut > 0
            ? ` ${result.requestsLeftOut === 1 ? "One saved request was" : `${result.requestsLeftOut} saved requests were`} left out to keep the link short enough.`
            : "";
        navigator.clipboard.writeText(result.url).then(
          () =>
            notify(
              "info",
              `A share link is on the clipboard. The workspace travels inside the link itself; nothing is uploaded.${requests}${leftOut}`,
            ),
          () => notify("error", "The browser did not allow copying to the clipboard."),
        );
      },
      (error: unknown) =>
        notify(
          "error",
          `Could not build a share link: ${error instanceof Error ? error.message : String(error)}`,
        ),
    );
}

export function downloadAsFolders() {
  const { text, analysis, analysisText } = useGwsimStore.getState();
  if (!analysis || analysisText !== text)
    return notify(
      "error",
      "The analysis has not caught up with the text yet; try again in a moment.",
    );
  loadExportActions()
    .then(({ downloadFolders }) => downloadFolders(text, analysis.objects))
    .then(
      (count) => notify("info", `Downloaded ${count} object files with a kustomization.yaml.`),
      (error: unknown) =>
        notify(
          "error",
          `Could not build the zip: ${error instanceof Error ? error.message : String(error)}`,
        ),
    );
}

export function downloadDiagram(format: "svg" | "png") {
  // The picture in the theme on screen: a dark canvas exports a dark diagram.
  const theme = currentTheme();
  // Loaded on demand: the SVG builder is only needed when a diagram is exported.
  import("../export/exportDiagram")
    .then(async ({ diagramOf, downloadBlob, renderDiagramPng, svgBlob }) => {
      const diagram = diagramOf(useGwsimStore.getState(), DIAGRAM_TITLE, theme);
      if (!diagram)
        return notify("error", "There is no analysed graph to draw yet; try again in a moment.");
      if (format === "svg") {
        downloadBlob(svgBlob(diagram), "gwsim-diagram.svg");
        return notify(
          "info",
          `Downloaded the diagram as SVG (${diagram.width} × ${diagram.height}, ${theme} theme).`,
        );
      }
      const png = await renderDiagramPng(diagram);
      downloadBlob(png.blob, "gwsim-diagram.png");
      notify(
        "info",
        `Downloaded the diagram as PNG (${png.width} × ${png.height} pixels, ${theme} theme).`,
      );
    })
    .catch((error: unknown) =>
      notify(
        "error",
        `Could not export the diagram: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
}

const DIAGRAM_TITLE = "Gateway API topology";
