#!/usr/bin/env node
// Startup speedup of each real program, ours next to the reference Wizer's, each figure next to
// an independent one so the numbers can be trusted:
//   engine       measureStartups (lib/engine): cold median in this process, the input, our output
//                and the reference's in one interleaved loop
//   independent  one fresh `node bench/start-once.mjs` process per sample (node:wasi, no engine
//                code), timing new WebAssembly.Module + Instance (+ init for the input)
//
//   npx tsc -p tsconfig.json && node bench/startup.mjs [--iterations N] [--processes N] [name ...]
//
// Default: every program in fixtures/programs.json but rust-uap (an 80 MB snapshot; name it to
// include it). This is a script, not a test: it asserts nothing, it prints.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WIZER = path.join(root, 'node_modules/@bytecodealliance/wizer-linux-x64/wizer');
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

/** Medians of PROCESSES fresh processes per file, the three files interleaved. */
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
  return samples.map(median);
}

const rows = [];
for (const p of programs) {
  const input = new Uint8Array(fs.readFileSync(path.join(root, p.wasm)));
  const { options, flags, preopens } = optionsOf(p);
  const initFunc = options.initFunc ?? 'wizer-initialize';
  const files = { input: path.join(root, p.wasm), ours: path.join(work, `${p.name}.ours.wasm`), ref: path.join(work, `${p.name}.ref.wasm`) };
  const ours = (await engine.preinitialize(input, options)).output;
  fs.writeFileSync(files.ours, ours);
  execFileSync(WIZER, [files.input, '-o', files.ref, ...flags], { stdio: 'pipe' });
  const ref = new Uint8Array(fs.readFileSync(files.ref));

  const [mOurs, mRef] = await engine.measureStartups(input, [ours, ref], options, { iterations: ITERATIONS });
  const [inMs, oursMs, refMs] = independent([files.input, files.ours, files.ref], initFunc, preopens);
  rows.push({
    name: p.name,
    identical: Buffer.from(ours).equals(Buffer.from(ref)),
    engine: { ours: mOurs, ref: mRef },
    independent: { inMs, oursMs, refMs },
  });
  const r = rows.at(-1);
  console.error(`${p.name}: engine ${r.engine.ours.speedup.toFixed(2)}x (ref ${r.engine.ref.speedup.toFixed(2)}x), independent ${(inMs / oursMs).toFixed(2)}x (ref ${(inMs / refMs).toFixed(2)}x)`);
}
fs.rmSync(work, { recursive: true, force: true });

const f = (n) => n.toFixed(2);
console.log(`\nStartup, cold: median ms and speedup (input ready / output ready). ${ITERATIONS} iterations in-process, ${PROCESSES} fresh processes independently.`);
console.log(`${process.release.name} ${process.versions.node}, V8 ${process.versions.v8}; cached = one compiled module reused.\n`);
console.log('| program | same bytes as ref | input ms | ours ms | ref ms | speedup ours | speedup ref | cached ours | cached ref | independent: input ms | ours ms | ref ms | speedup ours | speedup ref |');
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) {
  const { ours, ref } = r.engine;
  const i = r.independent;
  console.log(`| ${r.name} | ${r.identical ? 'yes' : 'no'} | ${f(ours.cold.input.total.median)} | ${f(ours.cold.output.total.median)} | ${f(ref.cold.output.total.median)} | ${f(ours.speedup)}x | ${f(ref.speedup)}x | ${f(ours.cached.speedup)}x | ${f(ref.cached.speedup)}x | ${f(i.inMs)} | ${f(i.oursMs)} | ${f(i.refMs)} | ${f(i.inMs / i.oursMs)}x | ${f(i.inMs / i.refMs)}x |`);
}
