/**
 * Stage 5, rewrite: emit the initialized module. Memories get their post-init minimums, mutable
 * globals constant initializers, original active data segments become empty passive ones (so
 * every data index stays valid), the snapshot is appended as active segments, the start function
 * is dropped and exports are edited. Every other section is copied byte for byte.
 */
import { Writer, sleb32Size, slebSize, u32Size, type FileWriter, type StreamedPayload } from './binary.js';
import { assemble, assembleTo, vector, type Payload } from './assemble.js';
import { fail } from './errors.js';
import { SECTION, VAL, findSection, type ParsedModule } from './parse.js';
import type { Snapshot } from './snapshot.js';

export interface RewriteOptions {
  /**
   * How to edit exports: `wizer` drops the init export (unless keepInitFunc) and `_initialize`
   * and applies renames; `keep` leaves them all (a module inside a component, whose exports the
   * component refers to by name).
   */
  exports: 'wizer' | 'keep';
  initFunc?: string;
  keepInitFunc?: boolean;
  renames?: Array<{ dst: string; src: string }>;
}

export function rewrite(mod: ParsedModule, snap: Snapshot, options: RewriteOptions): Uint8Array {
  return assemble(mod, edits(mod, snap, options));
}

/** As `rewrite`, written to `out` as it is made, the snapshot's data straight from the memories; returns the size. */
export function rewriteTo(mod: ParsedModule, snap: Snapshot, options: RewriteOptions, out: FileWriter): number {
  return assembleTo(mod, edits(mod, snap, options), out);
}

function edits(mod: ParsedModule, snap: Snapshot, options: RewriteOptions): Map<number, Payload | null> {
  const edits = new Map<number, Payload | null>();
  if (findSection(mod, SECTION.memory)) edits.set(SECTION.memory, memorySection(mod, snap));
  if (findSection(mod, SECTION.global)) edits.set(SECTION.global, globalSection(mod, snap));
  edits.set(SECTION.start, null);
  edits.set(SECTION.data, dataSection(mod, snap));
  if (mod.dataCount !== undefined) edits.set(SECTION.dataCount, new Writer().u32(mod.data.length + snap.segments.count).finish());
  if (options.exports === 'wizer' && findSection(mod, SECTION.export)) edits.set(SECTION.export, exportSection(mod, options));
  return edits;
}

function memorySection(mod: ParsedModule, snap: Snapshot): Uint8Array {
  const w = new Writer();
  mod.memories.forEach((m, i) => {
    w.byte(m.flags).u64(snap.memories[i].pages);
    if (m.max !== undefined) w.u64(m.max);
    if (m.flags & 8) w.u32(m.pageSizeLog2);
  });
  return vector(mod.memories.length, w.finish());
}

function globalSection(mod: ParsedModule, snap: Snapshot): Uint8Array {
  const values = new Map(snap.globals.map((g) => [g.index, g.bits]));
  const w = new Writer();
  mod.globals.forEach((g, i) => {
    w.bytes(mod.bytes.subarray(g.typeRange.start, g.typeRange.end));
    const bits = values.get(mod.importedGlobals + i);
    if (bits === undefined) w.bytes(mod.bytes.subarray(g.init.start, g.init.end));
    else constExpr(w, g.type, bits);
  });
  return vector(mod.globals.length, w.finish());
}

function constExpr(w: Writer, type: number, bits: bigint): void {
  switch (type) {
    case VAL.i32: w.byte(0x41).sleb(BigInt.asIntN(32, bits)); break;
    case VAL.i64: w.byte(0x42).sleb(BigInt.asIntN(64, bits)); break;
    case VAL.f32: w.byte(0x43).bytes(littleEndian(bits, 4)); break;
    case VAL.f64: w.byte(0x44).bytes(littleEndian(bits, 8)); break;
    case VAL.v128: w.byte(0xfd).u32(12).bytes(littleEndian(bits, 16)); break;
    default: fail('UNSUPPORTED', `unsupported global type 0x${type.toString(16)}`);
  }
  w.byte(0x0b);
}

function littleEndian(bits: bigint, size: number): Uint8Array {
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) out[i] = Number((bits >> BigInt(8 * i)) & 0xffn);
  return out;
}

/** Streamed: the snapshot's data can be as large as memory, and goes from memory to output once. */
function dataSection(mod: ParsedModule, snap: Snapshot): StreamedPayload {
  const memory64 = new Map(mod.memories.map((m, i) => [mod.importedMemories + i, m.memory64]));
  const { count, memories } = snap.segments;
  const total = mod.data.length + count;
  let length = u32Size(total);
  for (const seg of mod.data) length += seg.passive ? seg.range.end - seg.range.start : 2;
  for (const { memory, start, end, first, last } of memories) {
    // Flags (and a memory index unless 0), offset expression, end, size, data.
    const fixed = (memory === 0 ? 1 : 1 + u32Size(memory)) + 2;
    const wide = memory64.get(memory);
    for (let i = first; i < last; i++) {
      const size = end[i] - start[i];
      // An offset in a 32-bit memory is an i32.const: from 2 GiB up it is negative.
      length += fixed + (wide ? slebSize(BigInt(start[i])) : sleb32Size(start[i])) + u32Size(size) + size;
    }
  }
  return {
    length,
    writeTo(w) {
      w.u32(total);
      for (const seg of mod.data) {
        if (seg.passive) w.bytes(mod.bytes.subarray(seg.range.start, seg.range.end));
        else w.u32(1).u32(0);
      }
      for (const { memory, bytes, start, end, first, last } of memories) {
        const wide = memory64.get(memory);
        for (let i = first; i < last; i++) {
          if (memory === 0) w.byte(0);
          else w.byte(2).u32(memory);
          if (wide) w.byte(0x42).sleb(BigInt(start[i]));
          else w.byte(0x41).sleb32(start[i]);
          w.byte(0x0b).u32(end[i] - start[i]).range(bytes, start[i], end[i]);
        }
      }
    },
  };
}

function exportSection(mod: ParsedModule, options: RewriteOptions): Uint8Array {
  const renames = checkRenames(options.renames ?? []);
  const dsts = new Set(renames.values());
  const w = new Writer();
  let count = 0;
  for (const e of mod.exports) {
    if (e.name === '_initialize') continue;
    if (e.name === options.initFunc && !options.keepInitFunc) continue;
    // Overwritten by a rename, unless it is itself renamed away (`-r a=b -r b=a` swaps them).
    if (dsts.has(e.name) && !renames.has(e.name)) continue;
    const dst = renames.get(e.name);
    w.name(dst ?? e.name).byte(e.kind).u32(e.index);
    count++;
  }
  return vector(count, w.finish());
}

/** src -> dst; a name used twice as a source or as a destination is an error. */
export function checkRenames(renames: Array<{ dst: string; src: string }>): Map<string, string> {
  const bySrc = new Map<string, string>();
  const dsts = new Set<string>();
  for (const { dst, src } of renames) {
    if (dsts.has(dst)) fail('USAGE', `Duplicated function rename dst ${dst}`);
    if (bySrc.has(src)) fail('USAGE', `Duplicated function rename src ${src}`);
    dsts.add(dst);
    bySrc.set(src, dst);
  }
  return bySrc;
}
