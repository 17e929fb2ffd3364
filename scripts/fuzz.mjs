#!/usr/bin/env node
// Mutation fuzzing, the long run (the suite's __tests__/fuzz.test.ts is the short one). Mutants
// of the WAT seeds and of fixtures/wasm/*.wasm go through the engine built in lib/ (build it
// first: npx tsc -p tsconfig.json). Those V8 rejects run in this process (no code can run); the
// ones that validate run in killable workers with a per-case timeout. Prints the figures.
//
//   node scripts/fuzz.mjs [--count 20000] [--seed 1] [--jobs 2] [--timeout 5000] [--stack 3]
//                         [--big] [--components] [--reference] [--keep DIR]
//
// --stack N applies 1..N mutations per case; --big also fuzzes the large Rust fixtures;
// --components adds the small fixtures/components/*.wasm (mutants run through jco);
// --reference also runs every valid mutant through the reference Wizer and compares: both
// succeed -> bytes must be identical; exactly one succeeds -> listed with both messages.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mutate, SEED_WATS } from '../__tests__/support/mutate.mjs';
import { rng } from '../__tests__/support/modgen.mjs';
import { watCompiler } from '../__tests__/support/wat.mjs';
import { IsolatedRunner } from '../__tests__/support/fuzz-runner.mjs';
import { referenceWizerPath } from './tools.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const engine = await import(path.join(root, 'lib/engine/index.js'));
const { detectKind } = await import(path.join(root, 'lib/engine/binary.js'));

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}
const count = Number(arg('count', 20000));
const firstSeed = Number(arg('seed', 1));
const jobs = Number(arg('jobs', Math.max(1, os.availableParallelism?.() ?? os.cpus().length)));
const timeoutMs = Number(arg('timeout', 5000));
const stack = Number(arg('stack', 3));
const big = process.argv.includes('--big');
const components = process.argv.includes('--components');
const keep = arg('keep', undefined);
const withReference = process.argv.includes('--reference');
if (keep) fs.mkdirSync(keep, { recursive: true });
const WIZER = referenceWizerPath();
const MAX_MEMORY = 512 * 1024 * 1024;

const FEATURES = { annotations: true, simd: true, bulk_memory: true, reference_types: true, multi_value: true, mutable_globals: true, sign_extension: true, sat_float_to_int: true };
const compile = await watCompiler(FEATURES);
const seeds = [];
const base = { inheritStdio: false, maxMemory: MAX_MEMORY };
for (const [name, text] of Object.entries(SEED_WATS)) {
  seeds.push({ name, bytes: compile(text, true), options: base, refArgs: [] });
}
const fixtures = path.join(root, 'fixtures/wasm');
if (fs.existsSync(fixtures)) {
  for (const file of fs.readdirSync(fixtures).filter((f) => f.endsWith('.wasm')).sort()) {
    const bytes = new Uint8Array(fs.readFileSync(path.join(fixtures, file)));
    if (bytes.length > 100_000 && !big) continue;
    const options = { ...base, allowWasi: true };
    const refArgs = ['--allow-wasi', '--inherit-stdio=false'];
    if (file.startsWith('c-readfile')) {
      options.preopens = [{ guest: '/data', host: path.join(root, 'fixtures/data') }];
      refArgs.push('--mapdir', `/data::${path.join(root, 'fixtures/data')}`);
    }
    seeds.push({ name: file, bytes, options, refArgs, deterministic: !/^rust-/.test(file) });
  }
}

const diff = { compared: 0, identical: 0, differ: 0, differRefInvalid: 0, oursOnly: 0, refOnly: 0, bothFailed: 0, refTimeout: 0 };
const componentDir = path.join(root, 'fixtures/components');
if (components && fs.existsSync(componentDir)) {
  for (const file of fs.readdirSync(componentDir).filter((f) => f.endsWith('.wasm') && !f.includes('.init.')).sort()) {
    const bytes = new Uint8Array(fs.readFileSync(path.join(componentDir, file)));
    // multi-memory needs Node 24; components are not compared with the reference (it refuses most).
    if (bytes.length > 10_000 || (file.startsWith('multi-memory') && Number(process.versions.node.split('.')[0]) < 24)) continue;
    seeds.push({ name: `component:${file}`, bytes, options: { ...base, allowWasi: true }, refArgs: ['--allow-wasi'], deterministic: false });
  }
}
const figures = { cases: 0, inProcess: 0, isolated: 0, success: 0, cleanError: 0, crash: 0, timeout: 0, invalidOutput: 0, badMessage: 0, workerDied: 0 };
const byOp = {};
const messages = new Map();
const problems = [];
const quiet = { stdout: () => {}, stderr: () => {} };

function makeCase(n) {
  const r = rng(n * 104729 + 17);
  const seed = seeds[n % seeds.length];
  let bytes = seed.bytes;
  const ops = [];
  for (let k = r.int(1, Math.max(1, stack)); k > 0; k--) {
    const m = mutate(bytes, r.u32());
    bytes = m.bytes;
    ops.push(m.op);
  }
  return { n, seed, bytes, ops };
}

function classify(c, where, outcome) {
  figures.cases++;
  figures[where]++;
  const op = c.ops.join('+');
  const opStats = (byOp[c.ops[0]] ??= { cases: 0, success: 0 });
  opStats.cases++;
  let kind;
  if (outcome.timeout) kind = 'timeout';
  else if (outcome.ok) kind = outcome.outputValid ? 'success' : 'invalidOutput';
  else if (outcome.workerDied) kind = 'workerDied';
  else if (outcome.errorName !== 'PreinitError') kind = 'crash';
  else if (/[\r\n]/.test(outcome.message) || !outcome.message) kind = 'badMessage';
  else kind = 'cleanError';
  figures[kind]++;
  if (kind === 'success') opStats.success++;
  if (kind === 'cleanError') {
    const key = outcome.message.replace(/0x[0-9a-f]+|\d+/g, 'N').slice(0, 80);
    messages.set(key, (messages.get(key) ?? 0) + 1);
  }
  if (kind !== 'success' && kind !== 'cleanError') {
    problems.push(`${kind}: ${c.seed.name} case ${c.n} (${op})${outcome.message ? `: ${String(outcome.stack ?? outcome.message).split('\n').slice(0, 4).join(' | ')}` : ''}`);
    if (keep) {
      fs.mkdirSync(keep, { recursive: true });
      fs.writeFileSync(path.join(keep, `${kind}-${c.seed.name.replace(/\.wasm$/, '')}-${c.n}.wasm`), c.bytes);
    }
  }
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'preinit-fuzz-'));
async function compareWithReference(c, ours) {
  const inFile = path.join(tmp, `${c.n}.wasm`);
  const outFile = path.join(tmp, `${c.n}.out.wasm`);
  fs.writeFileSync(inFile, c.bytes);
  const res = await new Promise((resolve) => {
    execFile(WIZER, [inFile, '-o', outFile, ...c.seed.refArgs], { timeout: timeoutMs * 2, encoding: 'utf8', maxBuffer: 1 << 24 }, (err, _stdout, stderr) => {
      resolve({ status: err ? (typeof err.code === 'number' ? err.code : -1) : 0, timedOut: Boolean(err?.killed), stderr });
    });
  });
  const refOk = res.status === 0;
  const refError = res.timedOut ? 'timeout' : String(res.stderr).match(/Error: (.*)/)?.[1] ?? String(res.stderr).trim().split('\n').pop();
  const refBytes = refOk ? fs.readFileSync(outFile) : undefined;
  fs.rmSync(inFile, { force: true });
  fs.rmSync(outFile, { force: true });
  diff.compared++;
  const where = `${c.seed.name} case ${c.n} (${c.ops.join('+')})`;
  if (res.timedOut) diff.refTimeout++;
  else if (ours.ok && refOk) {
    if (Buffer.from(ours.output).equals(refBytes)) diff.identical++;
    else if (!WebAssembly.validate(refBytes) && refBytes[4] === 1) {
      diff.differRefInvalid++; // the reference wrote an invalid module (e.g. a name section before code or data)
    } else if (c.seed.deterministic !== false) {
      diff.differ++;
      problems.push(`differs from the reference: ${where} (ours ${ours.output.length} bytes, reference ${refBytes.length})`);
      if (keep) fs.writeFileSync(path.join(keep, `differs-${c.seed.name.replace(/\.wasm$/, '')}-${c.n}.wasm`), c.bytes);
    }
  } else if (ours.ok) {
    diff.oursOnly++;
    refOnlyOrOurs.push(`ours only: ${where}: reference: ${refError}`);
    if (keep) fs.writeFileSync(path.join(keep, `oursonly-${c.seed.name.replace(/\.wasm$/, '')}-${c.n}.wasm`), c.bytes);
  } else if (refOk) {
    diff.refOnly++;
    refOnlyOrOurs.push(`reference only: ${where}: ours: ${ours.message}`);
    if (keep) fs.writeFileSync(path.join(keep, `refonly-${c.seed.name.replace(/\.wasm$/, '')}-${c.n}.wasm`), c.bytes);
  } else diff.bothFailed++;
}
const refOnlyOrOurs = [];

const start = performance.now();
const queue = [];
// V8-rejected mutants: in this process.
for (let n = firstSeed; n < firstSeed + count; n++) {
  const c = makeCase(n);
  const kind = detectKind(c.bytes);
  if (!(kind === 'unknown' || (kind === 'module' && !WebAssembly.validate(c.bytes)))) {
    queue.push(n); // regenerated when its turn comes: keeps memory flat
    continue;
  }
  try {
    const { output } = await engine.preinitialize(c.bytes, { ...c.seed.options, ...quiet });
    classify(c, 'inProcess', { ok: true, outputValid: WebAssembly.validate(output) });
  } catch (err) {
    classify(c, 'inProcess', {
      ok: false,
      errorName: err instanceof engine.PreinitError ? 'PreinitError' : String(err?.name),
      message: String(err?.message ?? err),
      stack: err instanceof engine.PreinitError ? undefined : err?.stack,
    });
  }
}
const inProcessSeconds = (performance.now() - start) / 1000;
console.error(`... ${figures.inProcess} rejected by V8 done in ${inProcessSeconds.toFixed(1)} s; ${queue.length} valid mutants to run isolated`);

let next = 0;
let lastPrint = performance.now();
const runners = Array.from({ length: jobs }, () => new IsolatedRunner({ resourceLimits: { maxOldGenerationSizeMb: 1024 } }));
await Promise.all(runners.map(async (runner) => {
  while (next < queue.length) {
    const c = makeCase(queue[next++]);
    const outcome = await runner.run(c.bytes, c.seed.options, timeoutMs, { wantOutput: withReference });
    classify(c, 'isolated', outcome);
    if (withReference && !outcome.timeout) await compareWithReference(c, outcome);
    if (performance.now() - lastPrint > 10_000) {
      lastPrint = performance.now();
      console.error(`... ${figures.isolated}/${queue.length} isolated, ${figures.crash} crashes, ${figures.timeout} timeouts`);
    }
  }
  await runner.close();
}));
const seconds = (performance.now() - start) / 1000;

console.log(`fuzz: cases ${firstSeed}..${firstSeed + count - 1}, ${seeds.length} seeds (${seeds.map((s) => s.name).join(', ')}), 1..${stack} mutations each, ${jobs} workers, timeout ${timeoutMs} ms`);
console.log(`  cases           ${figures.cases} (${figures.inProcess} rejected by V8, run in process; ${figures.isolated} valid, run isolated)`);
console.log(`  successes       ${figures.success} (every output validates: ${figures.invalidOutput === 0 ? 'yes' : `NO, ${figures.invalidOutput} invalid`})`);
console.log(`  clean errors    ${figures.cleanError}`);
console.log(`  crashes         ${figures.crash} (non-PreinitError), bad messages ${figures.badMessage}, workers died ${figures.workerDied}`);
console.log(`  timeouts        ${figures.timeout} (init still running after ${timeoutMs} ms: ended by killing the worker)`);
console.log(`  time            ${seconds.toFixed(1)} s (${inProcessSeconds.toFixed(1)} s in process)`);
console.log('  by first operator (cases/successes): ' + Object.entries(byOp).map(([op, s]) => `${op} ${s.cases}/${s.success}`).join(', '));
console.log('  most common errors:');
for (const [m, n] of [...messages.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`    ${String(n).padStart(6)}  ${m}`);
if (withReference) {
  console.log(`  vs reference    ${diff.compared} valid mutants compared: ${diff.identical} identical, ${diff.differ} differ (+${diff.differRefInvalid} where the reference's output is invalid), both failed ${diff.bothFailed}, only ours succeeded ${diff.oursOnly}, only the reference succeeded ${diff.refOnly}, reference timed out ${diff.refTimeout}`);
  const grouped = new Map();
  for (const line of refOnlyOrOurs) {
    const key = line.replace(/^(\S+ \S+):.*?: (reference|ours): /, '$1: $2: ').replace(/0x[0-9a-f]+|\d+/g, 'N').slice(0, 140);
    grouped.set(key, (grouped.get(key) ?? 0) + 1);
  }
  for (const [k, n] of [...grouped.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`    ${String(n).padStart(5)}  ${k}`);
  for (const line of refOnlyOrOurs.filter((l) => l.startsWith('ours only')).slice(0, 10)) console.log(`      ${line}`);
}
fs.rmSync(tmp, { recursive: true, force: true });
for (const p of problems.slice(0, 40)) console.log(`  ! ${p}`);
if (problems.length > 40) console.log(`  ! ... and ${problems.length - 40} more`);
process.exitCode = figures.crash + figures.invalidOutput + figures.badMessage + figures.workerDied > 0 ? 1 : 0;
