/**
 * What a lazily loaded part of the page shows while its code arrives (React.lazy + Suspense): a
 * status line, announced politely, in the part's own slot. Everything not needed to draw the
 * first graph (inspector, simulator and platform panel bodies, the editor, the migration and save-as dialogs) is
 * loaded that way, so
 * the page's first JavaScript stays small.
 */
export function PanelLoading({ what, inline = false }: { what: string; inline?: boolean }) {
  // Inline: in a toolbar, beside the button that opened a dialog whose code is on its way.
  if (inline)
    return (
      <span className="inline-loading" role="status" data-testid="panel-loading">
        Loading {what}…
      </span>
    );
  return (
    <p className="pane-loading" role="status" data-testid="panel-loading">
      Loading {what}…
    </p>
  );
}
