#!/usr/bin/env node
// Scale measurements (not a test: timing and memory vary with the machine). Uses the engine
// built in lib/ (npx tsc -p tsconfig.json) and /usr/bin/time -v for peak RSS.
//
//   node scripts/scale.mjs [--gib 1] [--files 200] [--only big|many] [--no-reference]
//
// (a) big: a module whose init grows its memory to --gib GiB and fills it with a pattern, through
//     the CLI (the target: peak RSS within 3x of the memory size), the library's entries (to a
//     file with lean verification, in memory, verify off) and the reference Wizer.
// (b) many: --files generated modules (__tests__/support/modgen.mjs) pre-initialized in one run,
//     through the CLI (one invocation, --out-dir), the shipped action (dist/, through
//     scripts/demo.js) and a library loop.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateModule } from '../__tests__/support/modgen.mjs';
import { watCompiler } from '../__tests__/support/wat.mjs';
import { referenceWizerPath } from './tools.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WIZER = referenceWizerPath();
const TIME = '/usr/bin/time';

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}
const gib = Number(arg('gib', 1));
const files = Number(arg('files', 200));
const only = arg('only', undefined);
const withReference = !process.argv.includes('--no-reference');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'preinit-scale-'));
const MiB = 1024 * 1024;

const compile = await watCompiler({ bulk_memory: true, simd: true, multi_value: true, mutable_globals: true, sign_extension: true, sat_float_to_int: true, reference_types: true });

/** Runs a command under /usr/bin/time -v: wall seconds, peak RSS in MiB, exit status, output. */
function measured(cmd, args, options = {}) {
  const res = spawnSync(TIME, ['-v', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 26, ...options });
  const field = (name) => res.stderr.match(new RegExp(`${name}: (.*)`))?.[1];
  const wall = field('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)') ?? '0:0';
  const seconds = wall.split(':').reduce((acc, part) => acc * 60 + Number(part), 0);
  return {
    status: res.status,
    seconds,
    peakMiB: Number(field('Maximum resident set size \\(kbytes\\)') ?? 0) / 1024,
    stdout: res.stdout,
    stderr: res.stderr.split('\n').filter((l) => !/^\t/.test(l) && !/Command being timed|Command exited/.test(l)).join('\n').trim(),
  };
}

const OURS = `
import fs from 'node:fs';
const [input, output, mode] = process.argv.slice(1);
const { preinitialize, preinitializeToFile } = await import(${JSON.stringify(path.join(root, 'lib/engine/index.js'))});
const t = performance.now();
const options = { verify: mode !== 'no-verify', stdout() {}, stderr() {} };
const bytes = new Uint8Array(fs.readFileSync(input));
let facts;
if (mode === 'file') facts = (await preinitializeToFile(bytes, output, options)).facts;
else {
  const r = await preinitialize(bytes, options);
  fs.writeFileSync(output, r.output);
  facts = r.facts;
}
console.log(JSON.stringify({ ms: performance.now() - t, segments: facts.dataSegments, timings: facts.timings }));
`;

function big() {
  const pages = Math.round(gib * 16384);
  const bytes = pages * 65536;
  // Grow to `pages`, fill everything with 0x5a, then stamp each page's index at its start and a
  // zero hole of 64 bytes in its middle: ~`pages` runs, one segment per page after merging.
  const input = compile(`(module
    (memory (export "memory") 1)
    (global $g (mut i64) (i64.const 0))
    (func (export "wizer-initialize") (local $p i32)
      (if (i32.eq (memory.grow (i32.const ${pages - 1})) (i32.const -1)) (then unreachable))
      (memory.fill (i32.const 0) (i32.const 0x5a) (i32.const ${bytes}))
      (loop $next
        (i32.store (i32.shl (local.get $p) (i32.const 16)) (i32.or (local.get $p) (i32.const 0x1000000)))
        (memory.fill (i32.add (i32.shl (local.get $p) (i32.const 16)) (i32.const 32768)) (i32.const 0) (i32.const 64))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br_if $next (i32.lt_u (local.get $p) (i32.const ${pages}))))
      (global.set $g (i64.const ${bytes}))))`);
  const inFile = path.join(tmp, 'big.wasm');
  fs.writeFileSync(inFile, input);
  console.log(`(a) init grows memory to ${gib} GiB (${pages} pages) and fills it: ${(bytes / MiB).toFixed(0)} MiB of state`);
  const rows = [];
  {
    // What users run: the CLI, one worker thread that writes the output and verifies it from disk.
    const out = path.join(tmp, 'big.cli.wasm');
    rows.push({ who: 'ours: CLI (default, verify on)', ...measured(process.execPath, [path.join(root, 'bin/preinit.js'), inFile, '-o', out]), out });
  }
  for (const [mode, who] of [['file', 'library preinitializeToFile'], ['memory', 'library preinitialize (verify in memory)'], ['no-verify', 'library, verify off']]) {
    const out = path.join(tmp, `big.${mode}.wasm`);
    const m = measured(process.execPath, ['--input-type=module', '-e', OURS, inFile, out, mode]);
    const facts = m.status === 0 ? JSON.parse(m.stdout.trim().split('\n').pop()) : undefined;
    rows.push({ who: `ours: ${who}`, ...m, out, facts });
  }
  if (withReference) {
    const out = path.join(tmp, 'big.ref.wasm');
    rows.push({ who: 'reference wizer', ...measured(WIZER, [inFile, '-o', out]), out });
  }
  for (const r of rows) {
    const size = fs.existsSync(r.out) ? fs.statSync(r.out).size : 0;
    const ratio = r.peakMiB / (bytes / MiB);
    console.log(`  ${r.who.padEnd(48)} ${r.status === 0 ? 'ok ' : `FAILED (${r.stderr.split('\n').pop()})`}  ${r.seconds.toFixed(1).padStart(6)} s  peak RSS ${r.peakMiB.toFixed(0).padStart(6)} MiB (${ratio.toFixed(2)}x the memory)  output ${(size / MiB).toFixed(1)} MiB`);
    if (r.facts) console.log(`  ${''.padEnd(48)} stages (ms): ${Object.entries(r.facts.timings).map(([k, v]) => `${k} ${Math.round(v)}`).join(', ')}; ${r.facts.segments} segments`);
  }
  const ours = rows[0];
  const ref = rows.find((r) => r.who.startsWith('reference'));
  if (ref && ref.status === 0 && ours.status === 0) {
    const same = cmpSafe(ours.out, ref.out);
    console.log(`  output identical to the reference: ${same ? 'yes' : 'no'}`);
  }
  console.log(`  target (peak within 3x of ${gib} GiB): ${ours.status === 0 && ours.peakMiB <= 3 * bytes / MiB ? 'met' : 'NOT met'}`);
  for (const r of rows) fs.rmSync(r.out, { force: true });
}

function cmpSafe(a, b) {
  return spawnSync('cmp', ['-s', a, b]).status === 0;
}

const LOOP = `
import fs from 'node:fs';
import path from 'node:path';
const [dir, outDir] = process.argv.slice(1);
const { preinitialize } = await import(${JSON.stringify(path.join(root, 'lib/engine/index.js'))});
let ok = 0;
for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.wasm')).sort()) {
  const r = await preinitialize(new Uint8Array(fs.readFileSync(path.join(dir, f))), { stdout() {}, stderr() {} });
  fs.writeFileSync(path.join(outDir, f), r.output);
  ok++;
}
console.log(JSON.stringify({ ok }));
`;

function many() {
  const dir = path.join(tmp, 'many');
  fs.mkdirSync(dir);
  let total = 0;
  for (let i = 0; i < files; i++) {
    // Every 20th over the segment cap, like the differential generator.
    const c = generateModule(50_000 + i, { overCap: i % 20 === 19 });
    // The CLI runs every file with the same options: use the default init name, no keep.
    const text = c.wat.replace(`(export "${c.initFunc}")`, '(export "wizer-initialize")');
    const bytes = compile(text);
    total += bytes.length;
    fs.writeFileSync(path.join(dir, `m${String(i).padStart(3, '0')}.wasm`), bytes);
  }
  console.log(`(b) ${files} generated modules (${(total / MiB).toFixed(1)} MiB of input) in one run`);
  const inputs = fs.readdirSync(dir).sort().map((f) => path.join(dir, f));
  const cliOut = path.join(tmp, 'many-cli');
  const cli = measured(process.execPath, [path.join(root, 'bin/preinit.js'), ...inputs, '--out-dir', cliOut]);
  const cliCount = fs.existsSync(cliOut) ? fs.readdirSync(cliOut).filter((f) => f.endsWith('.wasm')).length : 0;
  console.log(`  CLI (one invocation, --out-dir, ${os.availableParallelism?.() ?? os.cpus().length} workers)  ${cli.status === 0 ? 'ok' : `exit ${cli.status}: ${cli.stderr.split('\n').slice(-2).join(' | ')}`}  ${cli.seconds.toFixed(1)} s  peak RSS ${cli.peakMiB.toFixed(0)} MiB  ${cliCount}/${files} outputs`);
  // The shipped action on the same files, run as GitHub runs it (scripts/demo.js: INPUT_*
  // variables, GITHUB_* files, the artifact upload to the local results service, the PR comment).
  const action = spawnSync(process.execPath, [path.join(root, 'scripts/demo.js'), '--inputs', dir, '--quiet', '--measure'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const figures = /measured\s+([\d.]+) s wall, peak RSS (\d+) MiB/.exec(action.stdout);
  const counts = /count=(\d+), failed=(\d+)/.exec(action.stdout);
  console.log(`  action (dist/, one run, default inputs)  ${action.status === 0 ? 'ok' : `exit ${action.status}: ${action.stdout.split('\n').slice(-3).join(' | ')}`}  ${figures?.[1] ?? '?'} s  peak RSS ${figures?.[2] ?? '?'} MiB  ${counts?.[1] ?? 0}/${files} files, ${counts?.[2] ?? '?'} failed`);
  const loopOut = path.join(tmp, 'many-loop');
  fs.mkdirSync(loopOut);
  const loop = measured(process.execPath, ['--input-type=module', '-e', LOOP, dir, loopOut]);
  const loopCount = fs.readdirSync(loopOut).length;
  console.log(`  library loop (one process, sequential)  ${loop.status === 0 ? 'ok' : `exit ${loop.status}: ${loop.stderr.split('\n').slice(-2).join(' | ')}`}  ${loop.seconds.toFixed(1)} s  peak RSS ${loop.peakMiB.toFixed(0)} MiB  ${loopCount}/${files} outputs`);
  if (cliCount && loopCount) {
    const same = inputs.every((f) => cmpSafe(path.join(cliOut, path.basename(f)), path.join(loopOut, path.basename(f))));
    console.log(`  CLI and library outputs identical: ${same ? 'yes' : 'no'}`);
  }
  if (withReference) {
    const start = performance.now();
    let identical = 0;
    for (const f of inputs) {
      const out = path.join(tmp, 'ref.wasm');
      if (spawnSync(WIZER, [f, '-o', out]).status === 0 && cmpSafe(out, path.join(loopOut, path.basename(f)))) identical++;
    }
    console.log(`  reference, one process per file: ${((performance.now() - start) / 1000).toFixed(1)} s; our outputs identical to it: ${identical}/${files}`);
  }
}

console.log(`scale: node ${process.versions.node}, ${os.cpus().length} CPUs, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB RAM, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
try {
  if (only !== 'many') big();
  if (only !== 'big') many();
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
