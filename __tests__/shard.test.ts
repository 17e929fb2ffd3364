/** `shard: K/N`: parsing, and the assignment of files to shares (balance, exactly once, stability). */
import { InputError } from '../src/action/input-error.js';
import { assignShards, fingerprint, parseShard, shardArtifactName, type Sized } from '../src/action/shard.js';

/** A deterministic corpus: sizes spread over two orders of magnitude, like a monorepo's builds. */
function corpus(n: number, seed = 1): Sized[] {
  let x = seed;
  const next = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32);
  return Array.from({ length: n }, (_, i) => ({ path: `pkg-${i % 37}/build/mod-${i}.wasm`, size: Math.round(2000 * 50 ** next()) }));
}

function loads(files: Sized[], count: number): number[] {
  const out = new Array<number>(count).fill(0);
  assignShards(files, count).forEach((k, i) => (out[k - 1] += files[i].size));
  return out;
}

describe('parseShard', () => {
  test.each([
    ['1/4', { index: 1, count: 4 }],
    [' 4 / 4 ', { index: 4, count: 4 }],
    ['1/1', { index: 1, count: 1 }],
    ['256/256', { index: 256, count: 256 }],
  ])('%s', (raw, want) => expect(parseShard(raw)).toEqual(want));

  test.each(['0/4', '5/4', '1/0', '1/257', '2', '1-4', 'a/b', '1.5/4', '/4', '-1/4'])('%s is an InputError naming the form', (raw) => {
    expect(() => parseShard(raw)).toThrow(InputError);
    expect(() => parseShard(raw)).toThrow(`input \`shard\` must be K/N with 1 <= K <= N <= 256 (e.g. \`\${{ matrix.shard }}/4\`), got \`${raw.trim()}\``);
  });

  test('the artifact name', () => expect(shardArtifactName('preinit', { index: 3, count: 4 })).toBe('preinit-shard-3-of-4'));
});

describe('assignShards', () => {
  test('every file in exactly one share, whatever the input order', () => {
    const files = corpus(400);
    const a = assignShards(files, 4);
    expect(a).toHaveLength(400);
    expect(a.every((k) => Number.isInteger(k) && k >= 1 && k <= 4)).toBe(true);
    const reversed = [...files].reverse();
    const b = assignShards(reversed, 4);
    expect(b.reverse()).toEqual(a);
  });

  test.each([2, 4, 7, 16])('balanced by input size within 10%% over the mean (%i shards)', (count) => {
    const files = corpus(400);
    const l = loads(files, count);
    const mean = l.reduce((s, x) => s + x, 0) / count;
    expect(Math.max(...l)).toBeLessThanOrEqual(mean * 1.1);
    // The cap bounds the heaviest share (the critical path); the lightest one only loosely.
    expect(Math.min(...l)).toBeGreaterThan(mean * 0.5);
  });

  test('one big file cannot be split: it gets a share of its own, the rest spread over the others', () => {
    const files = [{ path: 'huge.wasm', size: 1_000_000 }, ...corpus(40)];
    const a = assignShards(files, 4);
    const bigShard = a[0];
    expect(a.slice(1).filter((k) => k === bigShard)).toEqual([]);
  });

  test('adding one file moves few others (a modulo would move most)', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const files = corpus(400, seed);
      const before = assignShards(files, 4);
      const added = [...files, { path: 'pkg-new/build/added.wasm', size: 8000 }];
      const after = assignShards(added, 4);
      const moved = before.filter((k, i) => after[i] !== k).length;
      // Each move is a file whose preferred shard filled up or freed: a handful, not a reshuffle.
      expect(moved).toBeLessThanOrEqual(12);
    }
  });

  test('empty shares are allowed: fewer files than shards, or none', () => {
    const a = assignShards(corpus(2), 4);
    expect(a).toHaveLength(2);
    expect(new Set(a).size).toBe(2);
    expect(assignShards([], 4)).toEqual([]);
    expect(assignShards(corpus(3), 1)).toEqual([1, 1, 1]);
  });

  test('zero-byte files are placed too', () => {
    const files = Array.from({ length: 20 }, (_, i) => ({ path: `empty-${i}.wasm`, size: 0 }));
    const a = assignShards(files, 4);
    expect(a.every((k) => k >= 1 && k <= 4)).toBe(true);
    expect(new Set(a).size).toBeGreaterThan(1);
  });
});

describe('fingerprint', () => {
  test('same paths and sizes, in any order: the same; a changed size: different', () => {
    const files = corpus(10);
    expect(fingerprint([...files].reverse())).toBe(fingerprint(files));
    expect(fingerprint([{ ...files[0], size: files[0].size + 1 }, ...files.slice(1)])).not.toBe(fingerprint(files));
  });
});
