/**
 * End to end: the shipped dist/ (copied to a directory with no node_modules above it) runs as
 * GitHub runs it, under Node 20 and Node 24, against real parts: the real @actions/artifact
 * client uploading to our loopback results service + block-blob store, real GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY files, a pull_request event payload. The only stand-in is the REST API
 * for issue comments.
 */
import { DefaultArtifactClient } from '@actions/artifact';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { actionFixture } from './support/action-fixture.js';
import { tempDirs } from './support/temp-dirs.js';
import type { ArtifactServer } from './support/artifact-server.js';
import { bigWat, componentWat, counterWat, wat2wasm } from './support/action-wasm.js';
import { nodeBinaries, repoRoot, runAction, type ActionRun } from './support/run-action.js';

const nodes = await nodeBinaries();
const PR = 7;
const MARKER = '<!-- preinit-action:sticky -->';

function sha(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function listFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .map((f) => f.split(path.sep).join('/'))
    .sort();
}

/** Temporary directories of this file, removed when it ends. */
const tempDir = tempDirs();

async function workspace(files: Record<string, string | Uint8Array>): Promise<string> {
  const ws = tempDir('preinit-ws-');
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(ws, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return ws;
}

/** Downloads an artifact with the real client (in this process) and returns the directory. */
async function download(server: ArtifactServer, id: number): Promise<string> {
  const saved = { token: process.env.ACTIONS_RUNTIME_TOKEN, url: process.env.ACTIONS_RESULTS_URL };
  process.env.ACTIONS_RUNTIME_TOKEN = server.runtimeToken;
  process.env.ACTIONS_RESULTS_URL = server.url + '/';
  // The in-process client logs through @actions/core to stdout: keep the test output readable.
  const write = process.stdout.write;
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    const dir = tempDir('preinit-dl-');
    const res = await new DefaultArtifactClient().downloadArtifact(id, { path: dir });
    expect(res.digestMismatch ?? false).toBe(false);
    return dir;
  } finally {
    process.stdout.write = write;
    if (saved.token === undefined) delete process.env.ACTIONS_RUNTIME_TOKEN;
    else process.env.ACTIONS_RUNTIME_TOKEN = saved.token;
    if (saved.url === undefined) delete process.env.ACTIONS_RESULTS_URL;
    else process.env.ACTIONS_RESULTS_URL = saved.url;
  }
}

async function exportsOf(bytes: Uint8Array): Promise<Record<string, unknown>> {
  const { instance } = await WebAssembly.instantiate(bytes as BufferSource, {});
  return instance.exports as Record<string, unknown>;
}

const prEvent = { name: 'pull_request', payload: { action: 'synchronize', number: PR, pull_request: { number: PR } } };

describe.each(nodes)('the action under $label', ({ path: node }) => {
  const fx = actionFixture();

  const run = (
    ws: string,
    inputs: Record<string, string>,
    event: { name: string; payload: unknown } = prEvent,
    extraEnv: Record<string, string> = {},
  ): Promise<ActionRun> =>
    runAction({
      actionDir: fx.actionDir,
      node,
      workspace: ws,
      inputs: { 'github-token': fx.api.token, ...inputs },
      event,
      env: {
        ACTIONS_RUNTIME_TOKEN: fx.artifacts.runtimeToken,
        ACTIONS_RESULTS_URL: fx.artifacts.url + '/',
        GITHUB_API_URL: fx.api.url,
        GITHUB_REPOSITORY: fx.api.repository,
        ...extraEnv,
      },
    });

  test('pre-initializes the matching files, reports, uploads, and keeps one sticky comment', async () => {
    const counter = await wat2wasm(counterWat(42));
    const ws = await workspace({
      'wasm/counter.wasm': counter,
      'wasm/sub/counter2.wasm': await wat2wasm(counterWat(7)),
      'wasm/bad.wasm': 'this is not wasm',
      'wasm/skip.wasm': counter,
      'wasm/component.wat': componentWat,
      'node_modules/dep/dep.wasm': counter,
    });
    const inputsBefore = Object.fromEntries(listFiles(ws).map((f) => [f, sha(path.join(ws, f))]));
    // 120 comments by people, one of them carrying our marker (not ours: must stay untouched),
    // so our comment lands on page 2 of the listing.
    fx.api.seed(PR, 60);
    fx.api.seed(PR, 1, { login: 'mallory', type: 'User' }, () => `${MARKER}\nfake`);
    fx.api.seed(PR, 59);

    const r1 = await run(ws, {
      path: 'wasm/**/*.wasm\nwasm/**/*.wat\n!wasm/skip.wasm',
      'fail-on-error': 'false',
      'startup-iterations': '3',
    });
    expect(r1.stderr).toBe('');
    expect(r1.code).toBe(0);

    // Outputs, from the GITHUB_OUTPUT file.
    expect(r1.outputs.count).toBe('3');
    expect(r1.outputs.failed).toBe('1');
    const files = JSON.parse(r1.outputs.files) as Array<{ path: string; status: string; error: string | null; output: string | null }>;
    expect(files.map((f) => f.path)).toEqual(['wasm/bad.wasm', 'wasm/component.wat', 'wasm/counter.wasm', 'wasm/sub/counter2.wasm']);
    const bad = files.find((f) => f.path === 'wasm/bad.wasm')!;
    expect(bad.status).toBe('error');
    expect(bad.output).toBeNull();
    expect(bad.error).toMatch(/not a WebAssembly module/);
    expect(Number(r1.outputs['total-size-after'])).toBeGreaterThan(0);
    expect(Number(r1.outputs['total-size-change'])).toBe(Number(r1.outputs['total-size-after']) - Number(r1.outputs['total-size-before']));
    expect(r1.outputs['budget-exceeded']).toBe('false');
    // Startup measured for the core modules and the component: a real number.
    expect(Number(r1.outputs.speedup)).toBeGreaterThan(0);

    // The bad file: one clear line naming it, no output, the others went on.
    expect(r1.errors).toContain(`wasm/bad.wasm: ${bad.error}`);
    expect(bad.error).not.toContain('\n');
    const out = path.join(ws, 'preinit-output');
    expect(listFiles(out)).toEqual(['report.json', 'report.md', 'wasm/component.wasm', 'wasm/counter.wasm', 'wasm/sub/counter2.wasm']);
    // Inputs untouched, excluded files not processed.
    for (const [f, h] of Object.entries(inputsBefore)) expect(sha(path.join(ws, f))).toBe(h);

    // The outputs start initialized: no init export, state already there.
    const ex = await exportsOf(fs.readFileSync(path.join(out, 'wasm/counter.wasm')));
    expect(ex['wizer-initialize']).toBeUndefined();
    expect((ex.get as () => number)()).toBe(42);
    expect((ex.word as () => number)()).toBe(0x6c6c6568);
    expect(((await exportsOf(fs.readFileSync(path.join(out, 'wasm/sub/counter2.wasm')))).get as () => number)()).toBe(7);

    // report.json
    const report = JSON.parse(fs.readFileSync(r1.outputs['report-path'], 'utf8'));
    expect(r1.outputs['report-path']).toBe(path.join(out, 'report.json'));
    expect(report.schema).toBe('preinit-action/report');
    expect(report.version).toBe(1);
    expect(report.run.prNumber).toBe(PR);
    expect(report.totals).toMatchObject({ files: 4, succeeded: 3, failed: 1 });
    const c = report.files.find((f: { path: string }) => f.path === 'wasm/counter.wasm');
    expect(c).toMatchObject({ status: 'ok', kind: 'module', output: 'wasm/counter.wasm', verified: true });
    expect(c.startup.iterations).toBe(3);
    expect(c.startup.inputMs).toBeGreaterThan(0);
    expect(c.startup.outputMs).toBeGreaterThan(0);
    expect(c.startup.speedup).toBeCloseTo(c.startup.inputMs / c.startup.outputMs, 1);
    const speedups = report.files.filter((f: { startup: unknown }) => f.startup).map((f: { startup: { speedup: number } }) => f.startup.speedup);
    expect(speedups).toHaveLength(3);
    expect(report.totals.speedup).toBeCloseTo(Math.cbrt(speedups[0] * speedups[1] * speedups[2]), 2);
    expect(Number(r1.outputs.speedup)).toBeCloseTo(report.totals.speedup, 2);
    expect(c.input.raw).toBe(counter.length);
    expect(c.after.raw).toBe(fs.statSync(path.join(out, 'wasm/counter.wasm')).size);
    expect(c.after.gzip).toBeGreaterThan(0);
    expect(c.after.brotli).toBeGreaterThan(0);
    expect(c.snapshot.globals).toBe(1);
    const comp = report.files.find((f: { path: string }) => f.path === 'wasm/component.wat');
    expect(comp).toMatchObject({ kind: 'component', verified: true, output: 'wasm/component.wasm' });
    expect(comp.startup.speedup).toBeGreaterThan(0);

    // The job summary.
    expect(r1.summary).toContain('WebAssembly pre-initialization');
    expect(r1.summary).toContain('`wasm/counter.wasm`');
    expect(r1.summary).toContain('```mermaid');
    expect(r1.summary).toContain('xychart-beta');
    expect(r1.summary).toContain('### Startup');

    // The artifact: uploaded through the real client, verified by the server, byte-identical.
    expect(fx.artifacts.violations).toEqual([]);
    const art = fx.artifacts.artifacts.filter((a) => a.finalized && !a.deleted);
    expect(art).toHaveLength(1);
    expect(art[0].name).toBe('preinit');
    expect(r1.outputs['artifact-id']).toBe(String(art[0].id));
    expect(`sha256:${r1.outputs['artifact-digest']}`).toBe(art[0].digest);
    expect(r1.outputs['artifact-url']).toBe(`https://github.com/${fx.api.repository}/actions/runs/424242/artifacts/${art[0].id}`);
    const dl = await download(fx.artifacts, art[0].id);
    expect(listFiles(dl)).toEqual(['report.json', 'report.md', 'wasm/component.wasm', 'wasm/counter.wasm', 'wasm/sub/counter2.wasm']);
    for (const f of ['wasm/component.wasm', 'wasm/counter.wasm', 'wasm/sub/counter2.wasm', 'report.json']) {
      expect(sha(path.join(dl, f))).toBe(sha(path.join(out, f)));
    }

    // The comment: listed past the first 100, the user's look-alike ignored, ours created.
    const gets = fx.api.requests.filter((q) => q.method === 'GET');
    expect(gets.map((q) => new URLSearchParams(q.query).get('page') ?? '1')).toEqual(['1', '2']);
    const posts = fx.api.requests.filter((q) => q.method === 'POST');
    expect(posts).toHaveLength(1);
    const ours = fx.api.comments.filter((x) => x.user.type === 'Bot');
    expect(ours).toHaveLength(1);
    expect(ours[0].body.startsWith(MARKER)).toBe(true);
    expect(ours[0].body).toBe(r1.outputs['comment-body']);
    expect(r1.outputs['comment-id']).toBe(String(ours[0].id));
    expect(fx.api.comments.find((x) => x.user.login === 'mallory')!.body).toBe(`${MARKER}\nfake`);

    // A second run on the same PR updates that comment, and `overwrite` replaces the artifact.
    fx.api.requests.length = 0;
    fx.api.seed(PR, 5);
    const r2 = await run(ws, { path: 'wasm/counter.wasm', overwrite: 'true', 'measure-startup': 'false' });
    expect(r2.code).toBe(0);
    expect(fx.api.requests.filter((q) => q.method === 'POST')).toHaveLength(0);
    const patches = fx.api.requests.filter((q) => q.method === 'PATCH');
    expect(patches).toHaveLength(1);
    expect(patches[0].path).toBe(`/repos/${fx.api.repository}/issues/comments/${ours[0].id}`);
    expect(fx.api.comments.filter((x) => x.user.type === 'Bot')).toHaveLength(1);
    expect(r2.outputs['comment-id']).toBe(String(ours[0].id));
    expect(fx.api.comments.find((x) => x.id === ours[0].id)!.body).toBe(r2.outputs['comment-body']);
    expect(fx.artifacts.artifacts.filter((a) => a.finalized && !a.deleted)).toHaveLength(1);
    expect(fx.artifacts.artifacts.filter((a) => a.deleted)).toHaveLength(1);
    expect(fx.artifacts.violations).toEqual([]);
  });

  test('fail-on-error fails the step but still writes the good outputs and every output', async () => {
    const ws = await workspace({ 'a.wasm': await wat2wasm(counterWat(1)), 'b.wasm': await wat2wasm('(module)') });
    const r = await run(ws, { comment: 'never', upload: 'false', 'measure-startup': 'false' });
    expect(r.code).toBe(1);
    expect(r.errors).toContain('b.wasm: the Wasm module does not have a `wizer-initialize` export');
    expect(r.errors.some((e) => e.startsWith('1 of 2 files failed'))).toBe(true);
    expect(r.outputs.count).toBe('1');
    expect(r.outputs.failed).toBe('1');
    expect(fs.existsSync(path.join(ws, 'preinit-output/a.wasm'))).toBe(true);
    expect(fs.existsSync(path.join(ws, 'preinit-output/b.wasm'))).toBe(false);
    expect(r.outputs['artifact-id']).toBe('');
    expect(fx.artifacts.log).toEqual([]);
  });

  test('a fork PR (read-only token, 403) warns and passes, keeping summary, artifact and comment-body', async () => {
    fx.api.mode = 'read-only';
    const ws = await workspace({ 'm.wasm': await wat2wasm(counterWat(3)) });
    const r = await run(ws, {});
    expect(r.code).toBe(0);
    expect(r.warnings.some((w) => w.includes('PR comment: not written') && w.includes('403'))).toBe(true);
    expect(r.outputs['comment-body'].startsWith(MARKER)).toBe(true);
    expect(r.outputs['comment-id']).toBe('');
    expect(r.summary).toContain('`m.wasm`');
    expect(r.outputs['artifact-id']).not.toBe('');
    expect(fx.api.requests.map((q) => `${q.method} ${q.status}`)).toEqual(['GET 200', 'POST 403']);
    expect(fx.api.comments).toHaveLength(0);
  });

  test('on GitHub Enterprise Server the artifact is skipped with a warning, not a failure', async () => {
    const ws = await workspace({ 'm.wasm': await wat2wasm(counterWat(3)) });
    const r = await run(ws, { comment: 'never', 'measure-startup': 'false' }, prEvent, { GITHUB_SERVER_URL: 'https://ghe.example.com' });
    expect(r.code).toBe(0);
    expect(r.warnings.some((w) => w.startsWith('artifact upload skipped'))).toBe(true);
    expect(r.outputs['artifact-id']).toBe('');
    expect(fx.artifacts.log).toEqual([]);
  });

  test('in-place replaces only the files that succeeded; reports go to RUNNER_TEMP', async () => {
    const good = await wat2wasm(counterWat(9));
    const ws = await workspace({ 'lib/good.wasm': good, 'lib/bad.wasm': 'nope' });
    const r = await run(ws, { 'in-place': 'true', 'fail-on-error': 'false', comment: 'never', 'measure-startup': 'false' });
    expect(r.code).toBe(0);
    const now = fs.readFileSync(path.join(ws, 'lib/good.wasm'));
    expect(now.equals(Buffer.from(good))).toBe(false);
    expect(((await exportsOf(now)).get as () => number)()).toBe(9);
    expect(fs.readFileSync(path.join(ws, 'lib/bad.wasm'), 'utf8')).toBe('nope');
    expect(listFiles(path.join(ws, 'lib'))).toEqual(['bad.wasm', 'good.wasm']);
    expect(fs.existsSync(path.join(ws, 'preinit-output'))).toBe(false);
    expect(r.outputs['report-path']).toMatch(/runner-temp[/\\]preinit-report[/\\]report\.json$/);
    const dl = await download(fx.artifacts, Number(r.outputs['artifact-id']));
    expect(listFiles(dl)).toEqual(['lib/good.wasm', 'report.json', 'report.md']);
  });

  test('optimize runs Binaryen from the bundle (dist/binaryen.js) and the output still verifies', async () => {
    const input = await wat2wasm(`(module (memory (export "memory") 1) (global $g (mut i32) (i32.const 0))
      (func $setup (local $i i32) (loop $l (global.set $g (i32.add (global.get $g) (local.get $i)))
        (local.set $i (i32.add (local.get $i) (i32.const 1))) (br_if $l (i32.lt_u (local.get $i) (i32.const 100)))))
      (func (export "wizer-initialize") (call $setup))
      (func (export "get") (result i32) (global.get $g)))`);
    const ws = await workspace({ 'm.wasm': input });
    const r = await run(ws, { optimize: 'Oz', comment: 'never', 'measure-startup': 'false' });
    expect(r.code).toBe(0);
    const [file] = JSON.parse(fs.readFileSync(r.outputs['report-path'], 'utf8')).files;
    expect(file).toMatchObject({ status: 'ok', verified: true, optimized: { level: 'Oz' } });
    expect(file.optimized.after).toBeLessThan(file.optimized.before);
    const output = fs.readFileSync(path.join(ws, 'preinit-output', 'm.wasm'));
    expect(output.length).toBe(file.optimized.after);
    expect(((await exportsOf(output)).get as () => number)()).toBe(4950);
  });

  test('comment: never makes no API request', async () => {
    const ws = await workspace({ 'm.wasm': await wat2wasm(counterWat(3)) });
    const r = await run(ws, { comment: 'never' });
    expect(r.code).toBe(0);
    expect(r.warnings).toEqual([]);
    expect(fx.api.requests).toEqual([]);
    expect(r.outputs['comment-body'].startsWith(MARKER)).toBe(true);
  });

  test('an output over 8 MiB reaches the blob store in ordered 8 MiB blocks, hash checked', async () => {
    const size = 9 * 1024 * 1024;
    const ws = await workspace({ 'big/big.wasm': await wat2wasm(bigWat(size)) });
    const r = await run(ws, {
      'compression-level': '0',
      'retention-days': '3',
      comment: 'never',
      'job-summary': 'false',
      'measure-startup': 'false',
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(fx.artifacts.violations).toEqual([]);
    const [a] = fx.artifacts.artifacts;
    expect(a.finalized).toBe(true);
    expect(a.committedBlockSizes.length).toBeGreaterThanOrEqual(2);
    expect(a.committedBlockSizes[0]).toBe(8 * 1024 * 1024);
    expect(a.expiresAt).not.toBeNull();
    const out = path.join(ws, 'preinit-output/big/big.wasm');
    expect(fs.statSync(out).size).toBeGreaterThan(size);
    expect(r.summary).toBe('');
    const dl = await download(fx.artifacts, a.id);
    expect(sha(path.join(dl, 'big/big.wasm'))).toBe(sha(out));
    const at = (await exportsOf(fs.readFileSync(out))).at as (i: number) => number;
    expect(at(0)).toBe(0x5a);
    expect(at(size - 1)).toBe(0x5a);
    expect(at(size)).toBe(0);
  }, 300_000);

  test('compares with a base report, shows the change, and fails on the size budget', async () => {
    const ws = await workspace({ 'app.wasm': await wat2wasm(counterWat(1)) });
    const first = await run(ws, { comment: 'never', upload: 'false' });
    expect(first.code).toBe(0);
    fs.copyFileSync(first.outputs['report-path'], path.join(ws, 'base.json'));
    // The next version grows: its init writes a large non-zero buffer.
    fs.writeFileSync(path.join(ws, 'app.wasm'), await wat2wasm(bigWat(4096)));
    const r = await run(ws, { 'base-report': 'base.json', 'max-size-increase': '10%', comment: 'always', upload: 'false' });
    expect(r.code).toBe(1);
    expect(r.outputs['budget-exceeded']).toBe('true');
    expect(r.errors.some((e) => e.startsWith('size budget exceeded'))).toBe(true);
    expect(r.outputs['comment-body']).toContain('vs base');
    expect(r.outputs['comment-body']).toContain('🔺');
    const report = JSON.parse(fs.readFileSync(r.outputs['report-path'], 'utf8'));
    expect(report.budget).toMatchObject({ against: 'base', exceeded: true });
    expect(report.totals.base.bytes).toBeGreaterThan(4000);
    // The budget failure still posted the comment.
    expect(fx.api.comments.filter((c) => c.user.type === 'Bot')).toHaveLength(1);
  });

  test('in parallel, each guest output lands inside its own file group; one at a time it streams there', async () => {
    const say = (text: string) => `(module
      (import "wasi_snapshot_preview1" "fd_write" (func $w (param i32 i32 i32 i32) (result i32)))
      (memory (export "memory") 1)
      (data (i32.const 16) "${text}\\n")
      (func (export "wizer-initialize")
        (i32.store (i32.const 0) (i32.const 16))
        (i32.store (i32.const 4) (i32.const ${text.length + 1}))
        (drop (call $w (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))))`;
    const ws = await workspace({ 'a.wasm': await wat2wasm(say('hello from a')), 'b.wasm': await wat2wasm(say('hello from b')) });
    for (const parallel of ['2', '1']) {
      const r = await run(ws, { 'allow-wasi': 'true', parallel, comment: 'never', upload: 'false', 'measure-startup': 'false' });
      expect(r.code).toBe(0);
      const group = (name: string) => {
        const start = r.stdout.indexOf(`::group::preinit ${name}`);
        return r.stdout.slice(start, r.stdout.indexOf('::endgroup::', start));
      };
      expect(group('a.wasm')).toContain('hello from a');
      expect(group('a.wasm')).not.toContain('hello from b');
      expect(group('b.wasm')).toContain('hello from b');
      expect(r.outputs.count).toBe('2');
    }
  });

  test('working-directory: paths relative to it, annotations relative to the repository', async () => {
    const ws = await workspace({ 'pkg/wasm/ok.wasm': await wat2wasm(counterWat(2)), 'pkg/wasm/bad.wasm': '' });
    const r = await run(ws, { 'working-directory': 'pkg', 'fail-on-error': 'false', upload: 'false', comment: 'never', 'measure-startup': 'false' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('::error title=preinit failed,file=pkg/wasm/bad.wasm::wasm/bad.wasm: the input is empty');
    expect(fs.existsSync(path.join(ws, 'pkg/preinit-output/wasm/ok.wasm'))).toBe(true);
    expect(JSON.parse(r.outputs.files).map((f: { path: string }) => f.path)).toEqual(['wasm/bad.wasm', 'wasm/ok.wasm']);
  });

  test('a working-directory that does not exist is an error naming it; nothing is created', async () => {
    const ws = await workspace({ 'a.wasm': await wat2wasm(counterWat(2)) });
    const r = await run(ws, { 'working-directory': 'nope', upload: 'false', comment: 'never' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`::error::input \`working-directory\`: ${path.join(ws, 'nope')} is not a directory`);
    expect(fs.existsSync(path.join(ws, 'nope'))).toBe(false);
  });

  test('a WASI component (C + preview1 adapter) prints through WASI during init, from the bundle', async () => {
    const heap = fs.readFileSync(path.join(repoRoot, 'fixtures/components/heap.wasm'));
    const ws = await workspace({ 'heap.wasm': heap });
    const r = await run(ws, { 'allow-wasi': 'true', parallel: '1', upload: 'false', comment: 'never', 'startup-iterations': '3' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const start = r.stdout.indexOf('::group::preinit heap.wasm');
    expect(r.stdout.slice(start, r.stdout.indexOf('::endgroup::', start))).toContain('building the heap');
    const report = JSON.parse(fs.readFileSync(r.outputs['report-path'], 'utf8'));
    expect(report.files[0]).toMatchObject({ status: 'ok', kind: 'component', verified: true, startup: { iterations: 3 } });
    expect(Object.keys(report.files[0].snapshot.wasiCalls)).toContain('wasi:io/streams#[method]output-stream.blocking-write-and-flush');
  });

  test('a runaway init ends at init-timeout for that file only', async () => {
    const ws = await workspace({
      'loop.wasm': await wat2wasm('(module (func (export "wizer-initialize") (loop $l (br $l))))'),
      'ok.wasm': await wat2wasm(counterWat(5)),
    });
    const r = await run(ws, { 'init-timeout': '6', comment: 'never', upload: 'false', 'fail-on-error': 'false' });
    expect(r.code).toBe(0);
    expect(r.errors.some((e) => e.startsWith('loop.wasm: ') && e.includes('did not finish within 6 s'))).toBe(true);
    expect(r.outputs.count).toBe('1');
    expect(fs.existsSync(path.join(ws, 'preinit-output/ok.wasm'))).toBe(true);
    expect(fs.existsSync(path.join(ws, 'preinit-output/loop.wasm'))).toBe(false);
  });

  test('reproducible with a seed, checked twice; without it the check fails the file and names the read', async () => {
    const random = await wat2wasm(`(module
      (import "wasi_snapshot_preview1" "random_get" (func $random (param i32 i32) (result i32)))
      (memory (export "memory") 1)
      (func (export "wizer-initialize") (drop (call $random (i32.const 64) (i32.const 16)))))`);
    const ws = await workspace({ 'random.wasm': random });
    const inputs = { 'allow-wasi': 'true', 'check-reproducible': 'true', comment: 'never', upload: 'false', 'fail-on-error': 'false' };
    const ok = await run(ws, { ...inputs, reproducible: 'true', seed: '7' });
    expect(ok.errors).toEqual([]);
    const report = JSON.parse(fs.readFileSync(ok.outputs['report-path'], 'utf8'));
    expect(report.files[0].reproducible).toEqual({ seed: '7', epoch: 946684800, sha256: report.files[0].after.sha256 });
    const plain = await run(ws, inputs);
    expect(plain.errors).toEqual([expect.stringMatching(/^random\.wasm: not reproducible: .*random_get call 1.*with reproducible mode the two runs are identical/)]);
  });

  test('on-change posts nothing new when no file moved by minimum-change-threshold or more (per file)', async () => {
    const ws = await workspace({ 'app.wasm': await wat2wasm(counterWat(1)) });
    const first = await run(ws, { comment: 'never', upload: 'false', 'measure-startup': 'false' });
    fs.copyFileSync(first.outputs['report-path'], path.join(ws, 'base.json'));
    const same = await run(ws, { 'base-report': 'base.json', comment: 'on-change', upload: 'false', 'measure-startup': 'false' });
    expect(same.code).toBe(0);
    expect(fx.api.requests.map((q) => q.method)).toEqual(['GET']);
    expect(fx.api.comments).toHaveLength(0);
    // A small growth under the threshold: the file counts as unchanged, folded in the comment.
    fs.writeFileSync(path.join(ws, 'app.wasm'), await wat2wasm(counterWat(1).replace('0x6c6c6568', '0x6c6c6568)) (i32.store (i32.const 2048) (i32.const 1')));
    const small = await run(ws, { 'base-report': 'base.json', comment: 'on-change', 'minimum-change-threshold': '1KiB', upload: 'false', 'measure-startup': 'false' });
    expect(small.code).toBe(0);
    const report = JSON.parse(fs.readFileSync(small.outputs['report-path'], 'utf8'));
    expect(report.files[0].base.bytes).toBeGreaterThan(0);
    expect(report.files[0].base.changed).toBe(false);
    expect(small.outputs['comment-body']).toContain('<details><summary>1 unchanged file</summary>');
    expect(fx.api.requests.filter((q) => q.method !== 'GET')).toEqual([]);
    // Over the threshold (in %), it does.
    const big = await run(ws, { 'base-report': 'base.json', comment: 'on-change', 'minimum-change-threshold': '1%', upload: 'false', 'measure-startup': 'false' });
    expect(big.code).toBe(0);
    expect(fx.api.requests.filter((q) => q.method === 'POST')).toHaveLength(1);
    expect(big.outputs['comment-body']).not.toContain('unchanged file');
  });

  test('comment-from-report posts the comment of an earlier run and runs no wasm (the fork recipe)', async () => {
    const ws = await workspace({ 'app.wasm': await wat2wasm(counterWat(1)) });
    const first = await run(ws, { comment: 'never', upload: 'false', 'measure-startup': 'false' });
    fs.copyFileSync(first.outputs['report-path'], path.join(ws, 'pr-report.json'));
    fs.rmSync(path.join(ws, 'preinit-output'), { recursive: true });
    const push = { name: 'workflow_run', payload: { workflow_run: { event: 'pull_request', pull_requests: [] } } };
    const r = await run(ws, { 'comment-from-report': 'pr-report.json', 'pr-number': '9', comment: 'always' }, push);
    expect(r.code).toBe(0);
    expect(r.outputs.count).toBeUndefined();
    expect(fs.existsSync(path.join(ws, 'preinit-output'))).toBe(false);
    expect(fx.artifacts.log).toEqual([]);
    expect(fx.api.requests.map((q) => `${q.method} ${q.path}`)).toEqual([
      `GET /repos/${fx.api.repository}/issues/9/comments`,
      `POST /repos/${fx.api.repository}/issues/9/comments`,
    ]);
    expect(fx.api.comments[0].body).toBe(r.outputs['comment-body']);
    expect(r.outputs['comment-body']).toContain('`app.wasm`');
    expect(r.outputs['comment-id']).toBe(String(fx.api.comments[0].id));
  });

  test('under pull_request_target it warns that it runs the wasm it finds', async () => {
    const ws = await workspace({ 'm.wasm': await wat2wasm(counterWat(3)) });
    const r = await run(ws, { comment: 'never', upload: 'false', 'measure-startup': 'false' }, { ...prEvent, name: 'pull_request_target' });
    expect(r.code).toBe(0);
    expect(r.warnings.some((w) => w.includes('pull_request_target workflow that may hold a write token'))).toBe(true);
  });

  test('a bad input value fails the step with one line and does nothing else', async () => {
    const ws = await workspace({ 'app.wasm': await wat2wasm(counterWat(1)) });
    const r = await run(ws, { comment: 'sometimes' });
    expect(r.code).toBe(1);
    expect(r.errors).toEqual(['input `comment` must be one of auto, always, never, on-change, got `sometimes`']);
    expect(fs.existsSync(path.join(ws, 'preinit-output'))).toBe(false);
    expect(fx.api.requests).toEqual([]);
  });

  test('if-no-files-found: error fails, warn passes', async () => {
    const ws = await workspace({ 'readme.txt': 'nothing here' });
    const e = await run(ws, { 'if-no-files-found': 'error' });
    expect(e.code).toBe(1);
    expect(e.errors.some((x) => x.startsWith('No files found'))).toBe(true);
    expect(e.outputs.count).toBe('0');
    const w = await run(ws, {});
    expect(w.code).toBe(0);
    expect(w.warnings.some((x) => x.startsWith('No files found'))).toBe(true);
    expect(fx.api.requests).toEqual([]);
    expect(fx.artifacts.log).toEqual([]);
  });
});
