/**
 * Export renames where a name is both a destination and a source (found by the differential
 * generator): the reference drops an export overwritten by a rename only when that export is
 * not itself renamed away, so `-r a=b -r b=a` swaps them. Outputs must be byte-identical.
 */
import { bufferSource } from '../src/engine/binary.js';
import { preinitialize } from '../src/engine/index.js';
import { reference, wat } from './support/wasm.js';

const MODULE = `(module
  (memory (export "memory") 1)
  (global (export "g") i32 (i32.const 5))
  (func (export "wizer-initialize") (i32.store (i32.const 0) (i32.const 9)))
  (func (export "get0") (result i32) (i32.const 1)))`;

const CASES: Array<Array<[string, string]>> = [
  [['memory', 'get0'], ['get0', 'missing']],
  [['get0', 'memory'], ['memory', 'get0']],
  [['alias', 'memory'], ['memory', 'missing']],
  [['run', 'get0'], ['get0', 'missing']],
  [['memory', 'missing'], ['get0', 'memory']],
  [['get0', 'memory'], ['run', 'get0']],
  [['a', 'get0'], ['b', 'memory'], ['g', 'g']],
];

test.each(CASES.map((c) => [c.map(([d, s]) => `${d}=${s}`).join(' '), c] as const))('-r %s', async (_, renames) => {
  const input = await wat(MODULE);
  const ref = reference(input, renames.flatMap(([dst, src]) => ['-r', `${dst}=${src}`]));
  if (!ref.ok) throw new Error(ref.error);
  const { output } = await preinitialize(input, { renames: renames.map(([dst, src]) => ({ dst, src })) });
  const names = (b: Uint8Array) => WebAssembly.Module.exports(new WebAssembly.Module(bufferSource(b))).map((e) => `${e.name}:${e.kind}`);
  expect(names(output)).toEqual(names(ref.bytes));
  expect(Buffer.from(output).equals(Buffer.from(ref.bytes))).toBe(true);
});
