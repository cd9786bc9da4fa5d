/**
 * CLI goldens: every folder in cli/testdata holds `args` (one argument per line, paths relative
 * to the repository root), optionally `stdin.yaml`, and the reviewed `stdout.txt`, `stderr.txt`
 * and `exit-code`. The real commands run in-process on the real file system.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import type { CliIO } from './cliIO';
import { main } from './gwsim';
import { createNodeIO } from './nodeIO';

const root = fileURLToPath(new URL('../', import.meta.url));
const testdata = join(root, 'cli/testdata');

function repoIO(stdin: string | undefined): CliIO & { out: string; err: string } {
  const node = createNodeIO();
  const abs = (p: string): string => (isAbsolute(p) ? p : join(root, p));
  const io = {
    out: '',
    err: '',
    stdout(text: string) {
      io.out += text;
    },
    stderr(text: string) {
      io.err += text;
    },
    readFile: (p: string) => node.readFile(abs(p)),
    stat: (p: string) => node.stat(abs(p)),
    realPath: (p: string) => node.realPath(abs(p)),
    readDir: (p: string) => node.readDir(abs(p)),
    readStdin: () => {
      if (stdin === undefined) throw new Error('this case provides no stdin.yaml');
      return stdin;
    },
    cwd: '<repo>',
  };
  return io;
}

const cases = existsSync(testdata) ? readdirSync(testdata).sort() : [];

describe('gwsim goldens', () => {
  test.each(cases)('%s', async (name) => {
    const dir = join(testdata, name);
    const args = readFileSync(join(dir, 'args'), 'utf8').split('\n').filter((l) => l !== '');
    const stdinPath = join(dir, 'stdin.yaml');
    const io = repoIO(existsSync(stdinPath) ? readFileSync(stdinPath, 'utf8') : undefined);
    const code = await main(args, io);
    await expect(io.out).toMatchFileSnapshot(join(dir, 'stdout.txt'));
    await expect(io.err).toMatchFileSnapshot(join(dir, 'stderr.txt'));
    await expect(`${code}\n`).toMatchFileSnapshot(join(dir, 'exit-code'));
  });
});

describe('bin/gwsim.js', () => {
  test('runs for real: `node bin/gwsim.js --help` builds the bundle if needed and prints the commands', () => {
    const out = execFileSync(process.execPath, [join(root, 'bin/gwsim.js'), '--help'], { cwd: root, encoding: 'utf8' });
    expect(out).toContain('Usage: gwsim <command>');
    for (const command of ['check', 'route', 'test', 'simulate']) expect(out).toMatch(new RegExp(`^  ${command} `, 'm'));
  }, 60_000);

  test('exits 2 on an unknown command', () => {
    const r = spawnSync(process.execPath, [join(root, 'bin/gwsim.js'), 'frobnicate'], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown command "frobnicate"');
  }, 60_000);
});
