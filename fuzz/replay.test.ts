import { test, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { exerciseEngine } from './exerciseEngine';
test('replay', () => {
  for (const f of (process.env.REPLAY ?? '').split(',')) {
    const problems = exerciseEngine([{ name: f, text: readFileSync(f, 'utf8') }]);
    expect(problems).toEqual([]);
  }
});
