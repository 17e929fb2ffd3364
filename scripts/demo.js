#!/usr/bin/env node
/**
 * `npm run demo`: runs the shipped dist/index.js on the bundled examples (examples/wasm) the way
 * GitHub runs an action: INPUT_* variables, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, a
 * pull_request event, RUNNER_TEMP, and a local artifact backend (the loopback results service
 * used by the tests) plus the local REST stand-in for the PR comment. Everything lands in
 * .preinit-demo/ and the script prints where.
 *
 * Options: --node <binary> (default: this node), --keep (do not clear .preinit-demo first),
 * --inputs DIR (run on DIR's .wasm files instead of the examples), --set NAME=VALUE (an action
 * input, repeatable), --quiet (do not echo the action's log), --measure (run it under
 * /usr/bin/time -v and print wall time and peak RSS).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSupport } from './support.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const nodeBin = option('--node') ?? process.execPath;
const inputsDir = option('--inputs');
const quiet = args.includes('--quiet');
const measure = args.includes('--measure');
const demo = path.join(root, '.preinit-demo');

const dist = path.join(root, 'dist', 'index.js');
if (!fs.existsSync(dist)) {
  console.error('dist/index.js is missing: run `npm run build` first');
  process.exit(1);
}
if (!args.includes('--keep')) fs.rmSync(demo, { recursive: true, force: true });
const workspace = path.join(demo, 'workspace');
fs.cpSync(inputsDir ? path.resolve(inputsDir) : path.join(root, 'examples', 'wasm'), path.join(workspace, 'examples', 'wasm'), { recursive: true });

const { startArtifactServer } = await loadSupport('artifact-server');
const { startGitHubApi } = await loadSupport('github-api');
const { runAction } = await loadSupport('run-action');
const artifacts = await startArtifactServer();
const api = await startGitHubApi({ repository: 'octo/preinit-demo' });

const inputs = {
  path: 'examples/wasm/*.wasm',
  'artifact-name': 'preinit-demo',
  'github-token': api.token,
};
args.forEach((a, i) => {
  if (a !== '--set') return;
  const [name, ...value] = args[i + 1].split('=');
  inputs[name] = value.join('=');
});

console.log(`demo: running ${path.relative(root, dist)} with ${nodeBin}`);
const timeLog = path.join(demo, 'time.txt');
const started = performance.now();
const run = await runAction({
  actionDir: path.dirname(dist),
  node: nodeBin,
  workspace,
  inputs,
  event: { name: 'pull_request', payload: { action: 'opened', number: 1, pull_request: { number: 1 } } },
  env: { GITHUB_API_URL: api.url, ACTIONS_RUNTIME_TOKEN: artifacts.runtimeToken, ACTIONS_RESULTS_URL: artifacts.url + '/' },
  launcher: measure ? ['/usr/bin/time', '-v', '-o', timeLog] : undefined,
});
const wallSeconds = (performance.now() - started) / 1000;
if (!quiet) for (const l of run.stdout.split('\n')) if (l && !l.startsWith('::debug::')) console.log(`  | ${l}`);
process.stderr.write(run.stderr);
const { code, outputs } = run;
const outputsFile = path.join(demo, 'github-output.json');
fs.writeFileSync(outputsFile, JSON.stringify(outputs, null, 2));
const summaryFile = path.join(demo, 'step-summary.md');
fs.writeFileSync(summaryFile, run.summary);

const artifactDir = path.join(demo, 'artifact');
const stored = artifacts.artifacts.find((a) => a.finalized && !a.deleted);
if (stored) {
  fs.mkdirSync(artifactDir, { recursive: true });
  fs.writeFileSync(path.join(artifactDir, `${stored.name}.zip`), stored.blob);
}
const comment = api.comments.find((c) => c.user.type === 'Bot');
if (comment) fs.writeFileSync(path.join(demo, 'pr-comment.md'), comment.body);
await artifacts.close();
await api.close();

const rel = (p) => path.relative(root, p);
console.log('');
console.log(`demo: the action exited with ${code}`);
console.log(`demo: outputs          ${rel(outputsFile)} (count=${outputs.count}, failed=${outputs.failed}, total ${outputs['total-size-before']} -> ${outputs['total-size-after']} bytes)`);
console.log(`demo: job summary      ${rel(summaryFile)}`);
if (outputs['report-path']) console.log(`demo: report.json      ${rel(outputs['report-path'])}`);
if (outputs['report-markdown-path']) console.log(`demo: report.md        ${rel(outputs['report-markdown-path'])}`);
console.log(`demo: outputs (wasm)   ${rel(path.join(workspace, 'preinit-output'))}/`);
if (stored) {
  console.log(
    `demo: artifact         ${rel(path.join(artifactDir, `${stored.name}.zip`))} (id ${stored.id}, ${stored.size} bytes, ${stored.digest}, ${stored.committedBlockSizes.length} block(s), url ${outputs['artifact-url']})`,
  );
} else {
  console.log('demo: artifact         none uploaded');
}
if (measure) {
  const peakKiB = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(fs.readFileSync(timeLog, 'utf8'))?.[1] ?? 0);
  console.log(`demo: measured         ${wallSeconds.toFixed(1)} s wall, peak RSS ${(peakKiB / 1024).toFixed(0)} MiB (the action's process)`);
}
if (comment) console.log(`demo: PR comment       ${rel(path.join(demo, 'pr-comment.md'))} (comment id ${comment.id} on the local REST stand-in)`);
if (artifacts.violations.length) console.log(`demo: artifact protocol violations: ${artifacts.violations.join('; ')}`);
process.exit(code === 0 && artifacts.violations.length === 0 ? 0 : 1);
