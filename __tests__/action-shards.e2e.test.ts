/**
 * End to end, the matrix recipe: the shipped dist/ runs as 4 `shard: K/4` jobs of one workflow
 * run (each in its own checkout, at once, each with its own runtime token) and one
 * `merge-shards` job in an empty workspace, against one loopback artifact service (the real
 * @actions/artifact client uploads, lists, downloads and deletes) and the REST stand-in (the
 * base report of `main`, the sticky comment). The merged report equals a single job's over the
 * same files, timings aside. A missing shard, a doubled one, and shards that disagree fail
 * clearly, by name.
 */
import { DefaultArtifactClient } from '@actions/artifact';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { actionFixture } from './support/action-fixture.js';
import { tempDirs } from './support/temp-dirs.js';
import { bigWat, counterWat, wat2wasm } from './support/action-wasm.js';
import { nodeBinaries, runAction, type ActionRun } from './support/run-action.js';

const nodes = await nodeBinaries();
const PR = 21;

const tempDir = tempDirs();

/** A fresh checkout of the same files (every matrix job has its own). */
function checkout(files: Record<string, Uint8Array>): string {
  const ws = tempDir('preinit-shard-ws-');
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(ws, rel)), { recursive: true });
    fs.writeFileSync(path.join(ws, rel), content);
  }
  return ws;
}

/** 12 modules of varied sizes in a few packages, so the shares differ in count and bytes. */
async function corpus(scale: number): Promise<Record<string, Uint8Array>> {
  const files: Record<string, Uint8Array> = {};
  for (let i = 0; i < 8; i++) files[`packages/p${i % 3}/big-${i}.wasm`] = await wat2wasm(bigWat(500 * scale * (i + 1)));
  for (let i = 0; i < 4; i++) files[`packages/p${i}/counter-${i}.wasm`] = await wat2wasm(counterWat(i + 1));
  return files;
}

const pushEvent = { name: 'push', payload: { ref: 'refs/heads/main', after: 'c'.repeat(40) } };
const prEvent = {
  name: 'pull_request',
  payload: { action: 'synchronize', number: PR, pull_request: { number: PR, base: { ref: 'main' }, head: { ref: 'feature' } } },
};

type Json = Record<string, unknown> & { files: Array<Record<string, unknown>> };
const readReport = (r: ActionRun): Json => JSON.parse(fs.readFileSync(r.outputs['report-path'], 'utf8')) as Json;

/** A report with what differs between two runs of the same files left out: when, and how long. */
function timeless(r: Json): Json {
  const { createdAt: _, ...rest } = r;
  return { ...rest, files: r.files.map((f) => ({ ...f, timings: null })) };
}

describe.each(nodes)('shard: K/N and merge-shards under $label', ({ path: node }) => {
  const fx = actionFixture({ restArtifacts: true, noViolations: true });

  /** A workflow run: each `job()` is one of its jobs, with its own runtime token. */
  function workflowRun(runId: number, headBranch: string, event: { name: string; payload: unknown }) {
    const backend = `run-backend-${runId}`;
    fx.api.addRun(backend, { id: runId, headBranch });
    let jobs = 0;
    return {
      backend,
      /** A token of this run for the test itself (to download what the jobs uploaded). */
      token: () => fx.artifacts.newRun(backend, `${backend}-test`),
      job: (ws: string, inputs: Record<string, string>) =>
        runAction({
          actionDir: fx.actionDir,
          node,
          workspace: ws,
          inputs: { 'github-token': fx.api.token, 'measure-startup': 'false', parallel: '2', ...inputs },
          event,
          env: {
            ACTIONS_RUNTIME_TOKEN: fx.artifacts.newRun(backend, `${backend}-job-${++jobs}`),
            ACTIONS_RESULTS_URL: fx.artifacts.url + '/',
            GITHUB_API_URL: fx.api.url,
            GITHUB_REPOSITORY: fx.api.repository,
            GITHUB_RUN_ID: String(runId),
            GITHUB_REF: event.name === 'push' ? `refs/heads/${headBranch}` : `refs/pull/${PR}/merge`,
          },
        }),
    };
  }

  const shardInputs = (k: number, n: number, more: Record<string, string> = {}) => ({ shard: `${k}/${n}`, ...more });
  const live = (run: { backend: string }) => fx.artifacts.artifacts.filter((a) => a.runBackendId === run.backend && a.finalized && !a.deleted);

  /** The real client, in this process, as a job of a run (its log kept out of the test output). */
  async function asJob<T>(token: string, f: (client: DefaultArtifactClient) => Promise<T>): Promise<T> {
    const saved = { token: process.env.ACTIONS_RUNTIME_TOKEN, url: process.env.ACTIONS_RESULTS_URL };
    process.env.ACTIONS_RUNTIME_TOKEN = token;
    process.env.ACTIONS_RESULTS_URL = fx.artifacts.url + '/';
    const write = process.stdout.write;
    process.stdout.write = (() => true) as typeof process.stdout.write;
    try {
      return await f(new DefaultArtifactClient());
    } finally {
      process.stdout.write = write;
      process.env.ACTIONS_RUNTIME_TOKEN = saved.token;
      process.env.ACTIONS_RESULTS_URL = saved.url;
      if (saved.token === undefined) delete process.env.ACTIONS_RUNTIME_TOKEN;
      if (saved.url === undefined) delete process.env.ACTIONS_RESULTS_URL;
    }
  }

  test('4 shards at once + a merge in an empty workspace = one job: report, outputs, one comment against the base; shard artifacts deleted', async () => {
    // main's report, the base the PR compares with.
    const main = workflowRun(3001, 'main', pushEvent);
    const pushed = await main.job(checkout(await corpus(1)), {});
    expect(pushed.code).toBe(0);

    const files = await corpus(2);
    const run = workflowRun(3002, 'feature', prEvent);
    // The same files as one job (no upload, no comment): what the merge must reproduce.
    const single = await run.job(checkout(files), { upload: 'false', comment: 'never' });
    expect(single.code).toBe(0);

    const shards = await Promise.all([1, 2, 3, 4].map((k) => run.job(checkout(files), shardInputs(k, 4))));
    for (const s of shards) {
      expect(s.stderr).toBe('');
      expect(s.warnings).toEqual([]);
      expect(s.code).toBe(0);
      // The summary and the comment are the merge's.
      expect(s.summary).toBe('');
      expect(s.outputs['comment-body']).toBe('');
    }
    expect(fx.api.comments).toEqual([]);
    expect(live(run).map((a) => a.name).sort()).toEqual([1, 2, 3, 4].map((k) => `preinit-shard-${k}-of-4`));
    // Four jobs uploaded them, each as itself.
    expect(new Set(live(run).map((a) => a.jobBackendId)).size).toBe(4);

    // Every file in exactly one share; every shard saw all 12.
    const shares = shards.map(readReport);
    const paths = shares.flatMap((r) => r.files.map((f) => f.path as string));
    expect(paths.sort()).toEqual(Object.keys(files).sort());
    shares.forEach((r, i) => expect(r.shard).toMatchObject({ index: i + 1, count: 4, matched: 12 }));
    expect(shares.every((r) => r.files.length > 0)).toBe(true);

    const empty = tempDir('preinit-merge-ws-');
    const merged = await run.job(empty, { 'merge-shards': 'true', 'delete-shard-artifacts': 'true' });
    expect(merged.stderr).toBe('');
    expect(merged.warnings).toEqual([]);
    expect(merged.code).toBe(0);
    console.log(`merge of 4 shards (12 files): ${/Merge step: (\d+) ms/.exec(merged.stdout)?.[1]} ms`);

    // The same report as one job, timings aside: files in the same order, the same base comparison.
    const report = readReport(merged);
    expect(report.shard).toBeUndefined();
    expect(timeless(report)).toEqual(timeless(readReport(single)));
    expect(report.baseReport).toMatchObject({ branch: 'main', runId: 3001 });
    expect((report.files as Array<{ base: { bytes: number } | null }>).every((f) => f.base !== null)).toBe(true);

    // The same outputs as one job, but for the artifact and the comment.
    for (const k of ['count', 'failed', 'total-size-before', 'total-size-after', 'total-size-change', 'total-size-change-percent', 'speedup', 'budget-exceeded']) {
      expect([k, merged.outputs[k]]).toEqual([k, single.outputs[k]]);
    }
    expect(merged.outputs.count).toBe('12');
    expect(merged.outputs['report-path']).toBe(path.join(empty, 'preinit-output', 'report.json'));
    const listed = JSON.parse(merged.outputs.files) as Array<{ path: string; output: string }>;
    expect(listed.map((f) => f.path)).toEqual(Object.keys(files).sort());
    for (const f of listed) expect(fs.existsSync(f.output)).toBe(true);

    // One summary, one sticky comment, with the change against main.
    expect(merged.summary).toContain('## 🧊 WebAssembly pre-initialization');
    expect(merged.outputs['comment-body']).toContain('**vs base 🔺');
    expect(fx.api.comments).toHaveLength(1);
    expect(fx.api.comments[0]).toMatchObject({ issue: PR, body: merged.outputs['comment-body'] });
    expect(merged.outputs['comment-id']).toBe(String(fx.api.comments[0].id));

    // One artifact of all outputs under the plain name; the shard artifacts are gone, deleted
    // with the runtime token (no REST call).
    expect(live(run).map((a) => a.name)).toEqual(['preinit']);
    expect(merged.outputs['artifact-id']).toBe(String(live(run)[0].id));
    expect(fx.api.requests.filter((q) => q.method === 'DELETE')).toEqual([]);
    const dir = tempDir('preinit-shard-dl-');
    await asJob(run.token(), (client) => client.downloadArtifact(live(run)[0].id, { path: dir }));
    const inArtifact = (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).map((f) => f.split(path.sep).join('/'));
    expect(inArtifact.sort()).toEqual([...Object.keys(files), 'report.json', 'report.md'].sort());
    expect(fs.readFileSync(path.join(dir, 'report.json'), 'utf8')).toBe(fs.readFileSync(merged.outputs['report-path'], 'utf8'));
  });

  test('more shards than files: the empty shares upload reports with no files, and the merge counts them', async () => {
    const files = { 'a.wasm': await wat2wasm(counterWat(1)), 'b.wasm': await wat2wasm(bigWat(3000)) };
    const run = workflowRun(3101, 'feature', prEvent);
    const single = await run.job(checkout(files), { upload: 'false', comment: 'never' });
    const shards = [];
    for (const k of [1, 2, 3, 4]) shards.push(await run.job(checkout(files), shardInputs(k, 4)));
    expect(shards.map((s) => s.code)).toEqual([0, 0, 0, 0]);
    expect(shards.map((s) => readReport(s).files.length).sort()).toEqual([0, 0, 1, 1]);
    expect(live(run)).toHaveLength(4);
    const merged = await run.job(tempDir('preinit-merge-ws-'), { 'merge-shards': 'true' });
    expect(merged.code).toBe(0);
    expect(timeless(readReport(merged))).toEqual(timeless(readReport(single)));
    // Kept unless asked: the shard artifacts and the merged one.
    expect(live(run)).toHaveLength(5);

    // A shard's report is part of a run: as a base it would count the other shares as removed.
    const part = shards.find((sh) => readReport(sh).files.length === 1)!;
    const r = await run.job(checkout(files), { 'base-report': part.outputs['report-path'], upload: 'false', comment: 'never' });
    expect(r.code).toBe(0);
    expect(r.warnings).toEqual([expect.stringMatching(/^base-report .*report\.json: it is the report of shard \d of 4, not of a whole run \(compare with the merged one\); no comparison$/)]);
  });

  test('a file that fails fails its shard and the merge, both naming it; both still publish', async () => {
    const files = { ...(await corpus(1)), 'packages/p1/broken.wasm': new TextEncoder().encode('not wasm') };
    const run = workflowRun(3151, 'feature', prEvent);
    const shards = [];
    for (const k of [1, 2]) shards.push(await run.job(checkout(files), shardInputs(k, 2)));
    const holder = shards.find((sh) => readReport(sh).files.some((f) => f.path === 'packages/p1/broken.wasm'))!;
    expect(holder.code).toBe(1);
    expect(holder.errors.at(-1)).toMatch(/^\d+ of \d+ files failed: packages\/p1\/broken\.wasm$/);
    expect(shards.filter((sh) => sh.code === 0)).toHaveLength(1);
    expect(live(run)).toHaveLength(2);
    const merged = await run.job(tempDir('preinit-merge-ws-'), { 'merge-shards': 'true' });
    expect(merged.code).toBe(1);
    expect(merged.errors.at(-1)).toBe('1 of 13 files failed: packages/p1/broken.wasm');
    expect(merged.outputs.failed).toBe('1');
    expect(fx.api.comments).toHaveLength(1);
    expect(live(run).map((a) => a.name)).toContain('preinit');
  });

  test('a missing shard fails the merge naming it; nothing is published', async () => {
    const files = await corpus(1);
    const run = workflowRun(3201, 'feature', prEvent);
    // Shard 3's job failed before uploading (fail-fast: false lets the others finish).
    for (const k of [1, 2, 4]) expect((await run.job(checkout(files), shardInputs(k, 4))).code).toBe(0);
    const merged = await run.job(tempDir('preinit-merge-ws-'), { 'merge-shards': 'true', 'delete-shard-artifacts': 'true' });
    expect(merged.code).toBe(1);
    expect(merged.errors).toEqual([
      'merge-shards: shard 3 of 4 is missing (no `preinit-shard-3-of-4` in this run: its job failed, was cancelled or skipped before uploading)',
    ]);
    expect(merged.summary).toBe('');
    expect(fx.api.comments).toEqual([]);
    // Nothing deleted, nothing merged.
    expect(live(run).map((a) => a.name).sort()).toEqual(['preinit-shard-1-of-4', 'preinit-shard-2-of-4', 'preinit-shard-4-of-4']);
  });

  test('a doubled shard: the second job given 2/4 fails naming it; the merge still gets each share once', async () => {
    const files = await corpus(1);
    const run = workflowRun(3301, 'feature', prEvent);
    const codes = [];
    let doubled: ActionRun | undefined;
    for (const k of [1, 2, 2, 3, 4]) {
      const r = await run.job(checkout(files), shardInputs(k, 4));
      codes.push(r.code);
      if (r.code !== 0) doubled = r;
    }
    expect(codes).toEqual([0, 0, 1, 0, 0]);
    expect(doubled!.errors.at(-1)).toMatch(
      /^artifact upload failed: .*\(409\).* \(another job of this run already uploaded shard 2\/4: two matrix entries with the same `shard`, or a re-run; `overwrite: true` replaces it\)$/,
    );
    const merged = await run.job(tempDir('preinit-merge-ws-'), { 'merge-shards': 'true' });
    expect(merged.code).toBe(0);
    expect(readReport(merged).files).toHaveLength(12);
  });

  test('shards that disagree on options or on N fail the merge naming them', async () => {
    const files = await corpus(1);
    const options = workflowRun(3401, 'feature', prEvent);
    for (const k of [1, 2, 3]) await options.job(checkout(files), shardInputs(k, 3, k === 2 ? { 'allow-wasi': 'true' } : {}));
    const a = await options.job(tempDir('preinit-merge-ws-'), { 'merge-shards': 'true' });
    expect(a.code).toBe(1);
    expect(a.errors).toEqual([
      'merge-shards: the shards disagree on allowWasi (every shard must run with the same inputs): ' +
        'allowWasi: false in preinit-shard-1-of-3, preinit-shard-3-of-3; true in preinit-shard-2-of-3',
    ]);

    const counts = workflowRun(3402, 'feature', prEvent);
    for (const [k, n] of [[1, 2], [2, 2], [2, 3]]) await counts.job(checkout(files), shardInputs(k, n));
    const b = await counts.job(tempDir('preinit-merge-ws-'), { 'merge-shards': 'true' });
    expect(b.code).toBe(1);
    expect(b.errors).toEqual([
      'merge-shards: the shards disagree on N (every job of the matrix needs the same N): `preinit-shard-1-of-2`, `preinit-shard-2-of-2`, `preinit-shard-2-of-3`',
    ]);

    // A checkout whose build differs (one file one byte longer): the shares no longer add up.
    const drift = workflowRun(3403, 'feature', prEvent);
    const other = { ...files, 'packages/p0/counter-0.wasm': new Uint8Array([...files['packages/p0/counter-0.wasm'], 0, 2, 1, 0x61]) };
    for (const k of [1, 2]) await drift.job(checkout(k === 2 ? other : files), shardInputs(k, 2));
    const c = await drift.job(tempDir('preinit-merge-ws-'), { 'merge-shards': 'true' });
    expect(c.code).toBe(1);
    expect(c.errors[0]).toMatch(/^merge-shards: the shards matched different files, so a file could be dropped or doubled: 12 files \([0-9a-f]{12}\) in preinit-shard-1-of-2; 12 files \([0-9a-f]{12}\) in preinit-shard-2-of-2\. /);
  });

  test('a shard artifact whose report was not made by that shard is refused by name', async () => {
    // Uploaded by hand (the real client, as a job of the run): what no shard job writes.
    const forge = async (run: { token: () => string }, name: string, report: unknown) => {
      const dir = tempDir('preinit-forged-');
      fs.writeFileSync(path.join(dir, 'report.json'), JSON.stringify(report));
      await asJob(run.token(), (client) => client.uploadArtifact(name, [path.join(dir, 'report.json')], dir));
    };
    const made = readReport(await workflowRun(3600, 'feature', prEvent).job(checkout({ 'm.wasm': await wat2wasm(counterWat(1)) }), shardInputs(1, 1)));
    const shard = (index: number, count: number) => ({ index, count, matched: 1, fingerprint: 'a'.repeat(64) });
    const escaping = [{ ...made.files[0], output: '../../escape.wasm' }];

    const misnamed = workflowRun(3601, 'feature', prEvent);
    await forge(misnamed, 'preinit-shard-1-of-2', { ...made, shard: shard(2, 2) });
    await forge(misnamed, 'preinit-shard-2-of-2', { ...made, shard: shard(2, 2) });
    const a = await misnamed.job(tempDir('preinit-merge-ws-'), { 'merge-shards': 'true' });
    expect(a.code).toBe(1);
    expect(a.errors).toEqual(['merge-shards: `preinit-shard-1-of-2` holds the report of shard 2 of 2']);

    const escapes = workflowRun(3602, 'feature', prEvent);
    await forge(escapes, 'preinit-shard-1-of-1', { ...made, shard: shard(1, 1), files: escaping });
    const b = await escapes.job(tempDir('preinit-merge-ws-'), { 'merge-shards': 'true' });
    expect(b.code).toBe(1);
    expect(b.errors).toEqual(['merge-shards: `preinit-shard-1-of-1`: its output path ../../escape.wasm leaves `output-dir`']);
  });

  test('no shard artifact at all: the merge says what to check', async () => {
    const run = workflowRun(3501, 'feature', prEvent);
    const r = await run.job(tempDir('preinit-merge-ws-'), { 'merge-shards': 'true' });
    expect(r.code).toBe(1);
    expect(r.errors).toEqual([
      'merge-shards: no `preinit-shard-K-of-N` artifact in this run: do the shard jobs set `shard: K/N` and the same `artifact-name`, and does this job `needs:` them?',
    ]);
  });
});
