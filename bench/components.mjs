#!/usr/bin/env node
// Component pre-initialization timings: transpile (jco), instantiate, init, capture (snapshot),
// rewrite (core rewrite + splice), verify (each rewritten module instantiated again and compared
// with the state init left) and validate (transpiling the output again).
// Usage: npm run build:lib && node bench/components.mjs [runs]
import { readFile } from 'node:fs/promises';
import { cpus } from 'node:os';

const { preinitializeComponentDetailed } = await import('../lib/engine/component/index.js');
const runs = Number(process.argv[2] ?? 3);
const fixtures = new URL('../fixtures/components/', import.meta.url);
const cases = [
  { name: 'small: shared.wasm (WAT, 2 modules)', file: 'shared.wasm', options: {} },
  { name: 'small: heap.wasm (C + preview1 adapter)', file: 'heap.wasm', options: { allowWasi: true } },
  { name: 'large: js.wasm (componentize-js)', file: 'js.wasm', options: { initFunc: 'init', allowWasi: true } },
];
const stages = ['parse', 'instrument', 'transpile', 'instantiate', 'init', 'capture', 'rewrite', 'verify', 'validate'];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log(`node ${process.version}, ${cpus().length} CPU(s), median of ${runs} run(s), milliseconds`);
console.log(['component'.padEnd(42), 'size'.padStart(10), ...stages.map((s) => s.padStart(12)), 'total'.padStart(9)].join(''));
for (const c of cases) {
  const bytes = new Uint8Array(await readFile(new URL(c.file, fixtures)));
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const { detail } = await preinitializeComponentDetailed(bytes, { ...c.options, stdout: () => {}, stderr: () => {} });
    samples.push(detail);
  }
  const cols = stages.map((s) => median(samples.map((d) => d[s])));
  const total = median(samples.map((d) => stages.reduce((n, s) => n + d[s], 0)));
  console.log([c.name.padEnd(42), String(bytes.length).padStart(10), ...cols.map((v) => v.toFixed(1).padStart(12)), total.toFixed(0).padStart(9)].join(''));
}
