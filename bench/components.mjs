#!/usr/bin/env node
// Component pre-initialization timings: transpile (jco), instantiate, init, capture (snapshot),
// rewrite (core rewrite + splice), verify (each rewritten module instantiated again and compared
// with the state init left) and validate (transpiling the output again).
// Usage: npm run build:lib && node bench/components.mjs [runs]
import { readFile } from 'node:fs/promises';
import { cpus } from 'node:os';

const { preinitializeComponentDetailed } = await import('../lib/engine/component/index.js');
const { measureComponentStartup } = await import('../lib/engine/component/measure.js');
const runs = Number(process.argv[2] ?? 3);
const fixtures = new URL('../fixtures/components/', import.meta.url);
const cases = [
  { name: 'small: shared.wasm (WAT, 2 modules)', file: 'shared.wasm', options: {} },
  { name: 'small: heap.wasm (C + preview1 adapter)', file: 'heap.wasm', options: { allowWasi: true } },
  { name: 'large: js.wasm (componentize-js)', file: 'js.wasm', options: { initFunc: 'init', allowWasi: true } },
];
const stages = ['parse', 'instrument', 'transpile', 'instantiate', 'init', 'capture', 'rewrite', 'verify', 'validate'];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// jco compiles its own (large) transpiler on first use: measure that once, apart.
const { transpileOnly } = await import('../lib/engine/component/run.js');
const warmStart = performance.now();
await transpileOnly(new Uint8Array(await readFile(new URL('nested.wasm', fixtures))));
const warmup = performance.now() - warmStart;

console.log(`node ${process.version}, ${cpus().length} CPU(s), median of ${runs} run(s), milliseconds`);
console.log(`(jco's first transpile in a process, warm-up included: ${warmup.toFixed(0)} ms; not in the rows below)`);
console.log(['component'.padEnd(42), 'size'.padStart(10), ...stages.map((s) => s.padStart(12)), 'total'.padStart(9)].join(''));
for (const c of cases) {
  const bytes = new Uint8Array(await readFile(new URL(c.file, fixtures)));
  const samples = [];
  let output;
  for (let i = 0; i < runs; i++) {
    const result = await preinitializeComponentDetailed(bytes, { ...c.options, stdout: () => {}, stderr: () => {} });
    samples.push(result.detail);
    output = result.output;
  }
  c.output = output;
  const cols = stages.map((s) => median(samples.map((d) => d[s])));
  const total = median(samples.map((d) => stages.reduce((n, s) => n + d[s], 0)));
  console.log([c.name.padEnd(42), String(bytes.length).padStart(10), ...cols.map((v) => v.toFixed(1).padStart(12)), total.toFixed(0).padStart(9)].join(''));
}

console.log('\nstartup (compile every core module + instantiate through the glue + init), median ms');
for (const c of cases) {
  const bytes = new Uint8Array(await readFile(new URL(c.file, fixtures)));
  const m = await measureComponentStartup(bytes, c.output, c.options, { iterations: 10, warmup: 2, budgetMs: Infinity });
  const side = (p) => `${p.total.median.toFixed(1)} (compile ${p.compile.median.toFixed(1)}, instantiate ${p.instantiate.median.toFixed(1)}, init ${p.init.median.toFixed(1)})`;
  console.log(`${c.name}\n  cold   original ${side(m.cold.input)}  snapshot ${side(m.cold.output)}  x${m.cold.speedup.toFixed(2)}`);
  console.log(`  cached original ${side(m.cached.input)}  snapshot ${side(m.cached.output)}  x${m.cached.speedup.toFixed(2)}`);
}
