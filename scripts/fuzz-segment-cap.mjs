#!/usr/bin/env node
// Fuzzes the 10,000 data segment cap against the reference Wizer: random gap patterns (many
// equal gaps, a few distinct values, sawtooth, sorted runs with noise, wide random ranges) and
// run lengths, each through our engine (compiled, lib/) and the reference binary; prints how
// many outputs are byte-identical and how many differ, and keeps differing inputs.
//
//   npx tsc -p tsconfig.json && node scripts/fuzz-segment-cap.mjs [--count 2000] [--seed 1] [--jobs 2] [--keep DIR]
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { rng } from '../__tests__/support/modgen.mjs';
import { watCompiler } from '../__tests__/support/wat.mjs';
import { referenceWizerPath } from './tools.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { preinitialize } = await import(path.join(root, 'lib/engine/index.js'));
const REFERENCE = referenceWizerPath();
const run = promisify(execFile);

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const COUNT = Number(opt('count', 2000));
const SEED = Number(opt('seed', 1));
const JOBS = Number(opt('jobs', Math.max(1, os.cpus().length)));
const KEEP = path.resolve(opt('keep', path.join(os.tmpdir(), 'fuzz-segment-cap')));

/** One random pattern: segment count, gaps (>= 5) and run lengths (1..4). */
function pattern(rnd) {
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  const r = rnd();
  const segments = r < 0.5 ? int(10_001, 10_200) : r < 0.85 ? int(10_001, 20_000) : int(20_000, 60_000);
  const n = segments - 1;
  const kinds = ['distinct', 'mostlyOne', 'sawtooth', 'ascending', 'descending', 'range', 'blocks'];
  const kind = kinds[int(0, kinds.length - 1)];
  const values = Array.from({ length: int(1, 6) }, () => (rnd() < 0.7 ? int(5, 12) : int(5, 300)));
  const weights = values.map(() => rnd() + 0.05);
  const total = weights.reduce((a, b) => a + b, 0);
  const weighted = () => {
    let x = rnd() * total;
    for (let k = 0; k < values.length; k++) if ((x -= weights[k]) < 0) return values[k];
    return values[values.length - 1];
  };
  const period = int(2, 40);
  const step = int(1, 400);
  const noise = rnd() < 0.5 ? 0 : rnd() * 0.05;
  const hi = rnd() < 0.5 ? int(6, 20) : int(20, 3000);
  let block = weighted();
  const gaps = new Array(n);
  for (let i = 0; i < n; i++) {
    let g;
    switch (kind) {
      case 'distinct': g = weighted(); break;
      case 'mostlyOne': g = rnd() < 0.9 ? values[0] : weighted(); break;
      case 'sawtooth': g = values[0] + (i % period); break;
      case 'ascending': g = 5 + Math.floor(i / step); break;
      case 'descending': g = 5 + Math.floor((n - i) / step); break;
      case 'range': g = int(5, hi); break;
      default: if (rnd() < 1 / period) block = weighted(); g = block;
    }
    if (noise && rnd() < noise) g = int(5, 30);
    gaps[i] = Math.min(g, 0xffff);
  }
  const lens = Array.from({ length: segments }, () => (rnd() < 0.7 ? 1 : int(1, 4)));
  return { kind, gaps, lens };
}

/** Init writes run `i` (lens[i] non-zero bytes), then skips gaps[i] bytes; tables zeroed after. */
function moduleText({ gaps, lens }) {
  const n = lens.length;
  const table = new Uint8Array(n * 4);
  for (let i = 0; i < n; i++) {
    const g = i < gaps.length ? gaps[i] : 0;
    table[4 * i] = g & 0xff;
    table[4 * i + 1] = g >>> 8;
    table[4 * i + 2] = lens[i];
  }
  let span = 0;
  for (let i = 0; i < n; i++) span += lens[i] + (i < gaps.length ? gaps[i] : 0);
  const tableAt = Math.ceil(span / 8) * 8 + 8;
  const pages = Math.ceil((tableAt + table.length) / 65536);
  const hex = Array.from(table, (b) => '\\' + b.toString(16).padStart(2, '0')).join('');
  return `(module
    (memory (export "mem") ${pages})
    (data $t "${hex}")
    (func (export "wizer-initialize") (local $i i32) (local $off i32) (local $e i32)
      (memory.init $t (i32.const ${tableAt}) (i32.const 0) (i32.const ${table.length}))
      (loop $l
        (local.set $e (i32.add (i32.const ${tableAt}) (i32.shl (local.get $i) (i32.const 2))))
        (memory.fill (local.get $off) (i32.add (i32.const 1) (i32.rem_u (local.get $i) (i32.const 255)))
          (i32.load8_u offset=2 (local.get $e)))
        (local.set $off (i32.add (local.get $off)
          (i32.add (i32.load8_u offset=2 (local.get $e)) (i32.load16_u (local.get $e)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br_if $l (i32.lt_u (local.get $i) (i32.const ${n}))))
      (memory.fill (i32.const ${tableAt}) (i32.const 0) (i32.const ${table.length}))))`;
}

const compile = await watCompiler({ bulk_memory: true });

async function reference(input) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fuzz-cap-ref-'));
  try {
    fs.writeFileSync(path.join(dir, 'in.wasm'), input);
    await run(REFERENCE, [path.join(dir, 'in.wasm'), '-o', path.join(dir, 'out.wasm')]);
    return new Uint8Array(fs.readFileSync(path.join(dir, 'out.wasm')));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

let identical = 0;
let different = 0;
let failed = 0;
const byKind = {};
let next = 0;
const started = Date.now();

async function worker() {
  for (;;) {
    const c = next++;
    if (c >= COUNT) return;
    const rnd = rng(SEED * 1_000_003 + c).next;
    const p = pattern(rnd);
    const input = compile(moduleText(p));
    const stats = (byKind[p.kind] ??= { identical: 0, different: 0 });
    try {
      const [ref, ours] = await Promise.all([reference(input), preinitialize(input)]);
      if (Buffer.from(ours.output).equals(Buffer.from(ref))) {
        identical++;
        stats.identical++;
      } else {
        different++;
        stats.different++;
        fs.mkdirSync(KEEP, { recursive: true });
        fs.writeFileSync(path.join(KEEP, `seed${SEED}-case${c}.wasm`), input);
        console.log(`case ${c} (${p.kind}, ${p.lens.length} segments): DIFFERENT, input kept in ${KEEP}`);
      }
    } catch (err) {
      failed++;
      console.log(`case ${c} (${p.kind}): failed: ${err.message}`);
    }
    if ((c + 1) % 100 === 0) {
      console.log(`${c + 1}/${COUNT} run, ${identical} identical, ${different} different (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }
  }
}

await Promise.all(Array.from({ length: JOBS }, worker));
console.log(JSON.stringify(byKind));
console.log(`seed ${SEED}: ${COUNT} patterns, ${identical} identical, ${different} different, ${failed} failed`);
process.exitCode = different || failed ? 1 : 0;
