#!/usr/bin/env node
// Startup speedup of each real program, ours next to the reference Wizer's, each figure next to
// an independent one so the numbers can be trusted:
//   engine       measureStartups (lib/engine): cold median in this process, the input, our output
//                and the reference's in one interleaved loop
//   independent  one fresh `node bench/start-once.mjs` process per sample (node:wasi, no engine
//                code), timing new WebAssembly.Module + Instance (+ init for the input)
//
//   npx tsc -p tsconfig.json && node bench/startup.mjs [--iterations N] [--processes N] [--optimize LEVEL] [name ...]
//
// --optimize adds our output optimized by Binaryen at LEVEL as a third output.
//
// Default: every program in fixtures/programs.json but rust-uap (an 80 MB snapshot; name it to
// include it). This is a script, not a test: it asserts nothing, it prints.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { referenceWizerPath } from '../scripts/tools.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WIZER = referenceWizerPath();
const START_ONCE = path.join(root, 'bench/start-once.mjs');

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  if (i < 0) return fallback;
  const [value] = argv.splice(i, 2).slice(1);
  return Number(value);
};
const ITERATIONS = option('--iterations', 20);
const PROCESSES = option('--processes', 15);
const optimizeAt = argv.indexOf('--optimize');
const OPTIMIZE = optimizeAt >= 0 ? argv.splice(optimizeAt, 2)[1] : undefined;
const names = argv;

const engine = await import(path.join(root, 'lib/engine/index.js')).catch(() => {
  console.error('lib/engine is missing: run `npx tsc -p tsconfig.json` first');
  process.exit(1);
});

const manifest = JSON.parse(fs.readFileSync(path.join(root, 'fixtures/programs.json'), 'utf8'));
const programs = manifest.filter((p) => (names.length ? names.includes(p.name) : p.name !== 'rust-uap'));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'preinit-startup-'));

/** The manifest's engine options with host paths resolved, and the same as reference flags. */
function optionsOf(p) {
  const preopens = (p.options.preopens ?? []).map((o) => ({ guest: o.guest, host: path.resolve(root, o.host) }));
  const options = { ...p.options, preopens, inheritStdio: false };
  const flags = [];
  if (options.allowWasi) flags.push('--allow-wasi');
  if (options.initFunc) flags.push('-f', options.initFunc);
  if (options.keepInitFunc) flags.push('--keep-init-func=true');
  if (options.inheritEnv) flags.push('--inherit-env=true');
  for (const r of options.renames ?? []) flags.push('-r', `${r.dst}=${r.src}`);
  for (const o of preopens) flags.push('--mapdir', `${o.guest}::${o.host}`);
  return { options, flags, preopens: Object.fromEntries(preopens.map((o) => [o.guest, o.host])) };
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Median and min of PROCESSES fresh processes per file (the input first), files interleaved. */
function independent(files, initFunc, preopens) {
  const samples = files.map(() => []);
  for (let i = 0; i < PROCESSES; i++) {
    files.forEach((file, k) => {
      const res = spawnSync(process.execPath, ['--no-warnings', START_ONCE, file, k === 0 ? initFunc : '-', JSON.stringify(preopens)], { encoding: 'utf8' });
      if (res.status !== 0) throw new Error(`start-once ${path.basename(file)}: ${res.stderr.trim().split('\n').pop()}`);
      const t = JSON.parse(res.stdout);
      samples[k].push(t.compile + t.instantiate + t.init);
    });
  }
  return samples.map((v) => ({ median: median(v), min: Math.min(...v) }));
}

const f = (n) => n.toFixed(2);
const lines = [];
for (const p of programs) {
  const input = new Uint8Array(fs.readFileSync(path.join(root, p.wasm)));
  const { options, flags, preopens } = optionsOf(p);
  const refFile = path.join(work, `${p.name}.ref.wasm`);
  execFileSync(WIZER, [path.join(root, p.wasm), '-o', refFile, ...flags], { stdio: 'pipe' });
  const ref = new Uint8Array(fs.readFileSync(refFile));
  const outputs = [
    { label: 'ours', bytes: (await engine.preinitialize(input, options)).output },
    { label: 'reference Wizer', bytes: ref },
    ...(OPTIMIZE ? [{ label: `ours --optimize=${OPTIMIZE}`, bytes: (await engine.preinitialize(input, { ...options, optimize: OPTIMIZE })).output }] : []),
  ];
  const files = outputs.map((o, i) => {
    const file = path.join(work, `${p.name}.${i}.wasm`);
    fs.writeFileSync(file, o.bytes);
    return file;
  });
  const measured = await engine.measureStartups(input, outputs.map((o) => o.bytes), options, { iterations: ITERATIONS, budgetMs: Infinity });
  const [inp, ...out] = independent([path.join(root, p.wasm), ...files], options.initFunc ?? 'wizer-initialize', preopens);
  const input0 = measured[0].cold.input.total;
  lines.push(`| ${p.name} | input | ${input.length} | | ${f(input0.median)} / ${f(input0.min)} | | | ${f(inp.median)} / ${f(inp.min)} | |`);
  outputs.forEach((o, i) => {
    const m = measured[i];
    const same = o.bytes === ref ? '' : Buffer.from(o.bytes).equals(Buffer.from(ref)) ? 'yes' : 'no';
    const t = m.cold.output.total;
    lines.push(`| | ${o.label} | ${o.bytes.length} | ${same} | ${f(t.median)} / ${f(t.min)} | ${f(m.speedup)}x / ${f(m.cold.minSpeedup)}x | ${f(m.cached.speedup)}x | ${f(out[i].median)} / ${f(out[i].min)} | ${f(inp.median / out[i].median)}x / ${f(inp.min / out[i].min)}x |`);
  });
  console.error(`${p.name}: ${outputs.map((o, i) => `${o.label} ${f(measured[i].speedup)}x (independent ${f(inp.median / out[i].median)}x)`).join(', ')}`);
}
fs.rmSync(work, { recursive: true, force: true });

console.log(`\nStartup: input compiled + instantiated + initialized vs output compiled + instantiated, cold. Each cell is`);
console.log('median / min (ms, or the speedup computed from them: the min is steadier on a busy machine).');
console.log(`engine = measureStartups, ${ITERATIONS} iterations in this process, all outputs interleaved; independent = ${PROCESSES} fresh`);
console.log(`processes each (bench/start-once.mjs). ${process.release.name} ${process.versions.node}, V8 ${process.versions.v8}, load average ${os.loadavg().map(f).join(' ')}.\n`);
console.log('| program | file | bytes | same bytes as reference | engine ms | speedup | cached speedup (median) | independent ms | speedup |');
console.log('| --- | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |');
for (const line of lines) console.log(line);
