#!/usr/bin/env node
// Helper process for bench/run.mjs, so that the library runs in a fresh process with the same
// stdin as the CLI would get (StarlingMonkey reads its arguments from stdin during init).
//   node bench/child.mjs stages  <job.json>   -> preinitializeToFile() once, facts.timings
//   node bench/child.mjs startup <job.json>   -> measureStartup() of input vs each output
// job.json: { input, outputs?, options, iterations?, warmup?, result }; the answer is written
// as JSON to job.result (stdout belongs to the guest).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

const [mode, jobFile] = process.argv.slice(2);
const job = JSON.parse(readFileSync(jobFile, 'utf8'));
const engine = await import('../lib/engine/index.js');
const quiet = { stdout: () => {}, stderr: () => {} };
const input = new Uint8Array(readFileSync(job.input));
let answer;
if (mode === 'stages') {
  // To a file, as the CLI writes: from 32 MiB of snapshot data that is the lean path.
  const file = `${job.result}.wasm`;
  const t0 = performance.now();
  const { bytes, facts } = await engine.preinitializeToFile(input, file, { ...job.options, ...quiet });
  answer = { total: performance.now() - t0, timings: facts.timings, size: bytes, dataSegments: facts.dataSegments, verified: facts.verified };
  rmSync(file, { force: true });
} else if (mode === 'startup') {
  if (typeof engine.measureStartup !== 'function') throw new Error('lib/engine has no measureStartup');
  // job.outputs: [name, file] pairs, a name may come back (ref, ours, ours, ref: drift in the
  // machine then weighs on both alike); every measurement of a name is returned.
  answer = {};
  // The bench documents its iteration counts: no time budget.
  const measure = { iterations: job.iterations, warmup: job.warmup, budgetMs: Infinity };
  if (typeof engine.measureStartups === 'function') {
    // Every output in one interleaved loop against the same input samples (and components too).
    // With two outputs the loop is run twice, in both orders, half the iterations each: the side
    // that follows another output's 80 MB start runs on a dirtier heap, which showed as a bias.
    const unique = job.outputs.filter(([name], i) => job.outputs.findIndex(([n]) => n === name) === i);
    const orders = unique.length > 1 ? [unique, [...unique].reverse()] : [unique];
    const half = { ...measure, iterations: Math.max(3, Math.round(measure.iterations / orders.length)) };
    for (const order of orders) {
      const ms = await engine.measureStartups(input, order.map(([, file]) => new Uint8Array(readFileSync(file))), job.options, half);
      order.forEach(([name], i) => (answer[name] ??= []).push(ms[i]));
    }
  } else {
    for (const [name, file] of job.outputs) {
      const repeats = job.outputs.filter(([n]) => n === name).length;
      const m = await engine.measureStartup(input, new Uint8Array(readFileSync(file)), job.options, { ...measure, iterations: Math.max(3, Math.round(measure.iterations / repeats)) });
      (answer[name] ??= []).push(m);
    }
  }
} else {
  throw new Error(`unknown mode ${mode}`);
}
writeFileSync(job.result, JSON.stringify(answer));
