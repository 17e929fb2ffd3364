// Random valid modules for differential testing against the reference Wizer (plain JS so that
// both the jest suite and scripts/diffgen.mjs can use it). Every module is WAT text; its init
// writes patterns into memory (sparse, dense, near 64 KiB page boundaries, optionally more than
// 10,000 separate runs), sets mutable globals of every numeric type (NaN payloads included),
// may grow memory, and has active and passive data segments, maybe a start function and an
// `_initialize` reactor export. All writes stay in bounds and every loop has a constant bound,
// so init always terminates and succeeds.

const PAGE = 65536;

/** mulberry32: a small seeded PRNG returning floats in [0, 1). */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  return {
    next,
    int,
    bool: (p = 0.5) => next() < p,
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    u32: () => Math.floor(next() * 4294967296) >>> 0,
    u64: () => (BigInt(Math.floor(next() * 4294967296)) << 32n) | BigInt(Math.floor(next() * 4294967296)),
    /** A byte that is zero with probability pZero. */
    byte: (pZero = 0.2) => (next() < pZero ? 0 : int(1, 255)),
  };
}

const hex = (n) => `0x${n.toString(16)}`;

/** Interesting float bit patterns: NaNs with payloads (quiet and signalling, both signs), infinities, zeros, denormals. */
const F32_SPECIAL = [0x7fc00000, 0x7fc00001, 0x7fa5a5a5, 0xffc12345, 0xff800001, 0x7f800001, 0x7f800000, 0xff800000, 0x80000000, 0x00000001, 0x007fffff];
const F64_SPECIAL = [0x7ff8000000000000n, 0x7ff8000000000001n, 0x7ff4000000000abcn, 0xfff0000000000001n, 0xfff8dead0000beefn,
  0x7ff0000000000000n, 0x8000000000000000n, 0x0000000000000001n, 0x000fffffffffffffn];

function f32Bits(r) {
  return r.bool(0.5) ? r.pick(F32_SPECIAL) : r.u32();
}
function f64Bits(r) {
  return r.bool(0.5) ? r.pick(F64_SPECIAL) : r.u64();
}

function bytesLiteral(bytes) {
  return `"${bytes.map((b) => `\\${b.toString(16).padStart(2, '0')}`).join('')}"`;
}

const TYPES = ['i32', 'i64', 'f32', 'f64', 'v128'];

/** A constant of `type` in a global initializer. */
function initConst(r, type) {
  switch (type) {
    case 'i32': return `(i32.const ${r.bool(0.3) ? 0 : hex(r.u32())})`;
    case 'i64': return `(i64.const ${r.bool(0.3) ? 0 : hex(r.u64())})`;
    case 'f32': return `(f32.const ${r.pick(['0', '-0', '1.5', '-3.25e7', 'inf', 'nan', 'nan:0x1234', '-nan:0x7fffff'])})`;
    case 'f64': return `(f64.const ${r.pick(['0', '-0', '2.5', '1e300', '-inf', 'nan', 'nan:0x8000000000001', '-nan:0x1'])})`;
    default: return `(v128.const i32x4 ${hex(r.u32())} ${hex(r.u32())} ${hex(r.u32())} ${hex(r.u32())})`;
  }
}

/** An expression computing a value of `type` with exact bits (floats through reinterpret). */
function valueExpr(r, type) {
  switch (type) {
    case 'i32': return `(i32.const ${hex(r.u32())})`;
    case 'i64': return `(i64.const ${hex(r.u64())})`;
    case 'f32': return `(f32.reinterpret_i32 (i32.const ${hex(f32Bits(r))}))`;
    case 'f64': return `(f64.reinterpret_i64 (i64.const ${hex(f64Bits(r))}))`;
    default: {
      const lanes = [0, 1, 2, 3].map(() => (r.bool(0.25) ? 0 : r.u32()));
      return `(v128.const i32x4 ${lanes.map(hex).join(' ')})`;
    }
  }
}

/**
 * Generates one case. `overCap` forces a pattern of more than 10,000 separate runs.
 * Returns { wat, names, initFunc, keepInitFunc, overCap, description }.
 */
export function generateModule(seed, { overCap = false } = {}) {
  const r = rng(seed * 2654435761 + 12345);
  const initial = overCap ? r.int(3, 5) : r.int(1, 4);
  const grow = r.bool(0.35) ? r.int(1, 3) : 0;
  const pages = initial + grow;
  const size = pages * PAGE;
  const max = r.bool(0.4) ? pages + r.int(0, 6) : undefined;
  const fields = [];
  const init = [];
  const start = [];
  const notes = [];

  // Globals: mutable ones of every type, some immutable ones in between.
  const globals = [];
  for (const type of TYPES) {
    const n = r.int(overCap ? 0 : 1, 3);
    for (let i = 0; i < n; i++) {
      const mutable = r.bool(0.8);
      const name = `$g${globals.length}`;
      globals.push({ name, type, mutable });
      fields.push(`(global ${name} ${mutable ? `(mut ${type})` : type} ${initConst(r, type)})`);
    }
  }
  const mutableGlobals = globals.filter((g) => g.mutable);
  for (const g of mutableGlobals) {
    if (r.bool(0.85)) init.push(`(global.set ${g.name} ${valueExpr(r, g.type)})`);
    if (r.bool(0.15)) start.push(`(global.set ${g.name} ${valueExpr(r, g.type)})`);
  }

  // Original data segments: active ones inside the initial pages, passive ones for memory.init.
  const activeCount = r.int(0, 3);
  for (let i = 0; i < activeCount; i++) {
    const len = r.int(1, 300);
    const at = r.int(0, initial * PAGE - len);
    fields.push(`(data (i32.const ${at}) ${bytesLiteral(Array.from({ length: len }, () => r.byte(0.15)))})`);
  }
  const passive = [];
  const passiveCount = r.int(0, 2);
  for (let i = 0; i < passiveCount; i++) {
    const len = r.int(1, 2048);
    const name = `$p${i}`;
    passive.push({ name, len });
    fields.push(`(data ${name} ${bytesLiteral(Array.from({ length: len }, () => r.byte(0.25)))})`);
  }

  if (grow) init.push(`(drop (memory.grow (i32.const ${grow})))`);

  const store = (addr, width) => {
    switch (width) {
      case 1: return `(i32.store8 (i32.const ${addr}) (i32.const ${r.byte(0.1)}))`;
      case 2: return `(i32.store16 (i32.const ${addr}) (i32.const ${r.int(0, 0xffff)}))`;
      case 4: return `(i32.store (i32.const ${addr}) (i32.const ${hex(r.u32())}))`;
      case 8: return `(i64.store (i32.const ${addr}) (i64.const ${hex(r.u64())}))`;
      default: return `(v128.store (i32.const ${addr}) ${valueExpr(r, 'v128')})`;
    }
  };
  const randomStore = (limit = size) => {
    const width = r.pick([1, 2, 4, 8, 16]);
    return store(r.int(0, limit - width), width);
  };

  // Start function effects (kept by both) stay in the initial pages.
  for (let i = r.int(0, 3); i > 0; i--) start.push(randomStore(initial * PAGE));

  // Init's memory patterns.
  const kinds = overCap ? ['overcap'] : [];
  const extra = r.int(2, 7);
  for (let i = 0; i < extra; i++) kinds.push(r.pick(['sparse', 'sparse', 'dense', 'fill', 'boundary', 'loop', 'copy', passive.length ? 'init' : 'fill']));
  let loops = 0;
  for (const kind of kinds) {
    notes.push(kind);
    switch (kind) {
      case 'sparse':
        for (let i = r.int(1, 40); i > 0; i--) init.push(randomStore());
        break;
      case 'dense': {
        // Consecutive 8-byte stores: one long run with occasional zero bytes inside.
        const n = r.int(4, 200);
        const at = r.int(0, size - 8 * n);
        for (let i = 0; i < n; i++) init.push(store(at + 8 * i, 8));
        break;
      }
      case 'fill': {
        const len = r.int(1, Math.min(3 * PAGE, size));
        init.push(`(memory.fill (i32.const ${r.int(0, size - len)}) (i32.const ${r.byte(0.15)}) (i32.const ${len}))`);
        break;
      }
      case 'boundary':
        for (let i = r.int(1, 6); i > 0; i--) {
          if (pages < 2) break;
          const width = r.pick([1, 2, 4, 8, 16]);
          const at = r.int(1, pages - 1) * PAGE + r.int(-10, 6);
          init.push(store(Math.max(0, Math.min(size - width, at)), width));
        }
        if (r.bool(0.5)) init.push(`(i32.store (i32.const ${size - 4}) (i32.const ${hex((r.u32() | 1) >>> 0)}))`);
        break;
      case 'loop': {
        // byte i*stride = (i*mul + add) & 0xff: a sparse pattern with computed (sometimes zero) values.
        const stride = r.int(1, 40);
        const n = r.int(10, Math.min(3000, Math.floor((size - 1) / stride)));
        const base = r.int(0, size - 1 - (n - 1) * stride);
        const l = loops++;
        fields.push(`(func $loop${l} (local $i i32)
          (loop $next
            (i32.store8 (i32.add (i32.const ${base}) (i32.mul (local.get $i) (i32.const ${stride})))
              (i32.add (i32.mul (local.get $i) (i32.const ${r.int(1, 255)})) (i32.const ${r.int(0, 255)})))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br_if $next (i32.lt_u (local.get $i) (i32.const ${n})))))`);
        init.push(`(call $loop${l})`);
        break;
      }
      case 'overcap': {
        // More than 10,000 runs separated by gaps of 5+ bytes: fixed gaps (all tied) or varied ones.
        const varied = r.bool(0.5);
        const minGap = r.int(5, 7);
        const spread = varied ? r.int(1, 6) : 0;
        const n = r.int(10_001, Math.min(24_000, Math.floor((size - 8) / (1 + minGap + spread))));
        const l = loops++;
        notes.push(`${n} runs, gaps ${minGap}${spread ? `..${minGap + spread}` : ''}`);
        fields.push(`(func $loop${l} (local $i i32) (local $at i32) (local $x i32)
          (local.set $at (i32.const ${r.int(0, 64)}))
          (local.set $x (i32.const ${r.u32() | 1}))
          (loop $next
            (i32.store8 (local.get $at) (i32.or (i32.and (local.get $x) (i32.const 0xff)) (i32.const 1)))
            (local.set $x (i32.add (i32.mul (local.get $x) (i32.const 1103515245)) (i32.const 12345)))
            (local.set $at (i32.add (local.get $at)
              (i32.add (i32.const ${1 + minGap}) (i32.rem_u (i32.shr_u (local.get $x) (i32.const 16)) (i32.const ${spread + 1})))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br_if $next (i32.lt_u (local.get $i) (i32.const ${n})))))`);
        init.push(`(call $loop${l})`);
        break;
      }
      case 'copy': {
        const len = r.int(1, 4096);
        init.push(`(memory.copy (i32.const ${r.int(0, size - len)}) (i32.const ${r.int(0, size - len)}) (i32.const ${len}))`);
        break;
      }
      case 'init': {
        const p = r.pick(passive);
        const len = r.int(0, p.len);
        const from = r.int(0, p.len - len);
        init.push(`(memory.init ${p.name} (i32.const ${r.int(0, size - len)}) (i32.const ${from}) (i32.const ${len}))`);
        break;
      }
    }
  }
  // Sometimes clear a region again: zero runs inside data.
  if (r.bool(0.3)) {
    const len = r.int(1, 5000);
    init.push(`(memory.fill (i32.const ${r.int(0, size - len)}) (i32.const 0) (i32.const ${len}))`);
  }

  const initFunc = r.bool(0.2) ? 'init' : 'wizer-initialize';
  // Export renames `dst=src`, as `-r dst=src`: distinct destinations and sources, sometimes a
  // source that does not exist or a destination that does (both legal for the reference).
  const renames = [];
  if (r.bool(0.25)) {
    const dsts = ['run', 'alias', 'get0', 'memory'];
    const srcs = ['get0', 'memory', 'missing'];
    for (let i = r.int(1, 2); i > 0; i--) {
      const dst = r.pick(dsts.filter((d) => !renames.some((x) => x.dst === d)));
      const src = r.pick(srcs.filter((x) => x !== dst && !renames.some((y) => y.src === x)));
      if (dst && src) renames.push({ dst, src });
    }
  }
  const keepInitFunc = r.bool(0.2);
  const reactor = r.bool(0.15);
  if (start.length) fields.push(`(func $start ${start.join(' ')}) (start $start)`);
  if (reactor) fields.push(`(func (export "_initialize") ${randomStore(initial * PAGE)})`);
  fields.push(`(func (export "${initFunc}") ${init.join('\n    ')})`);
  fields.push('(func (export "get0") (result i32) (i32.load (i32.const 0)))');
  const wat = `(module
  (memory (export "memory") ${initial}${max === undefined ? '' : ` ${max}`})
  ${fields.join('\n  ')})`;
  return {
    wat,
    names: r.bool(0.3),
    initFunc,
    keepInitFunc,
    renames,
    overCap,
    description: `seed ${seed}: ${renames.length ? `renames ${renames.map((x) => `${x.dst}=${x.src}`).join(' ')}, ` : ''}${initial}+${grow} pages, ${mutableGlobals.length} mutable globals, ${activeCount} active + ${passiveCount} passive data, ${start.length ? 'start, ' : ''}${reactor ? '_initialize, ' : ''}${notes.join(', ')}`,
  };
}

/** Reference CLI arguments and engine options for a case. */
export function caseOptions(c) {
  const refArgs = [];
  const options = {};
  if (c.initFunc !== 'wizer-initialize') {
    refArgs.push('-f', c.initFunc);
    options.initFunc = c.initFunc;
  }
  if (c.keepInitFunc) {
    refArgs.push('--keep-init-func=true');
    options.keepInitFunc = true;
  }
  if (c.renames?.length) {
    for (const { dst, src } of c.renames) refArgs.push('-r', `${dst}=${src}`);
    options.renames = c.renames.map((x) => ({ ...x }));
  }
  return { refArgs, options };
}
