/**
 * The first tab stops on the page: jump straight to the graph, the YAML editor or a panel (the
 * editor keeps Tab for indentation, so the panels after it are otherwise hard to reach).
 * Hidden until focused.
 */
const TARGETS: { id: string; label: string; focus(): HTMLElement | null }[] = [
  { id: "graph", label: "Skip to graph", focus: () => document.getElementById("graph-flow") },
  // Monaco starts after the first graph: until then the pane takes focus and hands it on (YamlPane).
  {
    id: "editor",
    label: "Skip to editor",
    focus: () =>
      document.querySelector<HTMLElement>('[data-testid="yaml-editor"] textarea') ??
      document.getElementById("editor-pane"),
  },
  {
    id: "problems",
    label: "Skip to problems",
    focus: () =>
      document.querySelector<HTMLElement>('[data-testid="problems-panel"] .panel-toggle'),
  },
  {
    id: "simulator",
    label: "Skip to simulator",
    focus: () => document.querySelector<HTMLElement>('[data-testid="simulator-toggle"]'),
  },
  {
    id: "platform",
    label: "Skip to platform checks",
    focus: () => document.querySelector<HTMLElement>('[data-testid="platform-toggle"]'),
  },
];

export function SkipLinks() {
  return (
    <nav className="skip-links" aria-label="Skip links">
      {TARGETS.map((t) => (
        <a
          key={t.id}
          href={`#${t.id}`}
          className="skip-link"
          data-testid={`skip-${t.id}`}
          onClick={(e) => {
            e.preventDefault();
            t.focus()?.focus();
          }}
        >
          {t.label}
        </a>
      ))}
    </nav>
  );
}
