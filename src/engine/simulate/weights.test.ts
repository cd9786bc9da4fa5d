import { describe, expect, test } from 'vitest';
import { aBackend } from '../../test-utils/routingModels';
import { computeShares, createRng, drawFor, pickIndex } from './weights';

const refs = (specs: Parameters<typeof aBackend>[1][]) => specs.map((s, i) => aBackend('ns', s, i));

describe('weights (§3.5)', () => {
  test('exact shares over every entry; invalid ones are "none" with the reason', () => {
    const shares = computeShares(refs([{ name: 'a', weight: 70 }, { name: 'b', weight: 30, invalid: 'BackendNotFound' }, { name: 'c', weight: 0 }]));
    expect(shares.map((s) => [s.target, s.share])).toEqual([['ns/a:8080', 0.7], ['none', 0.3], ['ns/c:8080', 0]]);
    expect(shares[1]?.reason).toMatch(/^BackendNotFound/);
  });

  test('weight 0 is never picked', () => {
    const list = refs([{ name: 'a', weight: 0 }, { name: 'b', weight: 1 }, { name: 'c', weight: 0 }]);
    for (const draw of [0, 0.25, 0.5, 0.999999]) expect(pickIndex(list, draw)).toBe(1);
  });

  test('picks follow the cumulative weights', () => {
    const list = refs([{ name: 'a', weight: 3 }, { name: 'b', weight: 1 }]);
    expect(pickIndex(list, 0)).toBe(0);
    expect(pickIndex(list, 0.74)).toBe(0);
    expect(pickIndex(list, 0.75)).toBe(1);
  });

  test('all weights 0: nothing can be picked, and the reason says so', () => {
    const list = refs([{ name: 'a', weight: 0 }, { name: 'b', weight: 0 }]);
    expect(pickIndex(list, 0.5)).toBe(-1);
    expect(computeShares(list).at(-1)).toMatchObject({ target: 'none', share: 1, reason: expect.stringContaining('every backendRef has weight 0') as unknown as string });
  });

  test('a single backend at weight 0 flags the spec/doc conflict', () => {
    expect(computeShares(refs([{ name: 'a', weight: 0 }])).at(-1)?.reason).toMatch(/traffic-splitting guide says a single backend gets 100%/);
  });

  test('no backendRefs: 500 with the reason', () => {
    expect(computeShares([])).toEqual([{ target: 'none', share: 1, reason: expect.stringContaining('no backendRefs') as unknown as string }]);
  });

  test('the PRNG is seeded and reproducible', () => {
    const a = createRng(42);
    const b = createRng(42);
    const xs = Array.from({ length: 5 }, () => a());
    expect(xs).toEqual(Array.from({ length: 5 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(drawFor(1, 3)).toBe(drawFor(1, 3));
    expect(drawFor(1, 3)).not.toBe(drawFor(1, 4));
  });
});
