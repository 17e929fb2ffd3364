#!/usr/bin/env node
// Runs Ruby in a snapshot of bench/.work/ruby/in.wasm the way @ruby/wasm-wasi's RubyVM does after
// its own initialize: no `_initialize`, no `ruby-init`, straight to `rb-eval-string-protect`. The
// code uses JSON and Set without requiring them, so it answers only if init loaded both.
//   node bench/ruby/check.mjs snapshot.wasm   -> exit 0 iff the answer is [3,"ok"]
import { readFileSync } from 'node:fs';
import { WASI } from 'node:wasi';

const module = await WebAssembly.compile(readFileSync(process.argv[2]));
const wasi = new WASI({ version: 'preview1', returnOnExit: true });
// The canonical ABI's resource table for rb-abi-value handles, kept host-side as the package does.
const values = [undefined];
const imports = {
  wasi_snapshot_preview1: wasi.wasiImport,
  canonical_abi: {
    'resource_new_rb-abi-value': (raw) => values.push(raw) - 1,
    'resource_get_rb-abi-value': (handle) => values[handle],
    'resource_drop_rb-abi-value': () => {},
  },
};
for (const { module: m, name } of WebAssembly.Module.imports(module)) {
  (imports[m] ??= {})[name] ??= () => {
    throw new Error(`unexpected call to ${m}.${name}`);
  };
}
const instance = await WebAssembly.instantiate(module, imports);
const ex = instance.exports;
const fn = (n) => ex[Object.keys(ex).find((k) => k === n || k.startsWith(`${n}:`))];

let answer;
try {
  if (fn('_initialize')) throw new Error('the snapshot still exports _initialize');
  const view = () => new DataView(ex.memory.buffer);
  const code = new TextEncoder().encode('JSON.generate([Set[1, 2, 2, 3].size, "ok"])');
  const ptr = ex.cabi_realloc(0, 0, 1, code.length);
  new Uint8Array(ex.memory.buffer, ptr, code.length).set(code);
  const ret = fn('rb-eval-string-protect')(ptr, code.length);
  const [handle, state] = [view().getInt32(ret, true), view().getInt32(ret + 4, true)];
  if (state !== 0) throw new Error(`Ruby raised (state ${state})`);
  const str = fn('rstring-ptr')(handle);
  answer = new TextDecoder().decode(new Uint8Array(ex.memory.buffer, view().getUint32(str, true), view().getUint32(str + 4, true)));
} catch (err) {
  answer = `error: ${err.message}`;
}
console.log(`ruby: ${answer}`);
process.exitCode = answer === '[3,"ok"]' ? 0 : 1;
