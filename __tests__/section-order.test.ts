/**
 * Found by `scripts/fuzz.mjs --reference`: valid inputs whose `name` custom section sits before
 * the code or data section. The reference writes an invalid module for both (two data sections,
 * or a data section before the code section); ours must write a valid one that starts in init's
 * state.
 */
import { preinitialize } from '../src/engine/index.js';
import { instantiate, reference, validates, wat } from './support/wasm.js';
import { sections } from './support/mutate.mjs';

const MODULE = `(module
  (memory (export "memory") 1)
  (global $g (mut i32) (i32.const 0))
  (func $init (export "wizer-initialize")
    (global.set $g (i32.const 7))
    (i32.store (i32.const 100) (i32.const 0x01020304)))
  (func (export "get") (result i32) (i32.add (global.get $g) (i32.load (i32.const 100)))))`;

/** Moves the `name` custom section right before the first section with id `before`. */
function moveNameBefore(bytes: Uint8Array, before: number): Uint8Array {
  const secs = sections(bytes);
  const name = secs.find((s) => s.id === 0)!;
  const target = secs.find((s) => s.id === before)!;
  const parts: Uint8Array[] = [bytes.subarray(0, 8)];
  for (const s of secs) {
    if (s === name) continue;
    if (s === target) parts.push(bytes.subarray(name.start, name.end));
    parts.push(bytes.subarray(s.start, s.end));
  }
  return new Uint8Array(Buffer.concat(parts));
}

const ids = (bytes: Uint8Array) => sections(bytes).map((s) => s.id);

async function check(input: Uint8Array) {
  expect(validates(input)).toBe(true);
  const { output } = await preinitialize(input);
  expect(validates(output)).toBe(true);
  expect(ids(output).filter((id) => id === 11)).toHaveLength(1);
  const instance = await instantiate(output);
  expect((instance.exports.get as () => number)()).toBe(7 + 0x01020304);
  return output;
}

describe('a `name` section before the data section', () => {
  test('the output has one data section, in place of the old one (the reference writes two)', async () => {
    const input = moveNameBefore(await wat(`${MODULE.slice(0, -1)} (data (i32.const 0) "x"))`, true), 11);
    expect(ids(input).slice(-2)).toEqual([0, 11]);
    const output = await check(input);
    expect(ids(output).slice(-2)).toEqual([0, 11]);
    const ref = reference(input);
    if (ref.ok) expect(validates(ref.bytes)).toBe(false); // documents the reference's behaviour
  });
});

describe('a `name` section before the code section, no data section', () => {
  // A new data section may not go before `name` here: code follows it.
  test('the data section goes after the code section and the output is valid', async () => {
    const input = moveNameBefore(await wat(MODULE, true), 10);
    expect(ids(input)).toEqual(expect.arrayContaining([0, 10]));
    expect(ids(input).indexOf(0)).toBeLessThan(ids(input).indexOf(10));
    const output = await check(input);
    expect(ids(output).indexOf(11)).toBeGreaterThan(ids(output).indexOf(10));
  });
});
