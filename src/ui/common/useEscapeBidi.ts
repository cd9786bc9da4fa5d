/**
 * Bidi controls from manifests (U+202E and friends) shown as visible escapes everywhere the app
 * prints names and messages: canvas, inspector, Problems, lens, simulator trace and notices. One
 * observer at the app's root rewrites text and tooltips as React renders them, so no view can
 * forget; React sets a text node's whole value on every update, so a rewritten node stays correct.
 * The YAML editor is left alone: Monaco shows the file exactly and highlights these characters
 * itself, and form fields keep their exact values (they are properties, not text nodes).
 */
import { useEffect, type RefObject } from "react";
import { escapeBidi, hasBidiControl } from "./displayText";

const ATTRIBUTES = ["title", "aria-label"];
const ATTRIBUTE_SELECTOR = ATTRIBUTES.map((name) => `[${name}]`).join(",");
const SKIP_SELECTOR = ".pane-editor";

export function escapeBidiInTree(root: Node): void {
  const skipped = (node: Node) =>
    (node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement)?.closest(
      SKIP_SELECTOR,
    );
  const fixText = (node: Node) => {
    if (node.nodeValue !== null && hasBidiControl(node.nodeValue))
      node.nodeValue = escapeBidi(node.nodeValue);
  };
  const fixAttributes = (el: Element) => {
    for (const name of ATTRIBUTES) {
      const value = el.getAttribute(name);
      if (value !== null && hasBidiControl(value)) el.setAttribute(name, escapeBidi(value));
    }
  };
  if (skipped(root)) return;
  if (root.nodeType === Node.TEXT_NODE) return fixText(root);
  if (root.nodeType !== Node.ELEMENT_NODE) return;
  const element = root as Element;
  fixAttributes(element);
  // Almost nothing carries a bidi control: two native calls prove that for a whole subtree (a
  // graph of 1,000 cards mounting at once), where walking it node by node with a JS filter cost
  // tens of milliseconds. Only a subtree with one somewhere (possibly in the editor) is walked.
  if (!hasBidiControl(element.textContent ?? "")) {
    for (const el of element.querySelectorAll(ATTRIBUTE_SELECTOR))
      if (ATTRIBUTES.some((name) => hasBidiControl(el.getAttribute(name) ?? "")) && !skipped(el))
        fixAttributes(el);
    return;
  }
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (n) =>
      (n as Element).matches?.(SKIP_SELECTOR) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType === Node.TEXT_NODE) fixText(n);
    else fixAttributes(n as Element);
  }
}

export function useEscapeBidi(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    escapeBidiInTree(root);
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === "characterData" || r.type === "attributes") escapeBidiInTree(r.target);
        else for (const added of r.addedNodes) escapeBidiInTree(added);
      }
    });
    observer.observe(root, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ATTRIBUTES,
    });
    return () => observer.disconnect();
  }, [ref]);
}
