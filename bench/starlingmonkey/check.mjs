#!/usr/bin/env node
// What componentize-js does with Wizer's output before it builds the component: instantiate the
// snapshot with mock imports (stderr captured, anything else throws) and call `check_init()`,
// which returns 0 when init found the source's exports; then call the app's `lookup` export.
//   node bench/starlingmonkey/check.mjs snapshot.wasm   -> exit 0 iff check_init() = 0 and the
//   lookup answer is right
import { readFileSync } from 'node:fs';

const module = await WebAssembly.compile(readFileSync(process.argv[2]));
let memory;
let stderr = '';
const imports = {};
for (const { module: m, name } of WebAssembly.Module.imports(module)) {
  (imports[m] ??= {})[name] = () => {
    throw new Error(`unexpected call to ${m}.${name}`);
  };
}
imports.wasi_snapshot_preview1.fd_write = (fd, iovs, count, nwritten) => {
  if (fd !== 2) return 0;
  const view = new DataView(memory.buffer);
  let total = 0;
  for (let i = 0; i < count; i++) {
    const ptr = view.getUint32(iovs + 8 * i, true);
    const len = view.getUint32(iovs + 8 * i + 4, true);
    stderr += new TextDecoder().decode(new Uint8Array(memory.buffer, ptr, len));
    total += len;
  }
  view.setUint32(nwritten, total, true);
  return 0;
};
// The app's call may read the clock or random bytes (StarlingMonkey's event loop, hash seeds).
imports.wasi_snapshot_preview1.clock_time_get = (_id, _precision, out) => {
  new DataView(memory.buffer).setBigUint64(out, 1_700_000_000_000_000_000n, true);
  return 0;
};
imports.wasi_snapshot_preview1.random_get = (ptr, len) => {
  new Uint8Array(memory.buffer, ptr, len).fill(7);
  return 0;
};
const { exports } = await WebAssembly.instantiate(module, imports);
memory = exports.memory;
const status = exports.check_init();
// Then the app's export through the core ABI: lookup("w7919") must answer "w7919:1" from the
// table the JS top level built during init (app.js: the word for i = 1).
let answer;
try {
  const arg = new TextEncoder().encode('w7919');
  const ptr = exports.cabi_realloc(0, 0, 1, arg.length);
  new Uint8Array(memory.buffer, ptr, arg.length).set(arg);
  const ret = exports.lookup(ptr, arg.length);
  const view = new DataView(memory.buffer);
  answer = new TextDecoder().decode(new Uint8Array(memory.buffer, view.getUint32(ret, true), view.getUint32(ret + 4, true)));
} catch (err) {
  answer = `error: ${err.message}`;
}
console.log(`check_init=${status} lookup("w7919")=${JSON.stringify(answer)}${stderr ? ` stderr: ${stderr.trim().slice(0, 200)}` : ''}`);
process.exitCode = status === 0 && answer === 'w7919:1' ? 0 : 1;
