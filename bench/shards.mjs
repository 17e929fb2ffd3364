// Matrix sharding: the shipped dist/ over 400 generated modules plus the bench corpus
// (fixtures/wasm), as one job, and as 4 `shard: K/4` jobs run as 4 processes at once followed
// by the `merge-shards` job in an empty workspace, against the loopback artifact service and
// REST stand-in of the tests (a pull_request run, so the merge also posts the comment). Prints
// each job's wall time, the critical path (slowest shard + merge) and the merge step's own
// time. On a machine with fewer cores than 4 shards x `parallel`, the shards at once compete
// for them, where a real matrix gives each its own runner: so each shard also runs alone, one
// after another, and the slowest of those plus the merge is the critical path with a runner
// per shard. Startup measurement is off (it runs one file at a time and would dominate);
// sizes, compression and verification are on; `reproducible` so that the merged report can be
// compared with one job's byte for byte (some corpus inits read random bytes).
//
//   npm run build && node bench/shards.mjs [--files 400] [--no-corpus]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSupport } from '../scripts/support.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const count = Number(args.includes('--files') ? args[args.indexOf('--files') + 1] : 400);
const work = path.join(root, 'bench/.work/shards');
const SHARDS = 4;

if (!fs.existsSync(path.join(root, 'dist/index.js'))) {
  console.error('dist/index.js is missing: run `npm run build` first');
  process.exit(1);
}

/** Init fills n words from a mixing function and sums them: sizes and init times vary with n. */
function watModule(n) {
  return `(module
  (memory (export "memory") ${1 + Math.ceil((n * 64 * 4) / 65536)})
  (global $sum (mut i32) (i32.const 0))
  (func (export "wizer-initialize")
    (local $i i32) (local $v i32)
    (loop $l
      (local.set $v (i32.mul (i32.add (local.get $i) (i32.const ${n})) (i32.const 2654435761)))
      (i32.store (i32.add (i32.const 1024) (i32.shl (local.get $i) (i32.const 2))) (local.get $v))
      (global.set $sum (i32.add (global.get $sum) (local.get $v)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (i32.const ${n * 64}))))
  )
  (func (export "run") (result i32) (global.get $sum)))
`;
}

async function prepare() {
  const dir = path.join(work, `in-${count}`);
  const gen = path.join(dir, 'generated');
  if (!fs.existsSync(gen) || fs.readdirSync(gen, { recursive: true }).filter((f) => String(f).endsWith('.wasm')).length !== count) {
    fs.rmSync(dir, { recursive: true, force: true });
    const wabt = await (await import('wabt')).default();
    for (let i = 0; i < count; i++) {
      // Sizes from a few hundred bytes to ~400 KiB of snapshot, spread over 20 packages.
      const n = 1 + ((i * 7919) % 1600);
      const mod = wabt.parseWat(`m${i}.wat`, watModule(n));
      const file = path.join(gen, `pkg-${i % 20}`, `mod-${String(i).padStart(3, '0')}.wasm`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, mod.toBinary({}).buffer);
      mod.destroy();
    }
  }
  const corpus = path.join(dir, 'corpus');
  if (!args.includes('--no-corpus')) fs.cpSync(path.join(root, 'fixtures/wasm'), corpus, { recursive: true });
  else fs.rmSync(corpus, { recursive: true, force: true });
  return dir;
}

const inputsDir = await prepare();
const files = fs.readdirSync(inputsDir, { recursive: true }).filter((f) => String(f).endsWith('.wasm'));
const { startArtifactServer } = await loadSupport('artifact-server');
const { startGitHubApi } = await loadSupport('github-api');
const { runAction } = await loadSupport('run-action');
const artifacts = await startArtifactServer();
const api = await startGitHubApi({ artifacts });

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'preinit-bench-shards-'));
let jobs = 0;
/** One job of workflow run `runId`, in a fresh copy of the inputs (or an empty workspace). */
async function job(runId, inputs, withFiles = true) {
  const ws = path.join(tmp, `job-${++jobs}`);
  fs.mkdirSync(ws);
  if (withFiles) fs.cpSync(inputsDir, path.join(ws, 'wasm'), { recursive: true });
  const backend = `run-${runId}`;
  api.addRun(backend, { id: runId, headBranch: 'feature' });
  const started = performance.now();
  const r = await runAction({
    actionDir: path.join(root, 'dist'),
    node: process.execPath,
    workspace: ws,
    inputs: { path: 'wasm/**/*.wasm', 'allow-wasi': 'true', 'measure-startup': 'false', 'fail-on-error': 'false', reproducible: 'true', 'github-token': api.token, ...inputs },
    event: { name: 'pull_request', payload: { action: 'synchronize', number: 1, pull_request: { number: 1, base: { ref: 'main' } } } },
    env: {
      ACTIONS_RUNTIME_TOKEN: artifacts.newRun(backend, `${backend}-job-${jobs}`),
      ACTIONS_RESULTS_URL: artifacts.url + '/',
      GITHUB_API_URL: api.url,
      GITHUB_REPOSITORY: api.repository,
      GITHUB_RUN_ID: String(runId),
    },
  });
  const ms = performance.now() - started;
  if (r.code !== 0) {
    process.stderr.write(r.stdout.split('\n').filter((l) => l.startsWith('::error')).join('\n') + '\n' + r.stderr);
    throw new Error(`job ${jobs} (${JSON.stringify(inputs)}) exited with ${r.code}`);
  }
  return { ms, r, report: JSON.parse(fs.readFileSync(r.outputs['report-path'], 'utf8')) };
}

const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
console.log(`shards bench: ${files.length} files (${count} generated${args.includes('--no-corpus') ? '' : ' + fixtures/wasm'}), ${os.availableParallelism()} CPUs, node ${process.versions.node}`);

const one = await job(1, {});
console.log(`one job:                      ${s(one.ms)} (${one.r.outputs.count} ok, ${one.r.outputs.failed} failed, ${(one.r.outputs['total-size-after'] / 2 ** 20).toFixed(0)} MiB out)`);

const started = performance.now();
const shards = await Promise.all(Array.from({ length: SHARDS }, (_, k) => job(2, { shard: `${k + 1}/${SHARDS}` })));
const shardPhase = performance.now() - started;
const merge = await job(2, { 'merge-shards': 'true', 'delete-shard-artifacts': 'true' }, false);
const mergeOwn = Number(/Merge step: (\d+) ms/.exec(merge.r.stdout)?.[1]);
for (const [k, sh] of shards.entries()) {
  const bytes = sh.report.files.reduce((t, f) => t + f.input.raw, 0);
  console.log(`shard ${k + 1}/${SHARDS}:                    ${s(sh.ms)} (${sh.report.files.length} files, ${(bytes / 1024).toFixed(0)} KiB in)`);
}
console.log(`4 shards at once (slowest):   ${s(shardPhase)}`);
console.log(`merge job:                    ${s(merge.ms)} (its step: ${s(mergeOwn)}; target < 5 s)`);
console.log(`critical path, 4 at once:     ${s(shardPhase + merge.ms)} vs one job ${s(one.ms)} (${(one.ms / (shardPhase + merge.ms)).toFixed(2)}x)`);
const alone = [];
for (let k = 1; k <= SHARDS; k++) alone.push((await job(3, { shard: `${k}/${SHARDS}` })).ms);
const slowest = Math.max(...alone);
console.log(`each shard alone:             ${alone.map(s).join(', ')}`);
console.log(`critical path, runner each:   ${s(slowest + merge.ms)} vs one job ${s(one.ms)} (${(one.ms / (slowest + merge.ms)).toFixed(2)}x)`);

// The merge must give one job's report.
const strip = (r) => JSON.stringify({ ...r, createdAt: null, run: null, files: r.files.map((f) => ({ ...f, timings: null })) });
const same = strip(merge.report) === strip(one.report);
console.log(`merged report = one job's report (timings aside): ${same ? 'yes' : 'NO'}`);
if (artifacts.violations.length) console.log(`artifact protocol violations: ${artifacts.violations.join('; ')}`);
await artifacts.close();
await api.close();
fs.rmSync(tmp, { recursive: true, force: true });
process.exit(same && artifacts.violations.length === 0 ? 0 : 1);
