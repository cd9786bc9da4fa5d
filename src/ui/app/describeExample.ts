import { ModelledKind } from "../../engine/present";

/**
 * What an example says about itself: each file in fixtures/examples/ opens with a comment block
 * (what it shows, then a "Try:" paragraph). The menu shows the first sentence; loading an example
 * shows the first sentence and what to try.
 */
export interface ExampleAbout {
  /** The file name as a title: "Shared gateway two teams", "gRPC method routing", "TLS passthrough". */
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
  const title = titleOf(name);
  const about: ExampleAbout = { title, summary: firstSentence(withoutTitle(first, title)) };
  const tryParagraph = paragraphs.find((p) => /^Try\b/i.test(p));
  if (tryParagraph !== undefined) about.tryThis = tryParagraph;
  return about;
}

/**
 * Words of a file name spelt as people write them: the compound kind names (ReferenceGrant,
 * HTTPRoute; not Gateway or Namespace, which are also plain words), protocols (gRPC, TLS) and a
 * few tool names; the first letter upper case.
 */
const SPELLING = new Map<string, string>([
  ...Object.values(ModelledKind)
    .filter((kind) => /[A-Z].*[A-Z]/.test(kind))
    .map((kind): [string, string] => [kind.toLowerCase(), kind]),
  ...["HTTP", "HTTPS", "TLS", "TCP", "UDP", "API", "GAMMA", "SNI", "CORS"].map(
    (word): [string, string] => [word.toLowerCase(), word],
  ),
  ["grpc", "gRPC"],
  ["gitops", "GitOps"],
]);

function titleOf(name: string): string {
  const words = name
    .split("-")
    .filter((w) => w !== "")
    .map((w) => SPELLING.get(w.toLowerCase()) ?? w);
  const title = words.join(" ");
  // "gRPC" keeps its lower-case g; any other first word starts upper case.
  return words[0] === "gRPC" ? title : title.charAt(0).toUpperCase() + title.slice(1);
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
