// Generated benchmark inputs for the cost classes the program corpus lacks, written as WAT and
// assembled with our own watToBinary (lib/) into bench/.work/generated/:
//   gen-segments: init leaves one non-zero byte every 8 bytes of 16 MiB, 2,097,152 runs that the
//                 snapshot must cap at 10,000 data segments (the merge-smallest-gaps path);
//   gen-compute:  init computes for about a second (an xorshift loop, 2^28 rounds) and stores
//                 the result: V8's tiering decides its time, the snapshot is tiny.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const SEGMENTS = `(module
  (memory (export "memory") 256)
  (func (export "wizer-initialize") (local $i i32)
    (loop $l
      (i32.store8 (i32.shl (local.get $i) (i32.const 3)) (i32.or (i32.and (local.get $i) (i32.const 0x7f)) (i32.const 1)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (i32.const 2097152)))))
  (func (export "run") (result i32) (i32.load8_u (i32.const 8))))`;

const COMPUTE = `(module
  (memory (export "memory") 1)
  (global $x (mut i64) (i64.const 88172645463325252))
  (func (export "wizer-initialize") (local $i i32) (local $x i64)
    (local.set $x (global.get $x))
    (loop $l
      (local.set $x (i64.xor (local.get $x) (i64.shl (local.get $x) (i64.const 13))))
      (local.set $x (i64.xor (local.get $x) (i64.shr_u (local.get $x) (i64.const 7))))
      (local.set $x (i64.xor (local.get $x) (i64.shl (local.get $x) (i64.const 17))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (i32.const 268435456))))
    (global.set $x (local.get $x))
    (i64.store (i32.const 16) (local.get $x)))
  (func (export "run") (result i32) (i32.wrap_i64 (i64.load (i32.const 16)))))`;

/** Writes the generated inputs and returns them as manifest entries (fixtures/programs.json's shape: paths from the root). */
export async function generatedInputs(work) {
  const { watToBinary } = await import(path.join(root, 'lib/engine/wat.js'));
  const dir = path.join(work, 'generated');
  mkdirSync(dir, { recursive: true });
  const out = [];
  for (const [name, wat] of [['gen-segments', SEGMENTS], ['gen-compute', COMPUTE]]) {
    const wasm = path.join(dir, `${name}.wasm`);
    writeFileSync(wasm, await watToBinary(new TextEncoder().encode(wat)));
    out.push({ name, wasm: path.relative(root, wasm), options: {}, deterministic: true });
  }
  return out;
}
