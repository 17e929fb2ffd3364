/**
 * Modules whose init applies every relaxed-SIMD instruction to many generated operands and
 * stores the results, for comparing `--relaxed-simd-deterministic` with the reference. The
 * operands aim at what a fused multiply-add gets wrong: cancellation, ties, subnormals, overflow.
 */
export const RELAXED_OPS: ReadonlyArray<readonly [name: string, operands: number]> = [
  ['f64x2.relaxed_madd', 3], ['f64x2.relaxed_nmadd', 3], ['f32x4.relaxed_madd', 3], ['f32x4.relaxed_nmadd', 3],
  ['i8x16.relaxed_laneselect', 3], ['i16x8.relaxed_laneselect', 3], ['i32x4.relaxed_laneselect', 3], ['i64x2.relaxed_laneselect', 3],
  ['i32x4.relaxed_dot_i8x16_i7x16_add_s', 3], ['i8x16.relaxed_swizzle', 2], ['f32x4.relaxed_min', 2], ['f32x4.relaxed_max', 2],
  ['f64x2.relaxed_min', 2], ['f64x2.relaxed_max', 2], ['i16x8.relaxed_q15mulr_s', 2], ['i16x8.relaxed_dot_i8x16_i7x16_s', 2],
  ['i32x4.relaxed_trunc_f32x4_s', 1], ['i32x4.relaxed_trunc_f32x4_u', 1], ['i32x4.relaxed_trunc_f64x2_s_zero', 1], ['i32x4.relaxed_trunc_f64x2_u_zero', 1],
];

export type OperandKind = 'mixed' | 'ties' | 'f32';

/** xorshift64: the same operands on every run. */
function generator(seed: bigint): () => bigint {
  let s = seed || 1n;
  return () => {
    s ^= (s << 13n) & 0xffffffffffffffffn;
    s ^= s >> 7n;
    s ^= (s << 17n) & 0xffffffffffffffffn;
    return s;
  };
}

/** `count` triples of v128 operands (48 bytes each). */
export function operands(kind: OperandKind, count: number, seed: bigint): Uint8Array {
  const rnd = generator(seed);
  const int = (n: number) => Number(rnd() % BigInt(n));
  const sign = () => (rnd() & 1n ? -1 : 1);
  const view = new DataView(new ArrayBuffer(count * 48));
  const f64 = (i: number, operand: number, lane: number, v: number) => view.setFloat64(i * 48 + operand * 16 + lane * 8, v, true);
  for (let i = 0; i < count; i++) {
    if (kind === 'ties') {
      // 27-bit mantissas: the product has up to 54 bits, and c keeps or breaks the tie (or cancels it).
      for (const lane of [0, 1]) {
        const e1 = int(200) - 100;
        const e2 = int(200) - 100 - lane * 1000;
        const [a, b] = [(int(2 ** 27) | 1) * 2 ** e1, sign() * (int(2 ** 27) | 1) * 2 ** e2];
        const low = 2 ** (e1 + e2);
        const c = [low * 2 * int(1024), low / 2, -3 * low, 2 ** -1074, -(a * b)][int(5)];
        [a, b, c].forEach((v, o) => f64(i, o, lane, v));
      }
    } else if (kind === 'f32') {
      for (let lane = 0; lane < 4; lane++) {
        const small = (bits: number) => sign() * (int(2 ** bits) | 1) * 2 ** (int(40) - 20);
        const [a, b] = [small(13), small(13)];
        const c = [-Math.fround(a * b), small(24), 2 ** (int(60) - 40)][int(3)];
        [a, b, c].forEach((v, o) => view.setFloat32(i * 48 + o * 16 + lane * 4, v, true));
      }
    } else {
      // Lane 0: doubles of every magnitude class; lane 1 (and the f32 lanes): raw bits, NaNs included.
      const bits = new BigUint64Array(1);
      const asDouble = new Float64Array(bits.buffer);
      const double = () => {
        const k = int(6);
        if (k === 0) bits[0] = rnd();
        else if (k === 1) bits[0] = rnd() & 0x800fffffffffffffn;
        else {
          const e = [BigInt(int(2046) + 1), 1023n + BigInt(int(3)), 2045n + BigInt(int(2)), 1n + BigInt(int(60))][k - 2];
          bits[0] = (rnd() & 0x800fffffffffffffn) | (e << 52n);
        }
        return asDouble[0];
      };
      const [a, b] = [double(), double()];
      const c = [-(a * b), -(a * b) * (1 + 2 ** -40), double()][int(3)];
      [a, b, c].forEach((v, o) => {
        f64(i, o, 0, v);
        view.setBigUint64(i * 48 + o * 16 + 8, rnd(), true);
      });
    }
  }
  return new Uint8Array(view.buffer);
}

/** WAT of a module whose init stores each op's result for every triple, op after op. */
export function relaxedModule(data: Uint8Array): string {
  const count = data.length / 48;
  const hex = Array.from(data, (b) => `\\${b.toString(16).padStart(2, '0')}`).join('');
  const load = (k: number) => `(v128.load offset=${k * 16} (local.get $p))`;
  const stores = RELAXED_OPS.map(([op, n], j) =>
    `(v128.store offset=${data.length + j * count * 16} (local.get $q) (${op} ${[0, 1, 2].slice(0, n).map(load).join(' ')}))`);
  const pages = Math.ceil((data.length + RELAXED_OPS.length * count * 16) / 65536);
  return `(module (memory (export "memory") ${pages}) (data (i32.const 0) "${hex}")
    (func (export "wizer-initialize") (local $i i32) (local $p i32) (local $q i32)
      (loop $l
        (local.set $p (i32.mul (local.get $i) (i32.const 48)))
        (local.set $q (i32.mul (local.get $i) (i32.const 16)))
        ${stores.join('\n        ')}
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br_if $l (i32.lt_u (local.get $i) (i32.const ${count})))))
    (func (export "run") (result i32) i32.const 0))`;
}
