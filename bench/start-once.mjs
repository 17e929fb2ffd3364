#!/usr/bin/env node
// One cold start in a fresh process, timed independently of the engine: no code from src/ or
// lib/, WASI from node:wasi (stdio to /dev/null). Prints {compile, instantiate, init} in ms.
//
//   node bench/start-once.mjs FILE.wasm [INIT_FUNC|-] [PREOPENS_JSON]
//
// With INIT_FUNC the module is initialized as the input would be at startup: `_initialize`
// when exported (unless it is the init function), then INIT_FUNC. Without it, only compile and
// instantiate: a pre-initialized output starts ready.
import fs from 'node:fs';
import { WASI } from 'node:wasi';

const [file, initArg = '-', preopensJson = '{}'] = process.argv.slice(2);
const initFunc = initArg === '-' ? undefined : initArg;
const bytes = fs.readFileSync(file);
const devnull = fs.openSync('/dev/null', 'w');
const wasi = new WASI({ version: 'preview1', args: [], env: {}, preopens: JSON.parse(preopensJson), stdout: devnull, stderr: devnull, returnOnExit: true });

const t0 = performance.now();
const module = new WebAssembly.Module(bytes);
const t1 = performance.now();
const imports = wasi.getImportObject();
for (const d of WebAssembly.Module.imports(module)) {
  imports[d.module] ??= {};
  imports[d.module][d.name] ??= () => {
    throw new Error(`import ${d.module}::${d.name} called`);
  };
}
const t2 = performance.now();
const instance = new WebAssembly.Instance(module, imports);
const t3 = performance.now();
let t4 = t3;
if (initFunc) {
  // Binds WASI to the memory without node:wasi's own _start/_initialize handling.
  wasi.initialize({ exports: { memory: instance.exports.memory } });
  if (initFunc !== '_initialize' && typeof instance.exports._initialize === 'function') instance.exports._initialize();
  instance.exports[initFunc]();
  t4 = performance.now();
}
process.stdout.write(`${JSON.stringify({ compile: t1 - t0, instantiate: t3 - t2, init: t4 - t3 })}\n`);
