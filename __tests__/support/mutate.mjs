// Mutation fuzzing support (plain JS: used by __tests__/fuzz.test.ts and scripts/fuzz.mjs):
// seed modules as WAT, a lenient section splitter, and seeded mutators (bit flips, byte
// insertions and deletions, truncations, LEB corruptions, section id swaps, section drops and
// duplications, huge counts).
import { rng } from './modgen.mjs';

/**
 * Seed modules. Loops have constant bounds, so the originals terminate; mutants may not (hence
 * the per-case timeout). Together they use every section kind.
 */
export const SEED_WATS = {
  globals: `(module
    (memory (export "memory") 1 4)
    (global $a (mut i32) (i32.const 1)) (global $b (mut i64) (i64.const 2)) (global $c (mut f32) (f32.const 3))
    (global $d (mut f64) (f64.const 4)) (global $e (mut v128) (v128.const i32x4 1 2 3 4)) (global $k i32 (i32.const 9))
    (global (export "exported") (mut i32) (i32.const 0))
    (data (i32.const 16) "hello, fuzz")
    (func (export "wizer-initialize")
      (global.set $a (i32.add (global.get $k) (i32.const 5)))
      (global.set $b (i64.const -1)) (global.set $c (f32.const nan:0x123)) (global.set $d (f64.const -0))
      (global.set $e (v128.const i64x2 -1 7))
      (i32.store (i32.const 100) (global.get $a))
      (i64.store (i32.const 65530) (global.get $b)))
    (func (export "get") (result i32) (i32.load (i32.const 100))))`,
  loops: `(module
    (memory (export "memory") 2)
    (func $fill (param $base i32) (param $n i32) (local $i i32)
      (block $done
        (loop $next
          (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
          (i32.store8 (i32.add (local.get $base) (i32.mul (local.get $i) (i32.const 7)))
            (i32.add (local.get $i) (i32.const 1)))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br $next))))
    (func (export "wizer-initialize")
      (call $fill (i32.const 0) (i32.const 2000))
      (call $fill (i32.const 65000) (i32.const 300))
      (drop (memory.grow (i32.const 1)))
      (memory.fill (i32.const 140000) (i32.const 0xab) (i32.const 1000))))`,
  tables: `(module
    (type $t (func (result i32)))
    (table 4 funcref)
    (elem (i32.const 0) $one $two)
    (elem $passive func $two $one)
    (memory 1)
    (global $g (mut i32) (i32.const 0))
    (func $one (type $t) (i32.const 1))
    (func $two (type $t) (i32.const 2))
    (func $start (global.set $g (i32.const 40)))
    (start $start)
    (data $p "passive bytes")
    (data (i32.const 8) "active")
    (func (export "wizer-initialize")
      (global.set $g (i32.add (global.get $g) (call_indirect (type $t) (i32.const 1))))
      (memory.init $p (i32.const 200) (i32.const 0) (i32.const 13))
      (memory.copy (i32.const 300) (i32.const 200) (i32.const 13))
      (i32.store (i32.const 4) (global.get $g)))
    (func (export "run") (result i32) (i32.add (global.get $g) (call_indirect (type $t) (i32.const 0))))
    (export "table" (table 0)))`,
  reactor: `(module
    (memory (export "memory") 1)
    (global $n (mut i32) (i32.const 0))
    (func (export "_initialize") (global.set $n (i32.const 10)))
    (func $helper (param i32 i32) (result i32 i32) (local.get 1) (local.get 0))
    (func (export "init")
      (local $a i32) (local $b i32)
      (call $helper (i32.const 3) (global.get $n))
      (local.set $b) (local.set $a)
      (i32.store (i32.const 0) (i32.sub (local.get $a) (local.get $b)))
      (global.set $n (i32.mul (global.get $n) (i32.const 3))))
    (func (export "wizer-initialize")
      (global.set $n (i32.add (global.get $n) (i32.const 1)))
      (i32.store offset=32 (i32.const 0) (global.get $n)))
    (@custom "fuzz-custom" "some custom bytes"))`,
};

/** Sections of a module, leniently: stops at the first thing that does not parse. */
export function sections(bytes) {
  const out = [];
  let pos = 8;
  while (pos < bytes.length) {
    const start = pos;
    const id = bytes[pos++];
    let size = 0;
    let shift = 0;
    let b;
    do {
      if (pos >= bytes.length) return out;
      b = bytes[pos++];
      size += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b & 0x80 && shift < 35);
    const payload = pos;
    const end = payload + size;
    if (end > bytes.length) return out;
    out.push({ id, start, sizeAt: start + 1, payload, end });
    pos = end;
  }
  return out;
}

function leb(n) {
  const out = [];
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
}

function splice(bytes, at, remove, insert = []) {
  at = Math.max(0, Math.min(at, bytes.length));
  remove = Math.max(0, Math.min(remove, bytes.length - at));
  const out = new Uint8Array(bytes.length - remove + insert.length);
  out.set(bytes.subarray(0, at));
  out.set(insert, at);
  out.set(bytes.subarray(at + remove), at + insert.length);
  return out;
}

/** Names of the mutation operators, in the order `mutate` picks from. */
export const OPERATORS = ['bitflip', 'byte', 'insert', 'delete', 'truncate', 'leb', 'sectionId', 'sectionSize', 'dropSection', 'dupSection', 'hugeCount', 'swapSections'];

/**
 * One seeded mutation of `bytes`. Returns { bytes, op, at, section }, where `section` is the id
 * of the section the mutation landed in (or -1 for the preamble), to tell code mutations apart.
 */
export function mutate(bytes, seed) {
  const r = rng(seed);
  if (bytes.length === 0) return { bytes: Uint8Array.from({ length: r.int(1, 8) }, () => r.int(0, 255)), op: 'insert', at: 0, section: -1 };
  const secs = sections(bytes);
  const op = r.pick(OPERATORS);
  // Half the time aim at one section (chosen uniformly, so small sections get their share).
  const target = secs.length && r.bool(0.5) ? r.pick(secs) : undefined;
  const pos = (lo = 0, hi = bytes.length - 1) => (target ? r.int(target.start, target.end - 1) : r.int(Math.min(lo, hi), hi));
  const sectionAt = (at) => secs.find((s) => at >= s.start && at < s.end)?.id ?? -1;
  let out;
  let at;
  switch (op) {
    case 'bitflip': {
      out = Uint8Array.from(bytes);
      at = pos();
      for (let n = r.int(1, 3); n > 0; n--) {
        const p = r.bool(0.7) ? at : pos();
        out[p] ^= 1 << r.int(0, 7);
      }
      break;
    }
    case 'byte':
      out = Uint8Array.from(bytes);
      at = pos();
      out[at] = r.pick([0x00, 0x7f, 0x80, 0xff, 0x0b, 0x41, 0x01, r.int(0, 255)]);
      break;
    case 'insert':
      at = pos();
      out = splice(bytes, at, 0, Array.from({ length: r.int(1, 8) }, () => r.int(0, 255)));
      break;
    case 'delete':
      at = pos();
      out = splice(bytes, at, Math.min(r.int(1, 8), bytes.length - at));
      break;
    case 'truncate':
      at = r.int(0, bytes.length - 1);
      out = bytes.slice(0, at);
      break;
    case 'leb': {
      // Corrupt a LEB: set the continuation bit of a byte (the next byte joins it), or make it overlong.
      at = pos(8);
      out = r.bool(0.5)
        ? Uint8Array.from(bytes, (b, i) => (i === at ? b | 0x80 : b))
        : splice(bytes, at, 1, [bytes[at] | 0x80, 0x80, 0x80, 0x80, 0x80, 0x00]);
      break;
    }
    case 'sectionId': {
      const s = target ?? (secs.length ? r.pick(secs) : undefined);
      at = s ? s.start : 8;
      out = Uint8Array.from(bytes);
      if (at < out.length) out[at] = r.bool(0.8) ? r.int(0, 13) : r.int(14, 255);
      break;
    }
    case 'sectionSize': {
      const s = target ?? (secs.length ? r.pick(secs) : undefined);
      if (!s) return mutate(bytes, seed + 1);
      at = s.sizeAt;
      const size = s.end - s.payload;
      const next = r.pick([0, 1, size - 1, size + 1, size + r.int(2, 100), 0xffffffff, Math.max(0, size - r.int(2, 100))]);
      out = splice(bytes, s.sizeAt, s.payload - s.sizeAt, leb(Math.max(0, Math.min(0xffffffff, next))));
      break;
    }
    case 'dropSection': {
      const s = target ?? (secs.length ? r.pick(secs) : undefined);
      if (!s) return mutate(bytes, seed + 1);
      at = s.start;
      out = splice(bytes, s.start, s.end - s.start);
      break;
    }
    case 'dupSection': {
      const s = target ?? (secs.length ? r.pick(secs) : undefined);
      if (!s) return mutate(bytes, seed + 1);
      at = s.end;
      out = splice(bytes, s.end, 0, bytes.subarray(s.start, s.end));
      break;
    }
    case 'hugeCount': {
      // Replace the vector count at the start of a non-custom section by a huge one.
      const s = (target && target.id !== 0 ? target : undefined) ?? secs.find((x) => x.id !== 0 && r.bool(0.4)) ?? secs.find((x) => x.id !== 0);
      if (!s || s.payload >= s.end) return mutate(bytes, seed + 1);
      at = s.payload;
      let countEnd = s.payload;
      while (countEnd < s.end && bytes[countEnd] & 0x80) countEnd++;
      const huge = leb(r.pick([0xffffffff, 0x7fffffff, 100_000_000, 1_000_001, r.int(2, 1000)]));
      const inner = splice(bytes.subarray(s.payload, s.end), 0, countEnd + 1 - s.payload, huge);
      out = splice(bytes, s.sizeAt, s.end - s.sizeAt, [...leb(inner.length), ...inner]);
      break;
    }
    case 'swapSections': {
      if (secs.length < 2) return mutate(bytes, seed + 1);
      const i = r.int(0, secs.length - 2);
      const a = secs[i];
      const b = secs[i + 1];
      at = a.start;
      out = splice(bytes, a.start, b.end - a.start, [...bytes.subarray(b.start, b.end), ...bytes.subarray(a.start, a.end)]);
      break;
    }
  }
  return { bytes: out, op, at, section: sectionAt(at) };
}
