/**
 * The toolbar's "Open example" menu. The examples' texts are fetched on demand (app/examples.ts):
 * the menu lists every example by title at once, and each one's summary as soon as the texts are
 * in, which starts when the pointer or the keyboard focus reaches the menu button. Each item keeps
 * room for two lines of summary, so nothing moves when the summaries arrive.
 */
import { useCallback, useMemo, useState } from "react";
import { useGwsimStore } from "../../store";
import type { MenuItem } from "../common/MenuButton";
import { describeExample, type ExampleAbout } from "../app/describeExample";
import {
  EXAMPLE_NAMES,
  isUnmodifiedExample,
  loadAllExamples,
  loadExampleText,
} from "../app/examples";

function notifyError(message: string) {
  useGwsimStore.getState().setNotice({ kind: "error", message });
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function loadExample(name: string): Promise<void> {
  let text: string | undefined;
  let unmodified: boolean;
  try {
    text = await loadExampleText(name);
    unmodified = await isUnmodifiedExample(useGwsimStore.getState().text);
  } catch (error) {
    return notifyError(`Could not load the example “${name}”: ${errorText(error)}.`);
  }
  if (text === undefined) return;
  const state = useGwsimStore.getState();
  if (
    !unmodified &&
    !window.confirm(`Replace the workspace with the example “${name}”? You can undo this.`)
  )
    return;
  state.replaceWorkspace(text, "example");
  const about = describeExample(name, text);
  if (about.summary === "") return;
  const notice = {
    kind: "info" as const,
    message: `Example “${about.title}”: ${about.summary}${about.tryThis ? ` ${about.tryThis}` : ""}`,
  };
  useGwsimStore.getState().setNotice(notice);
  // The banner describes the example: once the text is something else, it no longer applies.
  const unsubscribe = useGwsimStore.subscribe((s) => {
    if (s.notice !== notice) return unsubscribe();
    if (s.text === text) return;
    unsubscribe();
    s.setNotice(undefined);
  });
}

/** The menu's items, and `prefetch`, which loads the texts their summaries come from. */
export function useExampleItems(): { items: MenuItem[]; prefetch: () => void } {
  const [abouts, setAbouts] = useState<ReadonlyMap<string, ExampleAbout>>();
  const prefetch = useCallback(() => {
    if (abouts !== undefined) return;
    loadAllExamples().then(
      // Described once: reading every example's comment on each render cost milliseconds per
      // keystroke, since the toolbar re-renders when analysis starts and ends.
      (texts) =>
        setAbouts(new Map([...texts].map(([name, text]) => [name, describeExample(name, text)]))),
      // The titles stay; the summaries come with the next attempt.
      () => undefined,
    );
  }, [abouts]);
  const items = useMemo(
    () =>
      EXAMPLE_NAMES.map((name): MenuItem => {
        const about = abouts?.get(name) ?? describeExample(name, "");
        return {
          id: name,
          label: (
            <span className="example-item">
              <span className="example-title">{about.title}</span>
              {/* Always there, two lines tall: the summaries arrive after the menu opens, and
                  an item must not move under the pointer when they do. */}
              <span className="example-summary" title={about.summary || undefined}>
                {about.summary}
              </span>
            </span>
          ),
          onSelect: () => void loadExample(name),
        };
      }),
    [abouts],
  );
  return { items, prefetch };
}
