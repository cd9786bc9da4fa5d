import { analyze, compileRouter, splitTraffic } from '../../src/engine';
import type { TrafficSplit } from '../../src/engine';
import { UsageError } from '../cliIO';
import { boolFlag, intFlag, parseArgs } from '../parseArgs';
import { readInputs } from '../readInputs';
import { REQUEST_FLAGS, REQUEST_FLAGS_HELP, buildSimRequest } from '../requestFlags';
import type { Command } from './command';
import { WORLD_FLAG, WORLD_FLAG_HELP, worldFlag } from '../worldFlag';

export const simulate: Command = {
  summary: 'send N seeded requests and count them per backend against the expected weights',
  help: `Usage: gwsim simulate <paths…> <request options> [-n N] [--seed S] [--json]

Sends the same request N times through the Gateway, picking a backend for each with a seeded
generator (the same seed always gives the same counts), and prints the count per backend next
to the exact share the weights promise. "none" counts requests answered with an error because
the picked backendRef is invalid.

${REQUEST_FLAGS_HELP}
Options:
${WORLD_FLAG_HELP}  -n N        number of requests (default 1000)
  --seed S    generator seed (default 1)
  --json      print the split as JSON
  --help      show this help

Exit codes: 0 printed, 2 usage or input error.
`,
  run(argv, io) {
    const args = parseArgs('simulate', argv, { ...REQUEST_FLAGS, ...WORLD_FLAG, n: { type: 'string', short: 'n' }, seed: { type: 'string' }, json: { type: 'boolean' } });
    if (args.positionals.length === 0) throw new UsageError('give at least one manifest file, directory, or - for stdin');
    const n = intFlag(args, 'n', 1) ?? 1000;
    const seed = intFlag(args, 'seed', 0) ?? 1;
    const analysis = analyze(readInputs(io, args.positionals), { world: worldFlag(args) });
    const request = buildSimRequest(args, analysis);
    const split = splitTraffic(compileRouter(analysis), request, n, seed);
    io.stdout(boolFlag(args, 'json') ? `${JSON.stringify(split, null, 2)}\n` : printSplit(split));
    return 0;
  },
};

function printSplit(split: TrafficSplit): string {
  const expected = new Map(split.expected.map((b) => [b.target, b.share]));
  const targets = [...new Set([...expected.keys(), ...Object.keys(split.counts)])].sort();
  const rows = targets.map((t) => {
    const count = split.counts[t] ?? 0;
    const exp = expected.get(t);
    return [t, String(count), pct(count / split.n), exp === undefined ? '-' : pct(exp)];
  });
  const header = ['backend', 'requests', 'observed', 'expected'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  const outcomes = Object.entries(split.outcomes).map(([k, v]) => `${k} ${v}`).join(', ');
  return [
    `${split.n} requests, seed ${split.seed}`,
    `first request: ${split.reason}`,
    '',
    line(header),
    ...rows.map(line),
    '',
    `outcomes: ${outcomes}`,
    '',
  ].join('\n');
}

function pct(x: number): string {
  return `${(Math.round(x * 10000) / 100).toFixed(2)}%`;
}
