/**
 * What an example says about itself: each file in fixtures/examples/ opens with a comment block
 * (what it shows, then a "Try:" paragraph). The menu shows the first sentence; loading an example
 * shows the first sentence and what to try.
 */
export interface ExampleAbout {
  /** The file name in words: "shared gateway two teams". */
  title: string;
  /** The first sentence of the opening comment. */
  summary: string;
  /** The paragraph that starts with "Try", label included ("Try in the simulator: …"). */
  tryThis?: string;
}

const MAX_SUMMARY = 140;

export function describeExample(name: string, text: string): ExampleAbout {
  const paragraphs = leadingComment(text);
  const first = paragraphs[0] ?? "";
  const title = name.replace(/-/g, " ");
  const about: ExampleAbout = { title, summary: firstSentence(withoutTitle(first, title)) };
  const tryParagraph = paragraphs.find((p) => /^Try\b/i.test(p));
  if (tryParagraph !== undefined) about.tryThis = tryParagraph;
  return about;
}

/** The comment lines before the first YAML line, as paragraphs (blank comment lines separate). */
function leadingComment(text: string): string[] {
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (const line of text.split("\n")) {
    if (!line.startsWith("#")) break;
    const body = line.replace(/^#\s?/, "").trim();
    if (body === "") {
      if (current.length > 0) paragraphs.push(current.join(" "));
      current = [];
    } else {
      current.push(body);
    }
  }
  if (current.length > 0) paragraphs.push(current.join(" "));
  return paragraphs;
}

/** "Business lines: e-commerce, …" under the title "business lines" reads "E-commerce, …". */
function withoutTitle(paragraph: string, title: string): string {
  const colon = paragraph.indexOf(": ");
  if (colon <= 0 || !title.toLowerCase().startsWith(paragraph.slice(0, colon).toLowerCase()))
    return paragraph;
  const rest = paragraph.slice(colon + 2);
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

function firstSentence(paragraph: string): string {
  const end = paragraph.search(/[.!?](\s|$)/);
  const sentence = end < 0 ? paragraph : paragraph.slice(0, end + 1);
  return sentence.length <= MAX_SUMMARY
    ? sentence
    : `${sentence.slice(0, MAX_SUMMARY - 1).trimEnd()}…`;
}
