/**
 * `shard: K/N`: parsing, the assignment of files to shares (balance, exactly once, stability),
 * and the merge's pure parts: picking the shards from a listing, checking they agree, merging.
 */
import { InputError } from '../src/action/input-error.js';
import { checkAgreement, mergeReports, pickShards, type LoadedShard } from '../src/action/merge.js';
import { assignShards, FILE_COST, fingerprint, parseShard, shardArtifactName, type Sized } from '../src/action/shard.js';
import { parseReport, type Report } from '../src/report/schema.js';
import { file, report } from './support/reports.js';

/** A deterministic corpus: sizes spread over two orders of magnitude, like a monorepo's builds. */
function corpus(n: number, seed = 1): Sized[] {
  let x = seed;
  const next = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32);
  return Array.from({ length: n }, (_, i) => ({ path: `pkg-${i % 37}/build/mod-${i}.wasm`, size: Math.round(2000 * 50 ** next()) }));
}

/** Each share's weight: its input bytes plus the fixed cost of each file. */
function loads(files: Sized[], count: number): number[] {
  const out = new Array<number>(count).fill(0);
  assignShards(files, count).forEach((k, i) => (out[k - 1] += files[i].size + FILE_COST));
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

  test.each([2, 4, 7, 16])('balanced by input size (and file count) within 10%% over the mean (%i shards)', (count) => {
    const files = corpus(400);
    const l = loads(files, count);
    const mean = l.reduce((s, x) => s + x, 0) / count;
    expect(Math.max(...l)).toBeLessThanOrEqual(mean * 1.1);
    // The cap bounds the heaviest share (the critical path); the lightest one only loosely.
    expect(Math.min(...l)).toBeGreaterThan(mean * 0.5);
  });

  test('one big file cannot be split: it gets a share of its own, the rest spread over the others', () => {
    const files = [{ path: 'huge.wasm', size: 10_000_000 }, ...corpus(40)];
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

describe('pickShards', () => {
  const listing = (names: string[]) => names.map((name, i) => ({ id: 100 + i, name }));

  test('N from the names, in order; other artifacts ignored', () => {
    const picked = pickShards(listing(['preinit-shard-2-of-3', 'other', 'preinit', 'preinit-shard-3-of-3', 'preinit-shard-1-of-3', 'x-preinit-shard-1-of-3']), 'preinit');
    expect(picked.map((s) => [s.index, s.count, s.artifact.name])).toEqual([
      [1, 3, 'preinit-shard-1-of-3'],
      [2, 3, 'preinit-shard-2-of-3'],
      [3, 3, 'preinit-shard-3-of-3'],
    ]);
  });

  test('a name with regex characters is matched literally', () => {
    expect(pickShards(listing(['a.b-shard-1-of-1']), 'a.b')).toHaveLength(1);
    expect(() => pickShards(listing(['axb-shard-1-of-1']), 'a.b')).toThrow('no `a.b-shard-K-of-N` artifact in this run');
  });

  test('missing shards are named, with their artifacts', () => {
    expect(() => pickShards(listing(['p-shard-1-of-4', 'p-shard-4-of-4']), 'p')).toThrow(
      'shards 2, 3 of 4 are missing (no `p-shard-2-of-4`, `p-shard-3-of-4` in this run: their jobs failed, were cancelled or skipped before uploading)',
    );
  });

  test('a shard listed twice (the listing can repeat a name) is named with both artifacts', () => {
    expect(() => pickShards(listing(['p-shard-1-of-2', 'p-shard-2-of-2', 'p-shard-2-of-2']), 'p')).toThrow(
      'shard 2 of 2 was uploaded 2 times (artifacts 101 `p-shard-2-of-2`, 102 `p-shard-2-of-2`)',
    );
  });

  test('a share outside 1..N is named', () => {
    expect(() => pickShards(listing(['p-shard-1-of-1', 'p-shard-0-of-1']), 'p')).toThrow('`p-shard-0-of-1` is no share of 1');
  });
});

describe('checkAgreement and mergeReports', () => {
  const print = 'f'.repeat(64);
  const shardOf = (index: number, count: number, files: Report['files'], tweak: (r: Report) => void = () => {}): LoadedShard => {
    const r = report(files);
    r.shard = { index, count, matched: 3, fingerprint: print };
    tweak(r);
    return { name: `preinit-shard-${index}-of-${count}`, report: r, dir: '' };
  };

  test('agreeing shards merge into one report: files by path, totals over all', () => {
    const shards = [shardOf(1, 2, [file('b/x.wasm', 10, 100), file('z.wasm', 5, null)]), shardOf(2, 2, [file('a.wasm', 20, 200)])];
    expect(() => checkAgreement(shards)).not.toThrow();
    const merged = mergeReports(shards, shards[0].report.run);
    expect(merged.files.map((f) => f.path)).toEqual(['a.wasm', 'b/x.wasm', 'z.wasm']);
    expect(merged.totals).toMatchObject({ files: 3, succeeded: 2, failed: 1, input: { raw: 30 }, after: { raw: 300 } });
    expect(merged.shard).toBeUndefined();
  });

  test('different options are named, with the shards on each side', () => {
    const shards = [shardOf(1, 2, []), shardOf(2, 2, [], (r) => ((r.options.initFunc = 'init'), (r.tool.version = '9.9.9')))];
    expect(() => checkAgreement(shards)).toThrow(
      'the shards disagree on tool version, initFunc (every shard must run with the same inputs): tool version: test in preinit-shard-1-of-2; 9.9.9 in preinit-shard-2-of-2. ' +
        'initFunc: "wizer-initialize" in preinit-shard-1-of-2; "init" in preinit-shard-2-of-2',
    );
  });

  test('different matched files are named', () => {
    const shards = [shardOf(1, 2, []), shardOf(2, 2, [], (r) => (r.shard = { ...r.shard!, matched: 4, fingerprint: 'e'.repeat(64) }))];
    expect(() => checkAgreement(shards)).toThrow('the shards matched different files, so a file could be dropped or doubled: 3 files (ffffffffffff) in preinit-shard-1-of-2; 4 files (eeeeeeeeeeee) in preinit-shard-2-of-2.');
  });
});

describe('report.shard in parseReport', () => {
  const text = (shard: unknown) => JSON.stringify({ ...report([]), shard });
  test('a shard report reads back; a malformed `shard` is refused', () => {
    expect(parseReport(text({ index: 2, count: 4, matched: 9, fingerprint: 'a'.repeat(64) })).shard).toEqual({ index: 2, count: 4, matched: 9, fingerprint: 'a'.repeat(64) });
    for (const bad of [{ index: 5, count: 4, matched: 1, fingerprint: 'a'.repeat(64) }, { index: 1, count: 4, matched: 1 }, { index: 0, count: 4, matched: 1, fingerprint: 'a'.repeat(64) }, 'x']) {
      expect(() => parseReport(text(bad))).toThrow('its `shard` is not {index, count, matched, fingerprint} with 1 <= index <= count');
    }
  });
});
