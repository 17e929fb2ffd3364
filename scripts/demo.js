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
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const nodeBin = option('--node') ?? process.execPath;
const inputsDir = option('--inputs');
const quiet = args.includes('--quiet');
const measure = args.includes('--measure');
const demo = path.join(root, '.preinit-demo');

/** The test servers are TypeScript with only node: imports: transpile them to load them here. */
async function loadSupport(name) {
  const source = fs.readFileSync(path.join(root, '__tests__', 'support', `${name}.ts`), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'preinit-demo-support-'));
  const file = path.join(dir, `${name}.mjs`);
  fs.writeFileSync(file, outputText);
  return import(pathToFileURL(file).href);
}

function parseOutputs(text) {
  const out = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^=<]+)<<(.+)$/.exec(lines[i]);
    if (!m) continue;
    const value = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]);
    out[m[1]] = value.join('\n');
  }
  return out;
}

const dist = path.join(root, 'dist', 'index.js');
if (!fs.existsSync(dist)) {
  console.error('dist/index.js is missing: run `npm run build` first');
  process.exit(1);
}
if (!args.includes('--keep')) fs.rmSync(demo, { recursive: true, force: true });
const workspace = path.join(demo, 'workspace');
const runnerTemp = path.join(demo, 'runner-temp');
fs.mkdirSync(runnerTemp, { recursive: true });
fs.cpSync(inputsDir ? path.resolve(inputsDir) : path.join(root, 'examples', 'wasm'), path.join(workspace, 'examples', 'wasm'), { recursive: true });
const files = {
  GITHUB_OUTPUT: path.join(demo, 'github-output.txt'),
  GITHUB_STEP_SUMMARY: path.join(demo, 'step-summary.md'),
  GITHUB_ENV: path.join(demo, 'github-env.txt'),
  GITHUB_PATH: path.join(demo, 'github-path.txt'),
  GITHUB_STATE: path.join(demo, 'github-state.txt'),
};
for (const f of Object.values(files)) fs.writeFileSync(f, '');
const eventPath = path.join(demo, 'event.json');
fs.writeFileSync(eventPath, JSON.stringify({ action: 'opened', number: 1, pull_request: { number: 1 } }, null, 2));

const { startArtifactServer } = await loadSupport('artifact-server');
const { startGitHubApi } = await loadSupport('github-api');
const artifacts = await startArtifactServer();
const api = await startGitHubApi({ repository: 'example/preinit-demo' });

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
const env = {
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? os.homedir(),
  GITHUB_ACTIONS: 'true',
  CI: 'true',
  RUNNER_OS: 'Linux',
  RUNNER_TEMP: runnerTemp,
  GITHUB_WORKSPACE: workspace,
  GITHUB_REPOSITORY: 'example/preinit-demo',
  GITHUB_RUN_ID: '1',
  GITHUB_RUN_ATTEMPT: '1',
  GITHUB_SHA: '0'.repeat(40),
  GITHUB_EVENT_NAME: 'pull_request',
  GITHUB_EVENT_PATH: eventPath,
  GITHUB_API_URL: api.url,
  ACTIONS_RUNTIME_TOKEN: artifacts.runtimeToken,
  ACTIONS_RESULTS_URL: artifacts.url + '/',
  ...files,
};
for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;

console.log(`demo: running ${path.relative(root, dist)} with ${nodeBin}`);
const timeLog = path.join(demo, 'time.txt');
const [command, ...commandArgs] = measure ? ['/usr/bin/time', '-v', '-o', timeLog, nodeBin, dist] : [nodeBin, dist];
const started = performance.now();
const child = spawn(command, commandArgs, { cwd: workspace, env, stdio: ['ignore', 'pipe', 'inherit'] });
child.stdout.setEncoding('utf8');
let buffered = '';
child.stdout.on('data', (d) => {
  buffered += d;
  const lines = buffered.split('\n');
  buffered = lines.pop() ?? '';
  if (!quiet) for (const l of lines) if (!l.startsWith('::debug::')) console.log(`  | ${l}`);
});
const code = await new Promise((r) => child.on('close', r));
const wallSeconds = (performance.now() - started) / 1000;
if (buffered && !quiet) console.log(`  | ${buffered}`);

const outputs = parseOutputs(fs.readFileSync(files.GITHUB_OUTPUT, 'utf8'));
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
console.log(`demo: outputs          ${rel(files.GITHUB_OUTPUT)} (count=${outputs.count}, failed=${outputs.failed}, total ${outputs['total-size-before']} -> ${outputs['total-size-after']} bytes)`);
console.log(`demo: job summary      ${rel(files.GITHUB_STEP_SUMMARY)}`);
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
