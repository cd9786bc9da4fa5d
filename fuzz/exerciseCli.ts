/**
 * The CLI as a stranger reaches it: a mutated manifest given as a file or on stdin (`-`), to
 * `check` (text, --json, junit, github), `lens`, `migrate`, and to `route` and `simulate` with
 * hostile request flags (paths, hosts, headers, methods, ports, counts). Each run goes through
 * `main` in-process with an in-memory file system, and must keep the CLI's promises: exit code
 * 0, 1 or 2 (3 is an internal error, a bug), a usage or input error says something on stderr,
 * the output holds no raw control character (escape sequences, bidi overrides), `--json` output
 * parses, and every diagnostic in it is located (file, line, column ≥ 1).
 */
import fc from "fast-check";
import type { CliIO } from "../cli/cliIO";
import { main } from "../cli/gwsim";
import type { FuzzProblem } from "./exerciseEngine";

/** C0 except tab and newline, DEL, C1, bidi controls and line separators: never printed raw. */
const RAW_CONTROL =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const HOSTILE_STRINGS = [
  "",
  " ",
  "a".repeat(10_000),
  "\x1b[2K\x1b[1G0 errors",
  "\u202eevil",
  "sh\u200bop.example.com",
  "nul\0",
  "lone\ud800",
  "line\nbreak",
  "😀",
  "İ",
];

const host = fc.constantFrom(
  "shop.example.com",
  "SHOP.EXAMPLE.COM.",
  "shop.example.com:8080",
  "shop.example.com:99999",
  "[::1]:80",
  "1.2.3.4",
  "*.example.com",
  "xn--ls8h.example",
  "😀.example.com",
  ...HOSTILE_STRINGS,
);

const path = fc.constantFrom(
  "/",
  "/api/v1?x=1&x=2",
  `/${"a".repeat(20_000)}!`,
  `/${"a/".repeat(5_000)}`,
  "/%2e%2e/%00/%zz",
  "/../../etc/passwd",
  "//double//slash",
  "/a?b=%zz#frag",
  "/\u202eevil",
  "/\x1b[2K",
  "/sp ace",
  "no-leading-slash",
  "",
  "?q",
);

const method = fc.constantFrom(
  "GET",
  "get",
  "POST",
  "CONNECT",
  "G E T",
  "X".repeat(1_000),
  "\x1b[31mGET",
  ...HOSTILE_STRINGS,
);

const header = fc.constantFrom(
  "x-canary: true",
  "X-Canary:true",
  "x-a: \x1b[2Kforged",
  "x-a: \u202eevil",
  `x-a: ${"a".repeat(20_000)}`,
  "Host: evil.example.com",
  ":authority: evil",
  "no-colon",
  ": no name",
  "x-empty:",
  "x a: space in name",
  "x-nul: a\0b",
  "cookie: a=1; b=2",
);

const number = fc.constantFrom(
  "0",
  "1",
  "80",
  "443",
  "65535",
  "65536",
  "-1",
  "1e3",
  "80.5",
  "0x50",
  "abc",
  "",
  "99999999999999999999",
  "4294967295",
  "4294967296",
  "100000",
  "1000001",
);

/** Request flags for `route`/`simulate`: each flag present or not, with ordinary or hostile values. */
const requestFlags: fc.Arbitrary<string[]> = fc
  .record(
    {
      gateway: fc.constantFrom("", "x", "ns/name", "a/b/c", "/", "\u202e/x", "default/"),
      host,
      path,
      method,
      headers: fc.array(header, { maxLength: 4 }),
      port: number,
      scheme: fc.constantFrom("http", "https", "tls", "tcp", "udp", "HTTP", "ftp", ""),
      sni: host,
      grpc: fc.constantFrom("svc/Method", "/svc/Method", "a/b/c", "", "\u202e/x"),
    },
    { requiredKeys: [] },
  )
  .map((r) => {
    const out: string[] = [];
    if (r.gateway !== undefined) out.push("--gateway", r.gateway);
    if (r.host !== undefined) out.push("--host", r.host);
    if (r.path !== undefined) out.push("--path", r.path);
    if (r.method !== undefined) out.push("--method", r.method);
    for (const h of r.headers ?? []) out.push("-H", h);
    if (r.port !== undefined) out.push("--port", r.port);
    if (r.scheme !== undefined) out.push("--scheme", r.scheme);
    if (r.sni !== undefined) out.push("--sni", r.sni);
    if (r.grpc !== undefined) out.push("--grpc", r.grpc);
    return out;
  });

const meshFlags = fc
  .tuple(
    fc.constantFrom("web", "Web", "", "a".repeat(64), "\u202e"),
    fc.constantFrom("bookinfo/reviews:9080", "reviews:9080", "reviews", "a/b/c:1", ":0", "x:65536"),
  )
  .map(([from, service]) => ["--mesh-from", from, "--service", service]);

/** One CLI invocation's arguments after the input path: a command and its flags. */
export const cliCallArb: fc.Arbitrary<readonly string[]> = fc.oneof(
  fc.constantFrom<readonly string[]>(
    ["check"],
    ["check", "--json"],
    ["check", "--format", "junit"],
    ["check", "--format", "github"],
    ["check", "--health", "argocd"],
    ["check", "--world", "closed"],
    ["lens"],
    ["lens", "--json"],
    ["migrate", "--json"],
  ),
  requestFlags.map((flags) => ["route", ...flags]),
  requestFlags.map((flags) => ["route", "--json", ...flags]),
  meshFlags.map((flags) => ["route", ...flags]),
  fc
    .tuple(requestFlags, fc.constantFrom("1", "50", "0", "1e9", "abc"), number)
    .map(([flags, n, seed]) => ["simulate", "-n", n, "--seed", seed, ...flags]),
);

interface MemoryIO extends CliIO {
  out: string;
  err: string;
}

function memoryIO(files: Readonly<Record<string, string>>, stdin: string): MemoryIO {
  const io: MemoryIO = {
    out: "",
    err: "",
    stdout: (t) => void (io.out += t),
    stderr: (t) => void (io.err += t),
    readFile: (p) => {
      if (!Object.hasOwn(files, p)) throw new Error(`ENOENT: no such file: ${p}`);
      return files[p] as string;
    },
    stat: (p) => (Object.hasOwn(files, p) ? "file" : undefined),
    realPath: (p) => (Object.hasOwn(files, p) ? `/fuzz/${p}` : undefined),
    readDir: () => [],
    readStdin: () => stdin,
    cwd: "/fuzz",
  };
  return io;
}

/**
 * Runs `gwsim <command> <input> <flags>` on the text, given as a file or on stdin, and returns
 * what broke a promise. The command is `call[0]`; the input goes right after it.
 */
export async function exerciseCli(
  input: { name: string; text: string },
  call: readonly string[],
  viaStdin: boolean,
): Promise<FuzzProblem[]> {
  const [command = "check", ...flags] = call;
  const file = "input.yaml";
  const io = memoryIO(viaStdin ? {} : { [file]: input.text }, input.text);
  const argv = [command, viaStdin ? "-" : file, ...flags];
  const stage = `cli ${command}`;
  const problems: FuzzProblem[] = [];
  let code: number;
  try {
    code = await main(argv, io);
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return [
      { kind: "exception", stage, message, signature: `exception ${stage} ${shape(message)}` },
    ];
  }
  const problem = (message: string, what: string): void =>
    void problems.push({
      kind: "exception",
      stage,
      message: `${message} (gwsim ${argv.map((a) => JSON.stringify(a.slice(0, 60))).join(" ")})`,
      signature: `${what} ${stage}`,
    });
  if (code === 3) problem(`internal error: ${io.err.slice(0, 600)}`, "exit 3");
  else if (code !== 0 && code !== 1 && code !== 2) problem(`exit code ${code}`, "exit code");
  if (code === 2 && io.err.trim() === "") problem("exit code 2 with nothing on stderr", "silent 2");
  for (const [name, text] of [
    ["stdout", io.out],
    ["stderr", io.err],
  ] as const) {
    const raw = RAW_CONTROL.exec(text);
    if (raw)
      problem(
        `raw U+${raw[0].charCodeAt(0).toString(16).padStart(4, "0")} on ${name}`,
        "raw control",
      );
  }
  if (flags.includes("--json") && code !== 2) checkJson(io.out, problem);
  return problems;
}

function checkJson(out: string, problem: (message: string, what: string) => void): void {
  let value: unknown;
  try {
    value = JSON.parse(out);
  } catch (error) {
    problem(`--json output does not parse: ${String(error).slice(0, 200)}`, "json");
    return;
  }
  const diagnostics = (value as { diagnostics?: unknown }).diagnostics;
  if (!Array.isArray(diagnostics)) return;
  for (const d of diagnostics as {
    file?: unknown;
    line?: unknown;
    column?: unknown;
    code?: unknown;
  }[]) {
    const located =
      typeof d.file === "string" &&
      d.file !== "" &&
      typeof d.line === "number" &&
      d.line >= 1 &&
      typeof d.column === "number" &&
      d.column >= 1;
    if (!located) {
      problem(
        `${String(d.code)} at ${String(d.file)}:${String(d.line)}:${String(d.column)}`,
        "unlocated json",
      );
      return;
    }
  }
}

function shape(message: string): string {
  return message.replace(/"[^"]*"|'[^']*'|\d+/g, "…").slice(0, 160);
}
