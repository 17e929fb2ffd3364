/**
 * Stage 4, snapshot: read every instrumented global (exact bits) and memory, and turn memory into
 * data segments: maximal non-zero runs within each 64 KiB page, neighbours at most 4 bytes apart
 * merged (a new active segment costs at least 4 bytes), then capped at MAX_DATA_SEGMENTS by
 * merging the smallest gaps first.
 */
import { fail } from './errors.js';
import type { Instrumented } from './instrument.js';
import { VAL, type ParsedModule } from './parse.js';
import { sortUnstableByGap } from './rust-sort.js';

const SCAN_PAGE = 65536;
const MIN_SEGMENT_OVERHEAD = 4;
export const MAX_DATA_SEGMENTS = 10_000;

export interface GlobalValue {
  index: number;
  type: number;
  /** Raw bits: i32/f32 as u32, i64/f64 as u64, v128 as u128 (lane 0 low). */
  bits: bigint;
}

export interface MemoryState {
  index: number;
  /** Size after init, in pages of the memory's own page size. */
  pages: bigint;
  bytes: Uint8Array;
}

export interface DataSegment {
  memory: number;
  offset: number;
  /** A view into the live memory: valid as long as the instance is. */
  data: Uint8Array;
}

export interface Snapshot {
  globals: GlobalValue[];
  memories: MemoryState[];
  segments: DataSegment[];
}

export function snapshot(instance: WebAssembly.Instance, mod: ParsedModule, instrumented: Instrumented): Snapshot {
  const exports = instance.exports;
  const globals = instrumented.globals.map((probe): GlobalValue => {
    const target = exports[probe.exportName];
    const value = probe.viaGetter ? (target as () => unknown)() : (target as WebAssembly.Global).value;
    return { index: probe.index, type: probe.type, bits: toBits(probe.type, value) };
  });
  const memories = instrumented.memories.map((probe, i): MemoryState => {
    const memory = exports[probe.exportName] as WebAssembly.Memory;
    const bytes = new Uint8Array(memory.buffer);
    const pageSize = 2 ** mod.memories[i].pageSizeLog2;
    return { index: probe.index, pages: BigInt(Math.floor(bytes.length / pageSize)), bytes };
  });
  return { globals, memories, segments: dataSegments(memories) };
}

function toBits(type: number, value: unknown): bigint {
  switch (type) {
    case VAL.i32:
    case VAL.f32:
      return BigInt((value as number) >>> 0);
    case VAL.i64:
    case VAL.f64:
      return BigInt.asUintN(64, value as bigint);
    case VAL.v128: {
      const [lo, hi] = value as [bigint, bigint];
      return (BigInt.asUintN(64, hi) << 64n) | BigInt.asUintN(64, lo);
    }
    default:
      fail(`unsupported global type 0x${type.toString(16)}`);
  }
}

/** Non-zero runs of every memory, merged and capped. */
export function dataSegments(memories: MemoryState[]): DataSegment[] {
  const runs: DataSegment[] = [];
  for (const m of memories) {
    for (const [start, end] of nonZeroRuns(m.bytes)) runs.push({ memory: m.index, offset: start, data: m.bytes.subarray(start, end) });
  }
  return capSegments(mergeClose(runs));
}

/** Maximal runs of non-zero bytes, never crossing a 64 KiB boundary, skipping zero words fast. */
export function nonZeroRuns(bytes: Uint8Array): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  const words = bytes.byteOffset % 4 === 0 ? new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >>> 2) : undefined;
  for (let page = 0; page < bytes.length; page += SCAN_PAGE) {
    const pageEnd = Math.min(page + SCAN_PAGE, bytes.length);
    let i = page;
    while (i < pageEnd) {
      if (words && (i & 3) === 0 && i + 4 <= pageEnd && words[i >>> 2] === 0) {
        i += 4;
        continue;
      }
      if (bytes[i] === 0) {
        i++;
        continue;
      }
      const start = i;
      while (i < pageEnd && bytes[i] !== 0) i++;
      runs.push([start, i]);
    }
  }
  return runs;
}

function gap(a: DataSegment, b: DataSegment): number {
  return b.offset - (a.offset + a.data.length);
}

function merge(a: DataSegment, b: DataSegment, memoryBytes: Uint8Array): DataSegment {
  return { memory: a.memory, offset: a.offset, data: memoryBytes.subarray(a.offset, b.offset + b.data.length) };
}

/** The backing memory of a segment (its data is a view into it). */
function backing(s: DataSegment): Uint8Array {
  return new Uint8Array(s.data.buffer);
}

function mergeClose(runs: DataSegment[]): DataSegment[] {
  const merged: DataSegment[] = [];
  for (const run of runs) {
    const last = merged[merged.length - 1];
    if (last && last.memory === run.memory && gap(last, run) <= MIN_SEGMENT_OVERHEAD) {
      merged[merged.length - 1] = merge(last, run, backing(last));
    } else {
      merged.push(run);
    }
  }
  return merged;
}

function capSegments(segments: DataSegment[]): DataSegment[] {
  if (segments.length <= MAX_DATA_SEGMENTS) return segments;
  const gaps: Array<{ gap: number; index: number }> = [];
  for (let i = 0; i + 1 < segments.length; i++) {
    if (segments[i].memory === segments[i + 1].memory) gaps.push({ gap: gap(segments[i], segments[i + 1]), index: i });
  }
  // Rust's unstable sort, as the reference uses: which of several equal gaps get merged depends on it.
  sortUnstableByGap(gaps);
  const mergeAfter = new Set(gaps.slice(0, segments.length - MAX_DATA_SEGMENTS).map((g) => g.index));
  const out: DataSegment[] = [];
  for (let i = 0; i < segments.length; i++) {
    const last = out[out.length - 1];
    out.push(i > 0 && mergeAfter.has(i - 1) ? merge(out.pop()!, segments[i], backing(last)) : segments[i]);
  }
  return out;
}
