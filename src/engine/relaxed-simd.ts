/**
 * `--relaxed-simd-deterministic`: during init, relaxed-SIMD instructions compute what wasmtime
 * computes in its deterministic mode (crates/cranelift translate: the plain SIMD instruction of
 * the same shape, a fused multiply-add, a dot product of signed bytes), not what this CPU's V8
 * picks. The instrumented copy gets the replacements; the output keeps the module's own code.
 *
 * V8 has no scalar fma, so the fused multiply-adds are computed exactly in integers (f64) or
 * through round-to-odd in f64 (f32, exact since 53 >= 2 * 24 + 2). A NaN result is what x86's
 * FMA gives (wasmtime's on every GitHub runner): the first NaN of b, a, c, quieted; nmadd keeps a
 * NaN's sign.
 */
import { Writer } from './binary.js';
import { parseModule, type ParsedModule } from './parse.js';
import { watToBinary } from './wat.js';

/** Relaxed opcode (after 0xfd) -> the plain SIMD opcode with the deterministic semantics. */
const PLAIN: ReadonlyMap<number, number> = new Map([
  [0x100, 0x0e], // i8x16.relaxed_swizzle -> i8x16.swizzle
  [0x101, 0xf8], // i32x4.relaxed_trunc_f32x4_s -> i32x4.trunc_sat_f32x4_s
  [0x102, 0xf9], // i32x4.relaxed_trunc_f32x4_u -> i32x4.trunc_sat_f32x4_u
  [0x103, 0xfc], // i32x4.relaxed_trunc_f64x2_s_zero -> i32x4.trunc_sat_f64x2_s_zero
  [0x104, 0xfd], // i32x4.relaxed_trunc_f64x2_u_zero -> i32x4.trunc_sat_f64x2_u_zero
  [0x109, 0x52], // i8x16.relaxed_laneselect -> v128.bitselect
  [0x10a, 0x52], // i16x8.relaxed_laneselect
  [0x10b, 0x52], // i32x4.relaxed_laneselect
  [0x10c, 0x52], // i64x2.relaxed_laneselect
  [0x10d, 0xe8], // f32x4.relaxed_min -> f32x4.min
  [0x10e, 0xe9], // f32x4.relaxed_max -> f32x4.max
  [0x10f, 0xf4], // f64x2.relaxed_min -> f64x2.min
  [0x110, 0xf5], // f64x2.relaxed_max -> f64x2.max
  [0x111, 0x82], // i16x8.relaxed_q15mulr_s -> i16x8.q15mulr_sat_s
]);

/** Relaxed opcode -> the library function (exported under the instruction's name) that computes it. */
const HELPER: ReadonlyMap<number, string> = new Map([
  [0x105, 'f32x4.relaxed_madd'],
  [0x106, 'f32x4.relaxed_nmadd'],
  [0x107, 'f64x2.relaxed_madd'],
  [0x108, 'f64x2.relaxed_nmadd'],
  [0x112, 'i16x8.relaxed_dot_i8x16_i7x16_s'],
  [0x113, 'i32x4.relaxed_dot_i8x16_i7x16_add_s'],
]);

const LIBRARY = String.raw`(module
  (func $fma32 (param $a f32) (param $b f32) (param $c f32) (result f32)
    (local $p f64) (local $c64 f64) (local $s f64) (local $v f64) (local $err f64) (local $bits i64)
    (if (f32.ne (local.get $b) (local.get $b)) (then (return (call $quiet32 (local.get $b)))))
    (if (f32.ne (local.get $a) (local.get $a)) (then (return (call $quiet32 (local.get $a)))))
    (if (f32.ne (local.get $c) (local.get $c)) (then (return (call $quiet32 (local.get $c)))))
    ;; The product is exact in f64; s + err is exactly p + c (TwoSum).
    (local.set $p (f64.mul (f64.promote_f32 (local.get $a)) (f64.promote_f32 (local.get $b))))
    (local.set $c64 (f64.promote_f32 (local.get $c)))
    (local.set $s (f64.add (local.get $p) (local.get $c64)))
    (local.set $v (f64.sub (local.get $s) (local.get $p)))
    (local.set $err (f64.add (f64.sub (local.get $p) (f64.sub (local.get $s) (local.get $v)))
                             (f64.sub (local.get $c64) (local.get $v))))
    (local.set $bits (i64.reinterpret_f64 (local.get $s)))
    ;; Round to odd: an inexact s with an even last bit moves one ulp toward the exact sum.
    (if (i32.and (i32.and (f64.ne (local.get $err) (f64.const 0)) (f64.lt (f64.abs (local.get $s)) (f64.const inf)))
                 (i64.eqz (i64.and (local.get $bits) (i64.const 1))))
      (then (local.set $bits (select (i64.add (local.get $bits) (i64.const 1)) (i64.sub (local.get $bits) (i64.const 1))
                                     (i32.eq (f64.lt (local.get $err) (f64.const 0)) (f64.lt (local.get $s) (f64.const 0)))))))
    (f32.demote_f64 (f64.reinterpret_i64 (local.get $bits))))

  (func $quiet32 (param $x f32) (result f32)
    (f32.reinterpret_i32 (i32.or (i32.reinterpret_f32 (local.get $x)) (i32.const 0x400000))))
  (func $quiet64 (param $x f64) (result f64)
    (f64.reinterpret_i64 (i64.or (i64.reinterpret_f64 (local.get $x)) (i64.const 0x8000000000000))))

  ;; A finite nonzero f64's bits as m * 2^e with m in [2^52, 2^53).
  (func $unpack (param $x i64) (result i64 i64)
    (local $f i64) (local $m i64) (local $z i64)
    (local.set $f (i64.and (i64.shr_u (local.get $x) (i64.const 52)) (i64.const 0x7ff)))
    (local.set $m (i64.and (local.get $x) (i64.const 0xfffffffffffff)))
    (if (result i64 i64) (i64.eqz (local.get $f))
      (then (local.set $z (i64.sub (i64.clz (local.get $m)) (i64.const 11)))
            (i64.shl (local.get $m) (local.get $z))
            (i64.sub (i64.const -1074) (local.get $z)))
      (else (i64.or (local.get $m) (i64.const 0x10000000000000))
            (i64.sub (local.get $f) (i64.const 1075)))))

  ;; Whether any bit of the 128-bit (hi, lo) below bit k (0..128) is set.
  (func $below (param $hi i64) (param $lo i64) (param $k i64) (result i32)
    (if (result i32) (i64.eqz (local.get $k))
      (then (i32.const 0))
      (else (if (result i32) (i64.le_u (local.get $k) (i64.const 64))
        (then (i64.ne (i64.shl (local.get $lo) (i64.sub (i64.const 64) (local.get $k))) (i64.const 0)))
        (else (i32.or (i64.ne (local.get $lo) (i64.const 0))
                      (i64.ne (i64.shl (local.get $hi) (i64.sub (i64.const 128) (local.get $k))) (i64.const 0))))))))

  ;; (hi, lo) >> k for k in 0..127.
  (func $shr (param $hi i64) (param $lo i64) (param $k i64) (result i64 i64)
    (if (result i64 i64) (i64.ge_u (local.get $k) (i64.const 64))
      (then (i64.const 0) (i64.shr_u (local.get $hi) (i64.sub (local.get $k) (i64.const 64))))
      (else (if (result i64 i64) (i64.eqz (local.get $k))
        (then (local.get $hi) (local.get $lo))
        (else (i64.shr_u (local.get $hi) (local.get $k))
              (i64.or (i64.shr_u (local.get $lo) (local.get $k))
                      (i64.shl (local.get $hi) (i64.sub (i64.const 64) (local.get $k)))))))))

  ;; (hi, lo) >> k with the bits shifted out kept as a sticky last bit.
  (func $shr_sticky (param $hi i64) (param $lo i64) (param $k i64) (result i64 i64)
    (local $sticky i64)
    (if (result i64 i64) (i64.ge_u (local.get $k) (i64.const 128))
      (then (i64.const 0) (i64.extend_i32_u (i64.ne (i64.or (local.get $hi) (local.get $lo)) (i64.const 0))))
      (else (local.set $sticky (i64.extend_i32_u (call $below (local.get $hi) (local.get $lo) (local.get $k))))
            (call $shr (local.get $hi) (local.get $lo) (local.get $k))
            (local.get $sticky)
            (i64.or))))

  ;; a * b + c rounded once: the exact sum in 128-bit integers, then rounded to nearest even.
  (func $fma64 (param $a f64) (param $b f64) (param $c f64) (result f64)
    (local $ma i64) (local $ea i64) (local $mb i64) (local $eb i64) (local $mc i64) (local $ec i64)
    (local $mid i64) (local $ph i64) (local $pl i64) (local $ch i64) (local $cl i64)
    (local $sp i64) (local $sc i64) (local $e i64) (local $n i64) (local $biased i64)
    (local $base i64) (local $shift i64) (local $m i64) (local $round i64)
    (if (f64.ne (local.get $b) (local.get $b)) (then (return (call $quiet64 (local.get $b)))))
    (if (f64.ne (local.get $a) (local.get $a)) (then (return (call $quiet64 (local.get $a)))))
    (if (f64.ne (local.get $c) (local.get $c)) (then (return (call $quiet64 (local.get $c)))))
    ;; A zero or infinite factor, or an infinite or zero addend, rounds exactly as f64 ops do.
    (if (i32.or (i32.or (f64.eq (local.get $a) (f64.const 0)) (f64.eq (local.get $b) (f64.const 0)))
                (i32.or (i32.eqz (f64.lt (f64.abs (local.get $a)) (f64.const inf)))
                        (i32.eqz (f64.lt (f64.abs (local.get $b)) (f64.const inf)))))
      (then (return (f64.add (f64.mul (local.get $a) (local.get $b)) (local.get $c)))))
    (if (i32.eqz (f64.lt (f64.abs (local.get $c)) (f64.const inf)))
      (then (return (f64.add (local.get $c) (local.get $c)))))
    (if (f64.eq (local.get $c) (f64.const 0))
      (then (return (f64.mul (local.get $a) (local.get $b)))))
    (local.set $sp (i64.shr_u (i64.xor (i64.reinterpret_f64 (local.get $a)) (i64.reinterpret_f64 (local.get $b))) (i64.const 63)))
    (local.set $sc (i64.shr_u (i64.reinterpret_f64 (local.get $c)) (i64.const 63)))
    (call $unpack (i64.reinterpret_f64 (local.get $a))) (local.set $ea) (local.set $ma)
    (call $unpack (i64.reinterpret_f64 (local.get $b))) (local.set $eb) (local.set $mb)
    (call $unpack (i64.reinterpret_f64 (local.get $c))) (local.set $ec) (local.set $mc)
    ;; The 106-bit product from 32-bit halves, then placed with its top bit at 124 or 125.
    (local.set $pl (i64.mul (i64.and (local.get $ma) (i64.const 0xffffffff)) (i64.and (local.get $mb) (i64.const 0xffffffff))))
    (local.set $mid (i64.add (i64.mul (i64.and (local.get $ma) (i64.const 0xffffffff)) (i64.shr_u (local.get $mb) (i64.const 32)))
                             (i64.mul (i64.shr_u (local.get $ma) (i64.const 32)) (i64.and (local.get $mb) (i64.const 0xffffffff)))))
    (local.set $ph (i64.add (i64.mul (i64.shr_u (local.get $ma) (i64.const 32)) (i64.shr_u (local.get $mb) (i64.const 32)))
                            (i64.shr_u (local.get $mid) (i64.const 32))))
    (local.set $mid (i64.shl (local.get $mid) (i64.const 32)))
    (local.set $pl (i64.add (local.get $pl) (local.get $mid)))
    (local.set $ph (i64.add (local.get $ph) (i64.extend_i32_u (i64.lt_u (local.get $pl) (local.get $mid)))))
    (local.set $ph (i64.or (i64.shl (local.get $ph) (i64.const 20)) (i64.shr_u (local.get $pl) (i64.const 44))))
    (local.set $pl (i64.shl (local.get $pl) (i64.const 20)))
    (local.set $ea (i64.sub (i64.add (local.get $ea) (local.get $eb)) (i64.const 20)))
    ;; The addend with its top bit at 124.
    (local.set $ch (i64.shl (local.get $mc) (i64.const 8)))
    (local.set $ec (i64.sub (local.get $ec) (i64.const 72)))
    ;; Align to the larger exponent. Bits lost here are far below the rounding point: operands
    ;; close enough to cancel are shifted by at most 2, which loses nothing.
    (if (i64.ge_s (local.get $ea) (local.get $ec))
      (then (call $shr_sticky (local.get $ch) (local.get $cl) (i64.sub (local.get $ea) (local.get $ec)))
            (local.set $cl) (local.set $ch) (local.set $e (local.get $ea)))
      (else (call $shr_sticky (local.get $ph) (local.get $pl) (i64.sub (local.get $ec) (local.get $ea)))
            (local.set $pl) (local.set $ph) (local.set $e (local.get $ec))))
    (if (i64.eq (local.get $sp) (local.get $sc))
      (then (local.set $pl (i64.add (local.get $pl) (local.get $cl)))
            (local.set $ph (i64.add (i64.add (local.get $ph) (local.get $ch)) (i64.extend_i32_u (i64.lt_u (local.get $pl) (local.get $cl))))))
      (else (local.set $ph (i64.sub (i64.sub (local.get $ph) (local.get $ch)) (i64.extend_i32_u (i64.lt_u (local.get $pl) (local.get $cl)))))
            (local.set $pl (i64.sub (local.get $pl) (local.get $cl)))
            (if (i64.lt_s (local.get $ph) (i64.const 0))
              (then (local.set $ph (i64.sub (i64.sub (i64.const 0) (local.get $ph)) (i64.extend_i32_u (i64.ne (local.get $pl) (i64.const 0)))))
                    (local.set $pl (i64.sub (i64.const 0) (local.get $pl)))
                    (local.set $sp (local.get $sc))))))
    ;; An exact cancellation is +0 when rounding to nearest.
    (if (i64.eqz (i64.or (local.get $ph) (local.get $pl))) (then (return (f64.const 0))))
    (local.set $n (if (result i64) (i64.eqz (local.get $ph))
      (then (i64.sub (i64.const 63) (i64.clz (local.get $pl))))
      (else (i64.sub (i64.const 127) (i64.clz (local.get $ph))))))
    (local.set $biased (i64.add (i64.add (local.get $e) (local.get $n)) (i64.const 1023)))
    (if (i64.ge_s (local.get $biased) (i64.const 2047))
      (then (return (f64.reinterpret_i64 (i64.or (i64.shl (local.get $sp) (i64.const 63)) (i64.const 0x7ff0000000000000))))))
    ;; base + m encodes the result: m carries the implicit bit, so a carry out of m bumps the exponent.
    (if (i64.gt_s (local.get $biased) (i64.const 0))
      (then (local.set $base (i64.shl (i64.sub (local.get $biased) (i64.const 1)) (i64.const 52)))
            (local.set $shift (i64.sub (local.get $n) (i64.const 52))))
      (else (local.set $shift (i64.sub (i64.const -1074) (local.get $e)))))
    (if (i64.le_s (local.get $shift) (i64.const 0))
      (then (local.set $m (i64.shl (local.get $pl) (i64.sub (i64.const 0) (local.get $shift)))))
      (else (if (i64.lt_s (local.get $shift) (i64.const 128))
        (then (call $shr (local.get $ph) (local.get $pl) (i64.sub (local.get $shift) (i64.const 1)))
              (local.set $m) (drop)
              (local.set $round (i64.and (local.get $m) (i64.const 1)))
              (local.set $m (i64.shr_u (local.get $m) (i64.const 1)))
              (if (i32.and (i32.wrap_i64 (local.get $round))
                           (i32.or (call $below (local.get $ph) (local.get $pl) (i64.sub (local.get $shift) (i64.const 1)))
                                   (i32.wrap_i64 (i64.and (local.get $m) (i64.const 1)))))
                (then (local.set $m (i64.add (local.get $m) (i64.const 1)))))))))
    (f64.reinterpret_i64 (i64.or (i64.shl (local.get $sp) (i64.const 63)) (i64.add (local.get $base) (local.get $m)))))

  (func $f32x4_fma (param $a v128) (param $b v128) (param $c v128) (result v128)
    (f32x4.replace_lane 3
      (f32x4.replace_lane 2
        (f32x4.replace_lane 1
          (f32x4.splat (call $fma32 (f32x4.extract_lane 0 (local.get $a)) (f32x4.extract_lane 0 (local.get $b)) (f32x4.extract_lane 0 (local.get $c))))
          (call $fma32 (f32x4.extract_lane 1 (local.get $a)) (f32x4.extract_lane 1 (local.get $b)) (f32x4.extract_lane 1 (local.get $c))))
        (call $fma32 (f32x4.extract_lane 2 (local.get $a)) (f32x4.extract_lane 2 (local.get $b)) (f32x4.extract_lane 2 (local.get $c))))
      (call $fma32 (f32x4.extract_lane 3 (local.get $a)) (f32x4.extract_lane 3 (local.get $b)) (f32x4.extract_lane 3 (local.get $c)))))

  (func $f64x2_fma (param $a v128) (param $b v128) (param $c v128) (result v128)
    (f64x2.replace_lane 1
      (f64x2.splat (call $fma64 (f64x2.extract_lane 0 (local.get $a)) (f64x2.extract_lane 0 (local.get $b)) (f64x2.extract_lane 0 (local.get $c))))
      (call $fma64 (f64x2.extract_lane 1 (local.get $a)) (f64x2.extract_lane 1 (local.get $b)) (f64x2.extract_lane 1 (local.get $c)))))

  (func (export "f32x4.relaxed_madd") (param v128 v128 v128) (result v128)
    (call $f32x4_fma (local.get 0) (local.get 1) (local.get 2)))
  (func (export "f32x4.relaxed_nmadd") (param v128 v128 v128) (result v128)
    (call $f32x4_fma (v128.bitselect (f32x4.neg (local.get 0)) (local.get 0) (f32x4.eq (local.get 0) (local.get 0)))
                     (local.get 1) (local.get 2)))
  (func (export "f64x2.relaxed_madd") (param v128 v128 v128) (result v128)
    (call $f64x2_fma (local.get 0) (local.get 1) (local.get 2)))
  (func (export "f64x2.relaxed_nmadd") (param v128 v128 v128) (result v128)
    (call $f64x2_fma (v128.bitselect (f64x2.neg (local.get 0)) (local.get 0) (f64x2.eq (local.get 0) (local.get 0)))
                     (local.get 1) (local.get 2)))

  ;; Both operands signed; each i16 lane the wrapping sum of two products.
  (func (export "i16x8.relaxed_dot_i8x16_i7x16_s") (param $a v128) (param $b v128) (result v128)
    (local $lo v128) (local $hi v128)
    (local.set $lo (i16x8.extmul_low_i8x16_s (local.get $a) (local.get $b)))
    (local.set $hi (i16x8.extmul_high_i8x16_s (local.get $a) (local.get $b)))
    (i16x8.add
      (i8x16.shuffle 0 1 4 5 8 9 12 13 16 17 20 21 24 25 28 29 (local.get $lo) (local.get $hi))
      (i8x16.shuffle 2 3 6 7 10 11 14 15 18 19 22 23 26 27 30 31 (local.get $lo) (local.get $hi))))

  ;; Each i32 lane the exact sum of its four signed products, plus c.
  (func (export "i32x4.relaxed_dot_i8x16_i7x16_add_s") (param $a v128) (param $b v128) (param $c v128) (result v128)
    (local $lo v128) (local $hi v128)
    (local.set $lo (i32x4.extadd_pairwise_i16x8_s (i16x8.extmul_low_i8x16_s (local.get $a) (local.get $b))))
    (local.set $hi (i32x4.extadd_pairwise_i16x8_s (i16x8.extmul_high_i8x16_s (local.get $a) (local.get $b))))
    (i32x4.add (local.get $c)
      (i32x4.add
        (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27 (local.get $lo) (local.get $hi))
        (i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31 (local.get $lo) (local.get $hi))))))
`;

/** The library's functions, to be appended to a module that uses relaxed SIMD. */
export type RelaxedSimdLibrary = ParsedModule;

let library: Promise<RelaxedSimdLibrary> | undefined;

/** Assembled once per process, only when `relaxedSimdDeterministic` is asked for. */
export function relaxedSimdLibrary(): Promise<RelaxedSimdLibrary> {
  library ??= watToBinary(new TextEncoder().encode(LIBRARY)).then((bytes) => parseModule(bytes));
  return library;
}

/**
 * The deterministic replacement for the SIMD instruction with opcode `sub` (after 0xfd), or
 * undefined when it is not relaxed. `helper` gives the index of a library function in the module.
 */
export function deterministicReplacement(sub: number, helper: (name: string) => number): Uint8Array | undefined {
  const plain = PLAIN.get(sub);
  if (plain !== undefined) return new Writer().byte(0xfd).u32(plain).finish();
  const name = HELPER.get(sub);
  return name === undefined ? undefined : new Writer().byte(0x10).u32(helper(name)).finish();
}
