/**
 * The action's pure parts: size limits, base comparison and budget, Markdown cuts (the 65,536
 * character comment limit), the sticky-comment search against the REST stand-in, glob anchoring.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { jest } from '@jest/globals';
import { upsertComment } from '../src/action/comment.js';
import { displayPath, findFiles, outputCollisions, planJobs } from '../src/action/find.js';
import { parseSizeLimit, readInputs } from '../src/action/inputs.js';
import { formatDelta, formatGrowth } from '../src/action/format.js';
import { COMMENT_LIMIT, commentMarker, headline, renderComment, renderReport } from '../src/action/markdown.js';
import { applyBudget, compareWithBase, hashless, startupAgainst } from '../src/action/compare.js';
import { sizeTable, sortFiles } from '../src/action/tables.js';
import { applyBudgets, globRegExp } from '../src/action/budgets.js';
import { speedupInterval } from '../src/engine/measure.js';
import { AUTO_FULL_UP_TO, compressionFor, geometricMean, measurePair } from '../src/report/build.js';
import { parseReport, type FileReport } from '../src/report/schema.js';
import { startGitHubApi } from './support/github-api.js';
import { file, report } from './support/reports.js';

describe('size limits', () => {
  test.each([
    ['2048', { kind: 'bytes', value: 2048 }],
    ['10KB', { kind: 'bytes', value: 10000 }],
    ['1.5 MiB', { kind: 'bytes', value: 1572864 }],
    ['5%', { kind: 'percent', value: 5 }],
    ['0.5%', { kind: 'percent', value: 0.5 }],
  ])('%s', (text, expected) => expect(parseSizeLimit(text)).toEqual(expected));
  test.each(['', 'ten', '5 %%', '-3', '3 parsecs'])('refuses %j', (text) => expect(() => parseSizeLimit(text)).toThrow(/must be a size/));
});

describe('base comparison and budget', () => {
  const base = report([file('a.wasm', 100, 200), file('gone.wasm', 10, 50)]);
  const cur = report([file('a.wasm', 100, 260), file('new.wasm', 10, 40), file('bad.wasm', 5, null)]);
  const one = { threshold: { kind: 'bytes', value: 1 }, stripHash: null } as const;
  compareWithBase(cur, parseReport(JSON.stringify(base)), one);

  test('per file, totals, new and removed files', () => {
    expect(cur.files[0].base).toEqual({ raw: 200, gzip: 200, brotli: 200, bytes: 60, percent: 30, changed: true, speedup: null, startup: null });
    expect(cur.files[1].base).toMatchObject({ raw: null, bytes: null, changed: true });
    expect(cur.removed).toEqual([{ path: 'gone.wasm', raw: 50 }]);
    expect(cur.totals.base).toMatchObject({ raw: 250, bytes: 300 - 250 });
  });

  test('budget against the base, in bytes and percent', () => {
    applyBudget(cur, { kind: 'bytes', value: 50 });
    expect(cur.budget).toMatchObject({ against: 'base', increase: 50, allowed: 50, exceeded: false });
    applyBudget(cur, { kind: 'percent', value: 19 });
    expect(cur.budget).toMatchObject({ allowed: 47, exceeded: true });
  });

  test('budget against the inputs without a base', () => {
    const r = report([file('a.wasm', 1000, 1100)]);
    applyBudget(r, { kind: 'percent', value: 10 });
    expect(r.budget).toMatchObject({ against: 'input', increase: 100, allowed: 100, exceeded: false });
    applyBudget(r, { kind: 'bytes', value: 99 });
    expect(r.budget!.exceeded).toBe(true);
  });

  test('refuses what is not our report, or a newer version', () => {
    expect(() => parseReport('{}')).toThrow('not a preinit-action report.json');
    expect(() => parseReport('nope')).toThrow(/not JSON/);
    expect(() => parseReport(JSON.stringify({ ...base, version: 99 }))).toThrow(/newer/);
  });

  test('geometric mean', () => {
    expect(geometricMean([2, 8])).toBeCloseTo(4);
    expect(geometricMean([NaN])).toBeNull();
  });
});

describe('against the base: threshold, strip-hash, noise, view', () => {
  const withStartup = (f: FileReport, speedup: number, low: number, high: number): FileReport => ({
    ...f,
    startup: { inputMs: speedup, outputMs: 1, speedup, iterations: 20, interval: { low, high, confidence: 0.99 } },
  });

  test('minimum-change-threshold: a file changed by less counts as unchanged (default 1 byte: only 0)', () => {
    const base = parseReport(JSON.stringify(report([file('a.wasm', 10, 1000), file('b.wasm', 10, 1000), file('c.wasm', 10, 1000)])));
    const cur = report([file('a.wasm', 10, 1000), file('b.wasm', 10, 1010), file('c.wasm', 10, 1200)]);
    compareWithBase(cur, base, { threshold: { kind: 'bytes', value: 1 }, stripHash: null });
    expect(cur.files.map((f) => f.base!.changed)).toEqual([false, true, true]);
    compareWithBase(cur, base, { threshold: { kind: 'bytes', value: 11 }, stripHash: null });
    expect(cur.files.map((f) => f.base!.changed)).toEqual([false, false, true]);
    compareWithBase(cur, base, { threshold: { kind: 'percent', value: 25 }, stripHash: null });
    expect(cur.files.map((f) => f.base!.changed)).toEqual([false, false, false]);
  });

  test('strip-hash: groups become asterisks, else the match goes; renamed builds match their base', () => {
    const re = /\.([a-f0-9]{8})\.wasm$/;
    expect(hashless('dist/app.1a2b3c4d.wasm', re)).toBe('dist/app.********.wasm');
    expect(hashless('dist/app.1a2b3c4d.wasm', /\.[a-f0-9]{8}(?=\.wasm$)/)).toBe('dist/app.wasm');
    expect(hashless('dist/app.wasm', re)).toBe('dist/app.wasm');
    const base = parseReport(JSON.stringify(report([file('dist/app.1a2b3c4d.wasm', 10, 500)])));
    const cur = report([file('dist/app.99887766.wasm', 10, 500)]);
    compareWithBase(cur, base, { threshold: { kind: 'bytes', value: 1 }, stripHash: re });
    expect(cur.files[0].base).toMatchObject({ raw: 500, bytes: 0, changed: false });
    expect(cur.removed).toEqual([]);
  });

  test('startup moves against the base only outside the noise', () => {
    const at = (s: number, lo: number, hi: number) => withStartup(file('a.wasm', 1, 2), s, lo, hi).startup;
    expect(startupAgainst(at(42, 39, 46), at(40, 37, 44))).toBe('same');
    expect(startupAgainst(at(60, 55, 64), at(40, 37, 44))).toBe('faster');
    expect(startupAgainst(at(20, 18, 22), at(40, 37, 44))).toBe('slower');
    expect(startupAgainst(at(20, 18, 22), { inputMs: 1, outputMs: 1, speedup: 1 })).toBeNull();
    // A file whose size did not move but whose startup did is changed.
    const base = parseReport(JSON.stringify(report([withStartup(file('a.wasm', 1, 2), 40, 37, 44)])));
    const cur = report([withStartup(file('a.wasm', 1, 2), 20, 18, 22)]);
    compareWithBase(cur, base, { threshold: { kind: 'bytes', value: 1 }, stripHash: null });
    expect(cur.files[0].base).toMatchObject({ bytes: 0, speedup: 40, startup: 'slower', changed: true });
  });

  test('the interval: order statistics of the per-iteration speedups, at 99% from 8 iterations', () => {
    const r = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
    expect(speedupInterval(r(3), 2)).toEqual({ low: 1, high: 3, confidence: 0.75 });
    expect(speedupInterval(r(20), 10.5)).toMatchObject({ low: 4, high: 17 });
    expect(speedupInterval(r(20), 10.5).confidence).toBeGreaterThanOrEqual(0.99);
    expect(speedupInterval(r(8), 4.5).confidence).toBeGreaterThanOrEqual(0.99);
    // Held wide enough to contain the reported speedup.
    expect(speedupInterval([2, 2, 2], 3)).toMatchObject({ low: 2, high: 3 });
  });

  const cur = () => {
    const base = parseReport(JSON.stringify(report([file('b.wasm', 10, 100), file('a.wasm', 10, 300), file('c.wasm', 10, 50)])));
    const r = report([file('b.wasm', 10, 100), file('a.wasm', 10, 320), file('c.wasm', 10, 90)]);
    compareWithBase(r, base, { threshold: { kind: 'bytes', value: 1 }, stripHash: null });
    return r;
  };

  test('sort-by', () => {
    const r = cur();
    expect(sortFiles(r.files, 'path').map((f) => f.path)).toEqual(['a.wasm', 'b.wasm', 'c.wasm']);
    expect(sortFiles(r.files, 'size').map((f) => f.path)).toEqual(['a.wasm', 'b.wasm', 'c.wasm']);
    expect(sortFiles(r.files, 'change').map((f) => f.path)).toEqual(['c.wasm', 'a.wasm', 'b.wasm']);
    expect(sortFiles(r.files, 'speedup').map((f) => f.path)).toEqual(['a.wasm', 'b.wasm', 'c.wasm']);
  });

  test('collapse-unchanged folds, omit-unchanged leaves out, both off shows all', () => {
    const r = cur();
    const folded = sizeTable(r, { sortBy: 'change', collapseUnchanged: true, omitUnchanged: false }).join('\n');
    const [open, closed] = folded.split('<details><summary>1 unchanged file</summary>');
    expect(open.indexOf('`c.wasm`')).toBeLessThan(open.indexOf('`a.wasm`'));
    expect(open).not.toContain('`b.wasm`');
    expect(closed).toContain('`b.wasm`');
    expect(closed).toContain('⚪ 0 B');
    const omitted = sizeTable(r, { sortBy: 'path', collapseUnchanged: true, omitUnchanged: true }).join('\n');
    expect(omitted).not.toContain('`b.wasm`');
    expect(omitted).toContain('1 unchanged file not shown (omit-unchanged).');
    const all = sizeTable(r, { sortBy: 'path', collapseUnchanged: false, omitUnchanged: false }).join('\n');
    expect(all).not.toContain('<details>');
    expect(all).toContain('`b.wasm`');
    expect(headline(r)).toMatch(/^3 of 3 files pre-initialized · \*\*vs base 🔺 \+60 B \(\+13\.33%\)\*\*, 2 of 3 files changed · output 510 B/);
  });
});

describe('budgets', () => {
  test('globs', () => {
    const m = (g: string, p: string) => globRegExp(g).test(p);
    expect(m('**', 'a/b/c.wasm')).toBe(true);
    expect(m('dist/*.wasm', 'dist/app.wasm')).toBe(true);
    expect(m('dist/*.wasm', 'dist/sub/app.wasm')).toBe(false);
    expect(m('dist/**/*.wasm', 'dist/app.wasm')).toBe(true);
    expect(m('dist/**/*.wasm', 'dist/a/b/app.wasm')).toBe(true);
    expect(m('{a,b}/x?.wasm', 'b/x1.wasm')).toBe(true);
    expect(m('{a,b}/x?.wasm', 'c/x1.wasm')).toBe(false);
    expect(m('a.wasm', 'a_wasm')).toBe(false);
  });

  test('the budgets input: JSON list, sizes as bytes or text, clear errors naming the entry and key', () => {
    const read = (v: string) => {
      process.env.INPUT_BUDGETS = v;
      try {
        return readInputs().budgets;
      } finally {
        delete process.env.INPUT_BUDGETS;
      }
    };
    expect(read('')).toEqual([]);
    expect(read('[{"path":"a/*.wasm","maxBrotli":"2KiB","maxRaw":100,"minSpeedup":2},{"maxSlowdown":"10%"}]')).toEqual([
      { path: 'a/*.wasm', maxRaw: 100, maxGzip: undefined, maxBrotli: 2048, minSpeedup: 2, maxSlowdown: undefined },
      { path: '**', maxRaw: undefined, maxGzip: undefined, maxBrotli: undefined, minSpeedup: undefined, maxSlowdown: 10 },
    ]);
    expect(() => read('[{')).toThrow(/^input `budgets`: not JSON/);
    expect(() => read('{"maxRaw":1}')).toThrow('input `budgets`: must be a JSON list of budgets');
    expect(() => read('[{"maxSize":1}]')).toThrow('input `budgets`: entry 1: unknown key `maxSize` (known: path, maxRaw, maxGzip, maxBrotli, minSpeedup, maxSlowdown)');
    expect(() => read('[{"maxRaw":1},{"maxGzip":"5%"}]')).toThrow('input `budgets`: entry 2: `maxGzip` must be a size like 512000 or "500KiB"');
    expect(() => read('[{"minSpeedup":"fast"}]')).toThrow('input `budgets`: entry 1: `minSpeedup` must be a non-negative number');
    expect(() => read('[{"path":"a.wasm"}]')).toThrow('input `budgets`: entry 1 sets no limit');
  });

  test('sizes, speedup and slowdown against the base; broken ones recorded and annotated', () => {
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const big = file('dist/big.wasm', 100, 5000);
      const small = { ...file('dist/small.wasm', 100, 200), startup: { inputMs: 3, outputMs: 1, speedup: 3 } };
      const slow = { ...file('lib/slow.wasm', 100, 200), startup: { inputMs: 2, outputMs: 1, speedup: 2 } };
      slow.base = { raw: 200, gzip: 200, brotli: 200, bytes: 0, percent: 0, changed: true, speedup: 4, startup: 'slower' as const };
      const r = report([big, small, slow]);
      const fail = applyBudgets(r, [{ path: 'dist/*.wasm', maxGzip: 4096, minSpeedup: 2 }, { path: 'lib/**', maxSlowdown: 10 }, { path: 'none/*', maxRaw: 1 }], (p) => `pkg/${p}`);
      expect(r.budgets!.checked).toBe(3);
      expect(r.budgets!.broken).toEqual([
        { path: 'dist/big.wasm', budget: 'maxGzip', limit: '4.00 KiB', actual: '4.88 KiB' },
        { path: 'lib/slow.wasm', budget: 'maxSlowdown', limit: '10%', actual: '50.0% slower (4.00× → 2.00×)' },
      ]);
      expect(fail).toEqual(['2 budgets broken: dist/big.wasm maxGzip, lib/slow.wasm maxSlowdown']);
      const out = write.mock.calls.map((c) => String(c[0])).join('');
      expect(out).toContain('::error title=preinit budget,file=pkg/dist/big.wasm::dist/big.wasm: budget maxGzip 4.00 KiB broken: 4.88 KiB');
      expect(out).toContain('::warning::budgets: `none/*` matches no file');
      expect(renderReport(r)).toContain('❌ **2 budgets broken** (of 3 file checks):');
      // Within the noise, a lower speedup breaks nothing.
      slow.base.startup = 'same';
      expect(applyBudgets(r, [{ path: 'lib/**', maxSlowdown: 10 }], () => undefined)).toEqual([]);
    } finally {
      write.mockRestore();
    }
  });
});

describe('Markdown', () => {
  test('growth over the input has no colour; the change against the base has', () => {
    expect(formatGrowth(130000, 68978.95)).toBe('+126.95 KiB (×691)');
    expect(formatGrowth(30, 14.08)).toBe('+30 B (+14.08%)');
    const r = report([file('a.wasm', 100, 200)]);
    expect(headline(r)).toBe('1 of 1 file pre-initialized · output 200 B, +100 B (+100%) over the inputs');
    expect(renderReport(r)).not.toMatch(/🔺|🔽/);
  });

  test('icons for the change', () => {
    expect(formatDelta(2048, 5)).toBe('🔺 +2.00 KiB (+5%)');
    expect(formatDelta(-10, -1.5)).toBe('🔽 \u221210 B (\u22121.5%)');
    expect(formatDelta(0, 0)).toBe('⚪ 0 B');
    expect(formatDelta(null, null)).toBe('🆕 new');
    expect(formatDelta(130000, 68978.95)).toBe('🔺 +126.95 KiB (×691)');
  });

  test('the report names failures and has a chart', () => {
    const md = renderReport(report([file('a.wasm', 100, 200), file('bad.wasm', 5, null)]));
    expect(md).toContain('- ❌ `bad.wasm`: the input is empty');
    expect(md).toContain('```mermaid');
    expect(md).toContain('**1 failed**');
  });

  test('comment markers are per key and cannot close the HTML comment', () => {
    expect(commentMarker('')).toBe('<!-- preinit-action:sticky -->');
    expect(commentMarker('web')).toBe('<!-- preinit-action:sticky:web -->');
    expect(commentMarker('a-->b')).not.toContain('-->b');
  });

  test('a huge report is cut below 65,536 characters, keeps the marker and links the full one', () => {
    const many = Array.from({ length: 3000 }, (_, i) => file(`some/long/directory/name/module-${i}.wasm`, 1000 + i, 2000 + i));
    const body = renderComment(report(many), 'k', { runUrl: 'https://github.com/o/r/actions/runs/1' });
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(body.startsWith(commentMarker('k'))).toBe(true);
    expect(body).toContain('truncated: the full report is in [the job summary](https://github.com/o/r/actions/runs/1)');
    expect((body.match(/^```/gm) ?? []).length % 2).toBe(0);
  });
});

describe('sticky comment against the REST stand-in', () => {
  test('creates once, then updates; ignores look-alikes by people; respects the size limit', async () => {
    const api = await startGitHubApi();
    try {
      const t = { apiUrl: api.url, repository: api.repository, prNumber: 3, token: api.token };
      const marker = commentMarker('');
      api.seed(3, 250);
      api.seed(3, 1, { login: 'eve', type: 'User' }, () => `${marker} not ours`);
      const first = await upsertComment(t, marker, `${marker}\none`, true);
      expect(first.action).toBe('created');
      const second = await upsertComment(t, marker, `${marker}\ntwo`, true);
      expect(second).toMatchObject({ action: 'updated', id: first.id });
      expect(api.comments.filter((c) => c.user.type === 'Bot').map((c) => c.body)).toEqual([`${marker}\ntwo`]);
      // 252 comments: three pages of 100 on each search.
      expect(api.requests.filter((q) => q.method === 'GET' && q.query.includes('page=3'))).toHaveLength(2);
      const other = await upsertComment(t, commentMarker('other'), `${commentMarker('other')}\nx`, false);
      expect(other.action).toBe('skipped');
      await expect(upsertComment(t, marker, marker + 'x'.repeat(COMMENT_LIMIT), true)).rejects.toMatchObject({ status: 422 });
    } finally {
      await api.close();
    }
  });
});

describe('files', () => {
  test('globs with excludes, never the output directory, outputs mirrored, .wat gives .wasm', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'preinit-glob-'));
    for (const f of ['a.wasm', 'd/b.wasm', 'd/skip.wasm', 'node_modules/m/c.wasm', 'out/old.wasm', 't.wat', 't.wasm']) {
      fs.mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
      fs.writeFileSync(path.join(root, f), '');
    }
    const out = path.join(root, 'out');
    // @actions/glob logs its options as ::debug:: commands; the runner hides them, so does this test.
    const written: string[] = [];
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => written.push(String(chunk)) > 0);
    const files = await findFiles(path.join(root, 'd', '..'), ['**/*.wasm', '*.wat', '!d/skip.wasm'], ['**/node_modules/**'], out).finally(() => write.mockRestore());
    expect(written.filter((line) => !line.startsWith('::debug::'))).toEqual([]);
    expect(files.map((f) => displayPath(root, f))).toEqual(['a.wasm', 'd/b.wasm', 't.wasm', 't.wat']);
    const jobs = planJobs(root, files, out);
    expect(jobs.map((j) => j.outRel)).toEqual(['a.wasm', 'd/b.wasm', 't.wasm', 't.wasm']);
    expect(jobs[1].output).toBe(path.join(out, 'd', 'b.wasm'));
    const clashes = outputCollisions(jobs);
    expect([...clashes.keys()].map((j) => j.rel)).toEqual(['t.wat']);
    expect(displayPath(path.join(root, 'd'), path.join(root, 'a.wasm'))).toBe('_up/a.wasm');
  });
});

describe('the loopback artifact server is strict', () => {
  const twirp = async (url: string, token: string, method: string, body: unknown) => {
    const res = await fetch(`${url}/twirp/github.actions.results.api.v1.ArtifactService/${method}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };
  const ids = { workflow_run_backend_id: 'run-backend-1', workflow_job_run_backend_id: 'job-backend-1' };
  const blockId = (i: number) => Buffer.from(`prefix-${String(i).padStart(6, '0')}`).toString('base64');

  test('refuses blocks committed out of order, a wrong hash, a duplicate name, a bad token', async () => {
    const { startArtifactServer } = await import('./support/artifact-server.js');
    const s = await startArtifactServer();
    try {
      expect((await twirp(s.url, 'wrong', 'CreateArtifact', { ...ids, name: 'a', version: 7 })).status).toBe(401);
      const created = await twirp(s.url, s.runtimeToken, 'CreateArtifact', { ...ids, name: 'a', version: 7 });
      const upload = String(created.json.signed_upload_url);
      for (const i of [0, 1]) {
        const r = await fetch(`${upload}&comp=block&blockid=${encodeURIComponent(blockId(i))}`, { method: 'PUT', body: `block${i}` });
        expect(r.status).toBe(201);
      }
      const list = (order: number[]) => `<BlockList>${order.map((i) => `<Latest>${blockId(i)}</Latest>`).join('')}</BlockList>`;
      expect((await fetch(`${upload}&comp=blocklist`, { method: 'PUT', body: list([1, 0]) })).status).toBe(400);
      expect(s.violations).toEqual([expect.stringContaining('out of order')]);
      expect((await fetch(`${upload}&comp=blocklist`, { method: 'PUT', body: list([0, 1]) })).status).toBe(201);
      const bad = await twirp(s.url, s.runtimeToken, 'FinalizeArtifact', { ...ids, name: 'a', size: '12', hash: { value: 'sha256:00' } });
      expect(bad.status).toBe(400);
      expect(s.violations[1]).toContain('hash');
      const sha = (await import('node:crypto')).createHash('sha256').update('block0block1').digest('hex');
      const ok = await twirp(s.url, s.runtimeToken, 'FinalizeArtifact', { ...ids, name: 'a', size: '12', hash: `sha256:${sha}` });
      expect(ok.status).toBe(200);
      expect((await twirp(s.url, s.runtimeToken, 'CreateArtifact', { ...ids, name: 'a', version: 7 })).status).toBe(409);
    } finally {
      await s.close();
    }
  });
});

describe('compression levels', () => {
  test('auto: compressed-size-action\'s levels up to 1 MiB, faster ones above; a fixed quality for every size', () => {
    expect(compressionFor(AUTO_FULL_UP_TO, 'auto')).toEqual({ gzipLevel: 9, brotliQuality: 11 });
    expect(compressionFor(AUTO_FULL_UP_TO + 1, 'auto')).toEqual({ gzipLevel: 6, brotliQuality: 5 });
    expect(compressionFor(10 * AUTO_FULL_UP_TO, 4)).toEqual({ gzipLevel: 9, brotliQuality: 4 });
  });

  test('brotli-quality: auto by default, a number, or a clear error', () => {
    // @actions/core reads inputs from process.env.
    const read = (v: string) => {
      process.env['INPUT_BROTLI-QUALITY'] = v;
      try {
        return readInputs().brotli;
      } finally {
        delete process.env['INPUT_BROTLI-QUALITY'];
      }
    };
    expect(read('')).toBe('auto');
    expect(read('auto')).toBe('auto');
    expect(read('4')).toBe(4);
    expect(() => read('12')).toThrow('input `brotli-quality` must be `auto` or an integer from 0 to 11, got `12`');
  });

  test('both sides of a file at the levels of the larger, sizes as zlib gives them', async () => {
    const input = new Uint8Array(1000).fill(7);
    const output = Uint8Array.from({ length: AUTO_FULL_UP_TO + 10 }, (_, i) => (i * 7919) % 251);
    const pair = await measurePair(input, output, 'auto');
    expect(pair.compression).toEqual({ gzipLevel: 6, brotliQuality: 5 });
    const brotli = (b: Uint8Array) => zlib.brotliCompressSync(b, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: b.length },
    }).length;
    expect(pair.input).toMatchObject({ raw: 1000, gzip: zlib.gzipSync(input, { level: 6 }).length, brotli: brotli(input) });
    expect(pair.after).toMatchObject({ raw: output.length, gzip: zlib.gzipSync(output, { level: 6 }).length, brotli: brotli(output) });
  });
});
