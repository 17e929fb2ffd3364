#!/usr/bin/env node
// Differential generator, the long run: random modules (__tests__/support/modgen.mjs) through our
// engine (lib/, build it first: npx tsc -p tsconfig.json) and through the reference Wizer binary;
// outputs must be byte-identical. Prints the figures and every mismatch with its seed.
//
//   node scripts/diffgen.mjs [--count 2000] [--seed 1] [--overcap-every 20] [--jobs 2] [--keep DIR]
//
// Every --overcap-every'th case has more than 10,000 runs (the segment cap). Over the cap, while
// snapshot.ts does not use rust-sort.ts, the check is "same segment count and same memory image";
// with it, identical bytes like every other case.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { caseOptions, generateModule } from '../__tests__/support/modgen.mjs';
import { watCompiler } from '../__tests__/support/wat.mjs';
import { referenceWizerPath } from './tools.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { preinitialize } = await import(path.join(root, 'lib/engine/index.js'));
const { parseModule } = await import(path.join(root, 'lib/engine/parse.js'));
const WIZER = referenceWizerPath();

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}
const count = Number(arg('count', 2000));
const firstSeed = Number(arg('seed', 1));
const overcapEvery = Number(arg('overcap-every', 20));
const jobs = Number(arg('jobs', Math.max(1, os.availableParallelism?.() ?? os.cpus().length)));
const keep = arg('keep', undefined);
const rustSort = fs.readFileSync(path.join(root, 'src/engine/snapshot.ts'), 'utf8').includes('rust-sort');

const FEATURES = {
  exceptions: true, mutable_globals: true, sat_float_to_int: true, sign_extension: true, simd: true,
  threads: true, multi_value: true, tail_call: true, bulk_memory: true, reference_types: true,
  extended_const: true,
};
const compile = await watCompiler(FEATURES);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'preinit-diffgen-'));
function reference(input, args, id) {
  const inFile = path.join(tmp, `${id}.wasm`);
  const outFile = path.join(tmp, `${id}.out.wasm`);
  fs.writeFileSync(inFile, input);
  return new Promise((resolve) => {
    execFile(WIZER, [inFile, '-o', outFile, ...args], { maxBuffer: 1 << 24 }, (err, _stdout, stderr) => {
      const result = err ? { ok: false, error: String(stderr).trim().split('\n').pop() } : { ok: true, bytes: new Uint8Array(fs.readFileSync(outFile)) };
      fs.rmSync(inFile, { force: true });
      fs.rmSync(outFile, { force: true });
      resolve(result);
    });
  });
}

async function memoryImage(bytes) {
  const module = await WebAssembly.compile(bytes);
  const imports = {};
  for (const d of WebAssembly.Module.imports(module)) (imports[d.module] ??= {})[d.name] = () => { throw new Error('import called'); };
  const instance = await WebAssembly.instantiate(module, imports);
  return Buffer.from(Object.values(instance.exports).find((e) => e instanceof WebAssembly.Memory).buffer);
}

const figures = { cases: 0, identical: 0, overCap: 0, overCapIdentical: 0, overCapSameImage: 0, mismatches: 0, oursFailed: 0, refFailed: 0, bothFailed: 0 };
const problems = [];
let oursMs = 0;
let refMs = 0;

async function one(seed) {
  const overCap = overcapEvery > 0 && (seed - firstSeed) % overcapEvery === overcapEvery - 1;
  const c = generateModule(seed, { overCap });
  const input = compile(c.wat, c.names);
  const { refArgs, options } = caseOptions(c);
  const t0 = performance.now();
  const refPromise = reference(input, refArgs, seed);
  let mine;
  try {
    mine = { ok: true, bytes: (await preinitialize(input, options)).output };
  } catch (err) {
    mine = { ok: false, error: err.message };
  }
  const t1 = performance.now();
  const ref = await refPromise;
  oursMs += t1 - t0;
  refMs += performance.now() - t0;
  figures.cases++;
  if (overCap) figures.overCap++;
  const report = (what) => {
    problems.push(`${c.description}: ${what}`);
    if (keep) {
      fs.mkdirSync(keep, { recursive: true });
      fs.writeFileSync(path.join(keep, `seed-${seed}.wat`), c.wat);
      fs.writeFileSync(path.join(keep, `seed-${seed}.wasm`), input);
      if (mine.ok) fs.writeFileSync(path.join(keep, `seed-${seed}.ours.wasm`), mine.bytes);
      if (ref.ok) fs.writeFileSync(path.join(keep, `seed-${seed}.ref.wasm`), ref.bytes);
    }
  };
  if (!mine.ok || !ref.ok) {
    if (!mine.ok && !ref.ok) figures.bothFailed++;
    else if (!mine.ok) figures.oursFailed++;
    else figures.refFailed++;
    report(`ours ${mine.ok ? 'ok' : `failed: ${mine.error}`}; reference ${ref.ok ? 'ok' : `failed: ${ref.error}`}`);
    return;
  }
  const identical = Buffer.from(mine.bytes).equals(Buffer.from(ref.bytes));
  if (identical) {
    figures.identical++;
    if (overCap) figures.overCapIdentical++;
    return;
  }
  if (overCap && !rustSort) {
    const sameCount = parseModule(mine.bytes).data.length === parseModule(ref.bytes).data.length;
    const sameImage = (await memoryImage(mine.bytes)).equals(await memoryImage(ref.bytes));
    if (sameCount && sameImage) {
      figures.overCapSameImage++;
      return;
    }
  }
  figures.mismatches++;
  report(`output differs (ours ${mine.bytes.length} bytes, reference ${ref.bytes.length} bytes)`);
}

const start = performance.now();
let nextSeed = firstSeed;
const last = firstSeed + count;
let lastPrint = start;
async function worker() {
  while (nextSeed < last) {
    const seed = nextSeed++;
    try {
      await one(seed);
    } catch (err) {
      figures.mismatches++;
      problems.push(`seed ${seed}: harness error ${err?.stack ?? err}`);
    }
    if (performance.now() - lastPrint > 10_000) {
      lastPrint = performance.now();
      console.error(`... ${figures.cases}/${count} cases, ${figures.mismatches} mismatches, ${((lastPrint - start) / 1000).toFixed(0)} s`);
    }
  }
}
await Promise.all(Array.from({ length: jobs }, worker));
fs.rmSync(tmp, { recursive: true, force: true });

const seconds = (performance.now() - start) / 1000;
console.log(`diffgen: seeds ${firstSeed}..${last - 1}, ${jobs} jobs, over-cap check: ${rustSort ? 'identical bytes' : 'same segment count and memory image'}`);
console.log(`  cases            ${figures.cases} (${figures.overCap} over the 10,000-segment cap)`);
console.log(`  identical bytes  ${figures.identical} (${figures.overCapIdentical} of them over the cap)`);
if (!rustSort) console.log(`  over-cap, same count and memory image  ${figures.overCapSameImage}`);
console.log(`  mismatches       ${figures.mismatches}`);
console.log(`  failures         ours only ${figures.oursFailed}, reference only ${figures.refFailed}, both ${figures.bothFailed}`);
console.log(`  time             ${seconds.toFixed(1)} s (${((oursMs / figures.cases) || 0).toFixed(1)} ms ours, ${((refMs / figures.cases) || 0).toFixed(1)} ms reference, per case)`);
for (const p of problems.slice(0, 30)) console.log(`  ! ${p}`);
if (problems.length > 30) console.log(`  ! ... and ${problems.length - 30} more`);
process.exitCode = figures.mismatches + figures.oursFailed + figures.refFailed + figures.bothFailed > 0 ? 1 : 0;
