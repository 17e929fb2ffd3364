/**
 * End to end, the pull-request recipe with no plumbing: the shipped dist/ runs as a push on
 * `main` (uploading its report artifact through the real @actions/artifact client), then as a
 * pull_request run that finds that artifact by itself through the REST listing (every page of
 * a busy list, only the PR's base branch, never a fork's or an expired one), downloads it with
 * the real client (`findBy`) and compares. A PR into a branch with no report gets "no base";
 * a token without `actions: read` gets a warning naming it. Budgets fail the step with an
 * annotation on the file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { actionFixture } from './support/action-fixture.js';
import { tempDirs } from './support/temp-dirs.js';
import type { GitHubApi } from './support/github-api.js';
import { bigWat, counterWat, wat2wasm } from './support/action-wasm.js';
import { nodeBinaries, runAction, type ActionRun } from './support/run-action.js';

const nodes = await nodeBinaries();
const PR = 12;

const tempDir = tempDirs();

async function workspace(files: Record<string, Uint8Array>): Promise<string> {
  const ws = tempDir('preinit-pr-ws-');
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(ws, rel)), { recursive: true });
    fs.writeFileSync(path.join(ws, rel), content);
  }
  return ws;
}

const pushEvent = (branch: string) => ({ name: 'push', payload: { ref: `refs/heads/${branch}`, after: 'c'.repeat(40) } });
const prEvent = (base: string) => ({
  name: 'pull_request',
  payload: { action: 'synchronize', number: PR, pull_request: { number: PR, base: { ref: base }, head: { ref: 'feature' } } },
});

interface ReportJson {
  files: Array<{ path: string; base: { raw: number | null; bytes: number | null; changed?: boolean; startup?: string | null } | null }>;
  baseReport: { branch?: string; artifactId?: number; runId?: number } | null;
  noBase?: string;
}

const readReport = (r: ActionRun): ReportJson => JSON.parse(fs.readFileSync(r.outputs['report-path'], 'utf8')) as ReportJson;
const artifactRequests = (api: GitHubApi) => api.requests.filter((q) => q.path.includes('/actions/artifacts'));

describe.each(nodes)('base-report: auto under $label', ({ path: node }) => {
  const fx = actionFixture({ restArtifacts: true });

  /** One workflow run: its own run id and runtime token, registered with the REST stand-in under its head branch. */
  const run = (ws: string, runId: number, headBranch: string, event: { name: string; payload: unknown }, inputs: Record<string, string> = {}) => {
    const backend = `run-backend-${runId}`;
    const token = fx.artifacts.newRun(backend);
    fx.api.addRun(backend, { id: runId, headBranch });
    return runAction({
      actionDir: fx.actionDir,
      node,
      workspace: ws,
      inputs: { 'github-token': fx.api.token, 'measure-startup': 'false', ...inputs },
      event,
      env: {
        ACTIONS_RUNTIME_TOKEN: token,
        ACTIONS_RESULTS_URL: fx.artifacts.url + '/',
        GITHUB_API_URL: fx.api.url,
        GITHUB_REPOSITORY: fx.api.repository,
        GITHUB_RUN_ID: String(runId),
        GITHUB_REF: event.name === 'push' ? `refs/heads/${headBranch}` : `refs/pull/${PR}/merge`,
      },
    });
  };

  test('a push on main uploads the report; the PR run finds it on page 2 of a busy list and compares', async () => {
    const main = await workspace({ 'app/big.wasm': await wat2wasm(bigWat(2000)), 'app/counter.wasm': await wat2wasm(counterWat(1)) });
    const measured = { 'measure-startup': 'true', 'startup-iterations': '10' };
    const push = await run(main, 1001, 'main', pushEvent('main'), measured);
    expect(push.stderr).toBe('');
    expect(push.code).toBe(0);
    // A push is no pull request: no base is looked for.
    expect(artifactRequests(fx.api)).toEqual([]);
    expect(readReport(push).noBase).toBeUndefined();
    const uploaded = fx.artifacts.artifacts.find((a) => a.finalized && a.runBackendId === 'run-backend-1001')!;
    expect(uploaded.name).toBe('preinit');

    // A busy repository: 150 newer artifacts of that name from other branches push ours to page 2;
    // newer still, a fork's `main`, an expired one of `main`, and an older `main` one behind them.
    // None of those can be downloaded: picking one would fail the comparison.
    const future = (i: number) => `2099-01-01T00:${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}Z`;
    fx.api.seedArtifacts(150, 'preinit', (i) => ({ id: 2000 + i, headBranch: `topic-${i}` }), future);
    fx.api.seedArtifacts(1, 'preinit', () => ({ id: 3000, headBranch: 'main', headRepositoryId: 99 }), () => '2099-02-01T00:00:00Z');
    fx.api.seedArtifacts(1, 'preinit', () => ({ id: 3001, headBranch: 'main' }), () => '2099-02-02T00:00:00Z', true);
    fx.api.seedArtifacts(1, 'preinit', () => ({ id: 3002, headBranch: 'main' }), () => '2001-01-01T00:00:00Z');
    fx.api.seedArtifacts(120, 'other-name', (i) => ({ id: 4000 + i, headBranch: 'main' }), future);

    const pr = await workspace({ 'app/big.wasm': await wat2wasm(bigWat(6000)), 'app/counter.wasm': await wat2wasm(counterWat(1)) });
    const r = await run(pr, 1002, 'feature', prEvent('main'), { ...measured, 'sort-by': 'change' });
    expect(r.stderr).toBe('');
    expect(r.warnings).toEqual([]);
    expect(r.code).toBe(0);

    // Every page of the list filtered by name, then one download through the REST API.
    const lists = artifactRequests(fx.api).filter((q) => q.path.endsWith('/actions/artifacts'));
    expect(lists.map((q) => [new URLSearchParams(q.query).get('name'), new URLSearchParams(q.query).get('page') ?? '1'])).toEqual([
      ['preinit', '1'],
      ['preinit', '2'],
    ]);
    const zips = artifactRequests(fx.api).filter((q) => q.path.endsWith('/zip'));
    expect(zips.map((q) => `${q.path} ${q.status}`)).toEqual([`/repos/${fx.api.repository}/actions/artifacts/${uploaded.id}/zip 302`]);
    expect(fx.artifacts.violations).toEqual([]);

    const report = readReport(r);
    expect(report.baseReport).toMatchObject({ branch: 'main', artifactId: uploaded.id, runId: 1001 });
    expect(report.noBase).toBeUndefined();
    const byPath = Object.fromEntries(report.files.map((f) => [f.path, f.base]));
    expect(byPath['app/big.wasm']).toMatchObject({ changed: true });
    expect(byPath['app/big.wasm']!.bytes).toBeGreaterThan(0);
    // The same counter, measured again in another run: same size, startup within the noise.
    expect(byPath['app/counter.wasm']).toMatchObject({ bytes: 0, startup: 'same', changed: false });
    const body = r.outputs['comment-body'];
    expect(body).toContain('**vs base 🔺');
    expect(body).toContain('1 of 2 files changed');
    expect(body).toContain('<details><summary>1 unchanged file</summary>');
    expect(body).toContain('⚪ within noise');
    expect(r.outputs['comment-body']).toContain(`\`main\` (artifact ${uploaded.id})`);
    const took = /Base: artifact \d+ from run 1001 on main \((\d+) ms\)/.exec(r.stdout);
    expect(took).not.toBeNull();
    console.log(`base lookup (2 list pages + download): ${took![1]} ms`);

    // The PR run uploaded its own artifact beside main's (names are per run).
    expect(fx.artifacts.artifacts.filter((a) => a.finalized && a.name === 'preinit')).toHaveLength(2);
  });

  test('a PR into a branch with no report gets "no base", with no fallback to main', async () => {
    const ws = await workspace({ 'm.wasm': await wat2wasm(counterWat(3)) });
    expect((await run(ws, 1101, 'main', pushEvent('main'))).code).toBe(0);
    const r = await run(ws, 1102, 'feature', prEvent('release/1.x'));
    expect(r.code).toBe(0);
    expect(r.warnings).toEqual([]);
    const report = readReport(r);
    expect(report.baseReport).toBeNull();
    expect(report.noBase).toBe('no `preinit` report from a run on `release/1.x`');
    expect(report.files[0].base).toBeNull();
    expect(r.outputs['comment-body']).toContain('No base to compare with: no `preinit` report from a run on `release/1.x`.');
    expect(r.outputs['comment-body']).not.toContain('vs base');
    expect(artifactRequests(fx.api).filter((q) => q.path.endsWith('/zip'))).toEqual([]);
  });

  test('without actions: read the lookup warns, names the permission, and the run goes on with no base', async () => {
    const ws = await workspace({ 'm.wasm': await wat2wasm(counterWat(3)) });
    fx.api.actionsRead = false;
    const r = await run(ws, 1401, 'feature', prEvent('main'), { upload: 'false' });
    expect(r.code).toBe(0);
    expect(r.warnings).toEqual([
      `base report: listing artifacts failed: GET /repos/${fx.api.repository}/actions/artifacts answered 403: Resource not accessible by integration (the token needs \`permissions: actions: read\`)`,
    ]);
    expect(readReport(r).noBase).toBe('the artifacts could not be listed (the token needs `permissions: actions: read`)');
    expect(r.outputs['comment-body']).toContain('No base to compare with: the artifacts could not be listed');
  });

  test('a broken budget fails the step with an annotation on the file; the comment names it', async () => {
    const ws = await workspace({ 'app/big.wasm': await wat2wasm(bigWat(6000)), 'app/counter.wasm': await wat2wasm(counterWat(1)) });
    const budgets = JSON.stringify([{ path: 'app/*.wasm', maxRaw: '2KiB' }, { path: 'app/counter.wasm', maxBrotli: 100000 }]);
    const r = await run(ws, 1301, 'feature', prEvent('main'), { budgets, 'base-report': 'none', upload: 'false' });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error title=preinit budget,file=app\/big\.wasm::app\/big\.wasm: budget maxRaw 2\.00 KiB broken: 5\.\d\d KiB$/m);
    expect(r.errors.filter((e) => e.includes('budget'))).toHaveLength(2);
    expect(r.errors).toContain('1 budget broken: app/big.wasm maxRaw');
    expect(r.outputs['budget-exceeded']).toBe('true');
    expect(r.outputs['comment-body']).toContain('❌ **1 budget broken** (of 3 file checks):');
    // The outputs are still written: a budget judges them, it does not undo them.
    expect(fs.existsSync(path.join(ws, 'preinit-output/app/big.wasm'))).toBe(true);
  });

  test('base-report: none looks nothing up on a PR', async () => {
    const ws = await workspace({ 'm.wasm': await wat2wasm(counterWat(3)) });
    const r = await run(ws, 1201, 'feature', prEvent('main'), { 'base-report': 'none', upload: 'false' });
    expect(r.code).toBe(0);
    expect(artifactRequests(fx.api)).toEqual([]);
    expect(readReport(r).noBase).toBeUndefined();
  });
});
