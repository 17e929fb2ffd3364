// The batch measurement: 100 small modules pre-initialized by our CLI in one process
// (`preinit --out-dir DIR -j N files...`) versus the reference binary invoked once per file,
// sequentially and with the same parallelism; also the library alone in a pool of workers
// (bench/batch-pool.mjs), the floor for what the CLI's isolation adds. The corpus (bench/.work/batch/in, never committed):
// 25 variants each of c-hashtable, cpp-ctors and c-start-wasi-env (the committed fixtures with a
// custom section naming the variant, so every file differs) and 25 generated WAT modules (a
// table of n values computed in init, n varying per file).
//
//   node bench/batch.mjs [--prepare] [--runs N]      (also run by bench/run.mjs)
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { referenceWizerPath } from '../scripts/tools.js';

const COPIES = ['c-hashtable', 'cpp-ctors', 'c-start-wasi-env'];
const PER_KIND = 25;
const FLAGS = ['--allow-wasi']; // c-start-wasi-env needs WASI; the others ignore it

/** A custom section `bench-variant` holding `n` (LEB128 sizes; small enough for one byte each). */
function withVariant(bytes, n) {
  const name = Buffer.from('bench-variant');
  const payload = Buffer.from(String(n));
  const body = Buffer.concat([Buffer.from([name.length]), name, payload]);
  return Buffer.concat([bytes, Buffer.from([0, body.length]), body]);
}

function watModule(n) {
  // Init fills n i32s with a mixing function of i and sums them into a global; `run` reads both.
  return `(module
  (memory (export "memory") 2)
  (global $sum (mut i32) (i32.const 0))
  (global $count (mut i32) (i32.const 0))
  (func (export "wizer-initialize")
    (local $i i32) (local $v i32)
    (loop $l
      (local.set $v (i32.xor (i32.mul (i32.add (local.get $i) (i32.const ${n})) (i32.const 2654435761))
                             (i32.shr_u (local.get $i) (i32.const 3))))
      (i32.store (i32.add (i32.const 1024) (i32.shl (local.get $i) (i32.const 2))) (local.get $v))
      (global.set $sum (i32.add (global.get $sum) (local.get $v)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (i32.const ${n * 100}))))
    (global.set $count (local.get $i)))
  (func (export "run") (result i32)
    (i32.add (global.get $sum) (i32.load (i32.const 1024)))))
`;
}

export async function prepareBatch(root, work) {
  const dir = path.join(work, 'batch/in');
  if (existsSync(dir) && readdirSync(dir).length === COPIES.length * PER_KIND + PER_KIND) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const name of COPIES) {
    const bytes = readFileSync(path.join(root, `fixtures/wasm/${name}.wasm`));
    for (let i = 0; i < PER_KIND; i++) writeFileSync(path.join(dir, `${name}-${String(i).padStart(2, '0')}.wasm`), withVariant(bytes, i));
  }
  const wabt = await (await import('wabt')).default();
  for (let i = 0; i < PER_KIND; i++) {
    const mod = wabt.parseWat(`gen-${i}.wat`, watModule(i + 1));
    writeFileSync(path.join(dir, `gen-${String(i).padStart(2, '0')}.wasm`), Buffer.from(mod.toBinary({}).buffer));
    mod.destroy();
  }
  return dir;
}

/** Runs `tasks` (functions returning promises) with at most `n` at once. */
async function lanes(tasks, n) {
  let next = 0;
  await Promise.all(Array.from({ length: n }, async () => {
    while (next < tasks.length) await tasks[next++]();
  }));
}

export async function runBatch({ runs, measure, work, root, wizer, preinit }) {
  const inDir = await prepareBatch(root, work);
  const files = readdirSync(inDir).sort().map((f) => path.join(inDir, f));
  const jobs = os.availableParallelism();
  const outRef = path.join(work, 'batch/ref');
  const outOurs = path.join(work, 'batch/ours');
  const times = { ours: [], pool: [], refSeq: [], refPar: [] };
  let oursPeak = [];
  let failures = { ours: 0, ref: 0, pool: 0 };
  const errors = new Set();
  const fresh = (d) => {
    rmSync(d, { recursive: true, force: true });
    mkdirSync(d, { recursive: true });
  };
  const refAll = async (parallel) => {
    fresh(outRef);
    const t0 = process.hrtime.bigint();
    await lanes(files.map((f) => async () => {
      const m = await measure(wizer, [...FLAGS, '-o', path.join(outRef, path.basename(f)), f]);
      if (m.code !== 0) failures.ref++;
    }), parallel);
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  const ours = async () => {
    fresh(outOurs);
    const m = await measure(process.execPath, [preinit, ...FLAGS, '-j', String(jobs), '--out-dir', outOurs, ...files]);
    if (m.code !== 0) {
      failures.ours++;
      for (const line of m.stderr.trim().split('\n').filter(Boolean)) errors.add(line.slice(0, 300));
    }
    oursPeak.push(m.kib);
    return m.ms;
  };
  const outPool = path.join(work, 'batch/pool');
  const pool = async () => {
    fresh(outPool);
    const m = await measure(process.execPath, [path.join(root, 'bench/batch-pool.mjs'), outPool, String(jobs), JSON.stringify({ allowWasi: true }), ...files]);
    if (m.code !== 0) failures.pool++;
    return m.ms;
  };
  for (let i = 0; i < runs; i++) {
    process.stderr.write(`batch run ${i + 1}/${runs}\n`);
    const steps = [['ours', ours], ['pool', pool], ['refSeq', () => refAll(1)], ['refPar', () => refAll(jobs)]];
    if (i % 2) steps.reverse();
    for (const [k, f] of steps) times[k].push(await f());
  }
  const identicalIn = (dir) => files.filter((f) => {
    const a = path.join(outRef, path.basename(f));
    const b = path.join(dir, path.basename(f));
    return existsSync(a) && existsSync(b) && Buffer.compare(readFileSync(a), readFileSync(b)) === 0;
  }).length;
  const identical = identicalIn(outOurs);
  const identicalPool = identicalIn(outPool);
  const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const o = median(times.ours);
  const s = median(times.refSeq);
  const p = median(times.refPar);
  const q = median(times.pool);
  const markdown = `## Batch: ${files.length} small modules

${PER_KIND} each of ${COPIES.join(', ')} (fixtures with a variant custom section) and generated WAT
modules; flags \`${FLAGS.join(' ')}\`. Ours: one \`preinit --out-dir DIR -j ${jobs}\` process for all files.
Reference: one \`wizer\` process per file, one at a time, and ${jobs} at a time. Median of ${runs} runs (alternating).

| | wall ms (median) | per file ms | ours / this |
| --- | --- | --- | --- |
| ours, one process, -j ${jobs} | ${o.toFixed(0)} | ${(o / files.length).toFixed(1)} | 1.00 |
| library in ${jobs} pooled worker threads (bench/batch-pool.mjs: the library loaded once per worker, no per-file timeout) | ${q.toFixed(0)} | ${(q / files.length).toFixed(1)} | ${(o / q).toFixed(2)} |
| reference, sequential | ${s.toFixed(0)} | ${(s / files.length).toFixed(1)} | ${(o / s).toFixed(2)} |
| reference, ${jobs} at a time | ${p.toFixed(0)} | ${(p / files.length).toFixed(1)} | ${(o / p).toFixed(2)} |

Outputs byte-identical to the reference's: CLI ${identical}/${files.length}, pool ${identicalPool}/${files.length}. Peak RSS of our batch process: ${(median(oursPeak) / 1024).toFixed(0)} MB. Failed runs: ours ${failures.ours}, pool ${failures.pool}, reference ${failures.ref} (files).${errors.size ? `\nOur errors:\n${[...errors].slice(0, 5).map((e) => `    ${e}`).join('\n')}\n` : ''}
The identity count compares the last run's outputs.
`;
  const summary = [
    `- Batch of ${files.length} files: ours ${o.toFixed(0)} ms vs reference ${s.toFixed(0)} ms sequential (ratio ${(o / s).toFixed(2)}, target <= 0.15: ${o / s <= 0.15 ? 'met' : 'not met'}) and ${p.toFixed(0)} ms with ${jobs} at a time (ratio ${(o / p).toFixed(2)}); ${identical}/${files.length} outputs identical.`,
    `- The same batch in ${jobs} pooled worker threads that load the library once (bench/batch-pool.mjs): ${q.toFixed(0)} ms, ratio ${(q / s).toFixed(2)} to the sequential reference; ${identicalPool}/${files.length} identical. The difference between the two is what the CLI's isolation (worker threads, per-file timeout, atomic writes) costs on top of the library.`,
  ];
  return { markdown, summary, times, identical };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const work = path.join(root, 'bench/.work');
  if (process.argv.includes('--prepare')) {
    console.log(await prepareBatch(root, work));
  } else {
    const i = process.argv.indexOf('--runs');
    const { measureCommand } = await import('./measure-process.mjs');
    const r = await runBatch({ runs: i > 0 ? Number(process.argv[i + 1]) : 3, measure: measureCommand, work, root,
      wizer: referenceWizerPath(), preinit: path.join(root, 'bin/preinit.js') });
    console.log(r.markdown);
  }
}
