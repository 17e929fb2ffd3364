/**
 * Instruction scanner: walks function bodies and constant expressions opcode by opcode (every
 * prefix: 0xFB GC, 0xFC misc/bulk, 0xFD SIMD, 0xFE threads) to find the instructions the
 * reference refuses, even in code that is never called.
 */
import type { Reader } from './binary.js';
import { fail } from './errors.js';

/** Instructions that mutate tables, drop segments or mutate GC objects: state we cannot snapshot. */
const BANNED_FC: Record<number, string> = {
  9: 'data.drop',
  12: 'table.init',
  13: 'elem.drop',
  14: 'table.copy',
  15: 'table.grow',
  17: 'table.fill',
};
const BANNED_FB: Record<number, string> = {
  5: 'struct.set',
  14: 'array.set',
  16: 'array.fill',
  17: 'array.copy',
  18: 'array.init_data',
  19: 'array.init_elem',
};

function memarg(r: Reader): void {
  const align = r.u32();
  if (align & 0x40) r.u32(); // multi-memory: explicit memory index
  r.skipLeb(); // offset (u64 for memory64)
}

function blockType(r: Reader): void {
  const b = r.peek();
  if (b === 0x63 || b === 0x64) {
    r.u8();
    r.skipLeb();
  } else {
    r.skipLeb(); // 0x40, a value type, or a type index: all one s33
  }
}

function valType(r: Reader): void {
  const b = r.u8();
  if (b === 0x63 || b === 0x64) r.skipLeb();
}

export interface Instruction {
  readonly op: number;
  readonly banned?: string;
}

/** One shared result per opcode: a module holds millions of instructions, none allocates. */
const PLAIN: readonly Instruction[] = Array.from({ length: 256 }, (_, op) => Object.freeze({ op }));

/**
 * Reads one instruction. Returns its opcode (the prefix byte for prefixed ones) and, for a
 * banned instruction, its name.
 */
export function readInstruction(r: Reader): Instruction {
  const op = r.u8();
  switch (op) {
    case 0x02: case 0x03: case 0x04: case 0x06:
      blockType(r);
      break;
    case 0x07: case 0x08: case 0x09: case 0x0c: case 0x0d: case 0x10: case 0x12:
    case 0x14: case 0x15: case 0x18: case 0x20: case 0x21: case 0x22: case 0x23:
    case 0x24: case 0x25: case 0xd2: case 0xd5: case 0xd6:
      r.u32();
      break;
    case 0x26:
      r.u32();
      return { op, banned: 'table.set' };
    case 0x0e: {
      const n = r.u32();
      for (let i = 0; i <= n; i++) r.u32();
      break;
    }
    case 0x11: case 0x13:
      r.u32();
      r.u32();
      break;
    case 0x1c: {
      const n = r.u32();
      for (let i = 0; i < n; i++) valType(r);
      break;
    }
    case 0x1f: {
      blockType(r);
      const n = r.u32();
      for (let i = 0; i < n; i++) {
        const kind = r.u8();
        if (kind === 0 || kind === 1) r.u32();
        r.u32();
      }
      break;
    }
    case 0x3f: case 0x40:
      r.u32();
      break;
    case 0x41: r.skipLeb(); break;
    case 0x42: r.skipLeb(); break;
    case 0x43: r.skip(4); break;
    case 0x44: r.skip(8); break;
    case 0xd0: r.skipLeb(); break;
    case 0xfb: return withBanned(op, gcInstruction(r));
    case 0xfc: return withBanned(op, miscInstruction(r));
    case 0xfd: simdInstruction(r); break;
    case 0xfe: atomicInstruction(r); break;
    default:
      if (op >= 0x28 && op <= 0x3e) memarg(r);
      else if (!isPlain(op)) fail('INVALID_INPUT', `failed to parse Wasm: unknown opcode 0x${op.toString(16)} (at offset 0x${(r.pos - 1).toString(16)})`);
  }
  return PLAIN[op];
}

function withBanned(op: number, banned: string | undefined): Instruction {
  return banned ? { op, banned } : PLAIN[op];
}

/** Opcodes with no immediates. */
function isPlain(op: number): boolean {
  return (
    op <= 0x01 || op === 0x05 || op === 0x0a || op === 0x0b || op === 0x0f || op === 0x19 ||
    op === 0x1a || op === 0x1b || (op >= 0x45 && op <= 0xc4) || op === 0xd1 || op === 0xd3 || op === 0xd4
  );
}

function gcInstruction(r: Reader): string | undefined {
  const sub = r.u32();
  switch (sub) {
    case 0: case 1: case 6: case 7: case 11: case 12: case 13: case 14: case 16:
      r.u32();
      break;
    case 2: case 3: case 4: case 5: case 8: case 9: case 10: case 17: case 18: case 19:
      r.u32();
      r.u32();
      break;
    case 15: case 26: case 27: case 28: case 29: case 30:
      break;
    case 20: case 21: case 22: case 23:
      r.skipLeb();
      break;
    case 24: case 25:
      r.u8();
      r.u32();
      r.skipLeb();
      r.skipLeb();
      break;
    default:
      fail('INVALID_INPUT', `failed to parse Wasm: unknown 0xfb subopcode ${sub}`);
  }
  return BANNED_FB[sub];
}

function miscInstruction(r: Reader): string | undefined {
  const sub = r.u32();
  if (sub <= 7 || (sub >= 19 && sub <= 22)) return undefined;
  switch (sub) {
    case 8: case 10: case 12: case 14:
      r.u32();
      r.u32();
      break;
    case 9: case 11: case 13: case 15: case 16: case 17:
      r.u32();
      break;
    default:
      fail('INVALID_INPUT', `failed to parse Wasm: unknown 0xfc subopcode ${sub}`);
  }
  return BANNED_FC[sub];
}

/** Subopcodes inside 0xfd's range that no proposal assigns. */
const SIMD_UNASSIGNED = new Set([0x9a, 0xa2, 0xa5, 0xa6, 0xaf, 0xb0, 0xb2, 0xb3, 0xb4, 0xbb, 0xc2, 0xc5, 0xc6, 0xcf, 0xd0, 0xd2, 0xd3, 0xd4, 0xe2, 0xee]);

function simdInstruction(r: Reader): void {
  const sub = r.u32();
  if (SIMD_UNASSIGNED.has(sub)) fail('INVALID_INPUT', `failed to parse Wasm: unknown 0xfd subopcode ${sub}`);
  if (sub <= 11 || sub === 92 || sub === 93) memarg(r);
  else if (sub === 12 || sub === 13) r.skip(16);
  else if (sub >= 21 && sub <= 34) r.u8();
  else if (sub >= 84 && sub <= 91) {
    memarg(r);
    r.u8();
  } else if (sub > 0x113) fail('INVALID_INPUT', `failed to parse Wasm: unknown 0xfd subopcode ${sub}`);
}

function atomicInstruction(r: Reader): void {
  const sub = r.u32();
  if (sub === 3) r.u8();
  else if (sub <= 2 || (sub >= 0x10 && sub <= 0x4e)) memarg(r);
  else fail('INVALID_INPUT', `failed to parse Wasm: unknown 0xfe subopcode ${sub}`);
}

/** Scans a function body's instructions (after its locals) up to `end`; fails on a banned one. */
export function scanBody(r: Reader, end: number): void {
  while (r.pos < end) {
    const { banned } = readInstruction(r);
    if (banned) fail('UNSUPPORTED', `unsupported \`${banned}\` instruction`);
  }
}

/** Skips a constant expression up to and including its final `end`; returns its byte range. */
export function skipConstExpr(r: Reader): { start: number; end: number } {
  const start = r.pos;
  let depth = 0;
  for (;;) {
    const { op } = readInstruction(r);
    if (op === 0x02 || op === 0x03 || op === 0x04) depth++;
    else if (op === 0x0b && depth-- === 0) return { start, end: r.pos };
  }
}
