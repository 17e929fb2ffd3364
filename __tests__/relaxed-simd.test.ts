/**
 * `relaxedSimdDeterministic`: init computes relaxed-SIMD instructions as wasmtime does in its
 * deterministic mode, whatever this CPU's V8 picks. Checked against the reference
 * (`--relaxed-simd-deterministic`) on generated operands: the snapshots must be byte-identical.
 * Runs on Node 24 (Node 20's V8 has no relaxed SIMD); npm test runs it there.
 */
import { checkFeatures } from '../src/engine/features.js';
import { preinitialize } from '../src/engine/index.js';
import { instrument } from '../src/engine/instrument.js';
import { parseModule } from '../src/engine/parse.js';
import { relaxedSimdLibrary } from '../src/engine/relaxed-simd.js';
import { operands, relaxedModule, RELAXED_OPS, type OperandKind } from './support/relaxed-cases.js';
import { instantiate, reference, wat } from './support/wasm.js';

const NODE24 = Number(process.versions.node.split('.')[0]) >= 24;
const describe24 = NODE24 ? describe : describe.skip;

/** For each op, how many of its results differ between two snapshots of `relaxedModule`. */
async function differingResults(a: Uint8Array, b: Uint8Array, count: number): Promise<Record<string, number>> {
  const memory = async (bytes: Uint8Array) => new Uint8Array(((await instantiate(bytes)).exports.memory as WebAssembly.Memory).buffer);
  const [x, y] = [await memory(a), await memory(b)];
  const differing: Record<string, number> = {};
  RELAXED_OPS.forEach(([op], j) => {
    for (let i = 0; i < count; i++) {
      const at = count * 48 + (j * count + i) * 16;
      if (!Buffer.from(x.subarray(at, at + 16)).equals(Buffer.from(y.subarray(at, at + 16)))) differing[op] = (differing[op] ?? 0) + 1;
    }
  });
  return differing;
}

async function sameAsReference(input: Uint8Array, count: number): Promise<void> {
  const ours = await preinitialize(input, { relaxedSimdDeterministic: true });
  const ref = reference(input, ['--relaxed-simd-deterministic']);
  if (!ref.ok) throw new Error(ref.error);
  if (!Buffer.from(ours.output).equals(Buffer.from(ref.bytes))) expect(await differingResults(ref.bytes, ours.output, count)).toEqual({});
}

describe24('relaxed SIMD, deterministic', () => {
  const COUNT = 3000;
  test.each<[OperandKind, bigint]>([
    ['mixed', 1n], ['mixed', 2n], ['ties', 3n], ['ties', 4n], ['f32', 5n], ['f32', 6n],
  ])('every relaxed instruction on %s operands (seed %s) gives the reference bytes', async (kind, seed) => {
    await sameAsReference(await wat(relaxedModule(operands(kind, COUNT, seed))), COUNT);
  });

  test('NaN operands: the result is the reference NaN (b, then a, then c, quieted; nmadd keeps the sign)', async () => {
    const nan32 = (payload: number, quiet: boolean) => (0x7f800000 | (quiet ? 0x400000 : 0) | payload) >>> 0;
    const nan64 = (payload: number, quiet: boolean) => 0x7ff0000000000000n | (quiet ? 0x8000000000000n : 0n) | BigInt(payload);
    const stores: string[] = [];
    for (const [shape, t, one, nan] of [['f32x4', 'i32', 0x3f800000, nan32], ['f64x2', 'i64', 0x3ff0000000000000n, nan64]] as const) {
      for (const op of ['relaxed_madd', 'relaxed_nmadd']) {
        for (let mask = 1; mask < 8; mask++) {
          for (const quiet of [true, false]) {
            const operand = (k: number) => `(${shape}.splat (${shape.slice(0, 3)}.reinterpret_${t} (${t}.const ${(mask >> k) & 1 ? nan(k + 1, quiet) : one})))`;
            stores.push(`(v128.store (i32.const ${stores.length * 16}) (${shape}.${op} ${operand(0)} ${operand(1)} ${operand(2)}))`);
          }
        }
      }
    }
    const input = await wat(`(module (memory (export "memory") 1)
      (func (export "wizer-initialize") ${stores.join(' ')}) (func (export "run") (result i32) i32.const 0))`);
    const ours = await preinitialize(input, { relaxedSimdDeterministic: true });
    const ref = reference(input, ['--relaxed-simd-deterministic']);
    expect(ref.ok && Buffer.from(ours.output).equals(Buffer.from(ref.bytes))).toBe(true);
  });

  test('the instrumented copy holds no relaxed instruction; the output keeps the module\'s own code', async () => {
    const input = await wat(relaxedModule(operands('mixed', 4, 9n)));
    expect(() => checkFeatures(input, { 'relaxed-simd': false })).toThrow(/relaxed SIMD support is not enabled/);
    const instrumented = instrument(parseModule(input), { relaxedSimd: await relaxedSimdLibrary() });
    expect(() => checkFeatures(instrumented.bytes, { 'relaxed-simd': false })).not.toThrow();
    const { output } = await preinitialize(input, { relaxedSimdDeterministic: true });
    expect(() => checkFeatures(output, { 'relaxed-simd': false })).toThrow(/relaxed SIMD support is not enabled/);
  });
});
