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
  const state = captureState(instance, mod, instrumented);
  return { ...state, segments: dataSegments(state.memories) };
}

/** Globals and memories as they are now, without the data segments (what verification compares). */
export function captureState(instance: WebAssembly.Instance, mod: Pick<ParsedModule, 'memories'>, instrumented: Pick<Instrumented, 'globals' | 'memories'>): Pick<Snapshot, 'globals' | 'memories'> {
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
  return { globals, memories };
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

/**
 * Runs as parallel number arrays: a large memory can hold millions of them, and one object or
 * typed-array view per run costs far more in garbage collection than the scan itself.
 */
interface Runs {
  memory: number[];
  start: number[];
  end: number[];
}

/** Non-zero runs of every memory, merged and capped, as views into the memories. */
export function dataSegments(memories: MemoryState[]): DataSegment[] {
  const runs: Runs = { memory: [], start: [], end: [] };
  for (const m of memories) collectRuns(m.index, m.bytes, runs);
  const bytes = new Map(memories.map((m) => [m.index, m.bytes]));
  const kept = capRuns(runs);
  return kept.start.map((start, i) => ({ memory: kept.memory[i], offset: start, data: bytes.get(kept.memory[i])!.subarray(start, kept.end[i]) }));
}

/**
 * Appends the maximal non-zero runs of one memory, never crossing a 64 KiB boundary (zero words
 * skipped fast), merging each with the previous one when the gap is at most 4 bytes: the scan
 * order is the reference's (memory, offset) order, so merging as we go is the same.
 */
function collectRuns(memory: number, bytes: Uint8Array, runs: Runs): void {
  const words = bytes.byteOffset % 4 === 0 ? new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >>> 2) : undefined;
  const first = runs.start.length;
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
      const last = runs.end.length - 1;
      if (last >= first && start - runs.end[last] <= MIN_SEGMENT_OVERHEAD) {
        runs.end[last] = i;
      } else {
        runs.memory.push(memory);
        runs.start.push(start);
        runs.end.push(i);
      }
    }
  }
}

/** Merges the smallest same-memory gaps until MAX_DATA_SEGMENTS runs remain. */
function capRuns(runs: Runs): Runs {
  const n = runs.start.length;
  if (n <= MAX_DATA_SEGMENTS) return runs;
  const gaps: Array<{ gap: number; index: number }> = [];
  for (let i = 0; i + 1 < n; i++) {
    if (runs.memory[i] === runs.memory[i + 1]) gaps.push({ gap: runs.start[i + 1] - runs.end[i], index: i });
  }
  // Rust's unstable sort, as the reference uses: which of several equal gaps get merged depends on it.
  sortUnstableByGap(gaps);
  const mergeAfter = new Uint8Array(n);
  for (let k = 0; k < n - MAX_DATA_SEGMENTS && k < gaps.length; k++) mergeAfter[gaps[k].index] = 1;
  const out: Runs = { memory: [], start: [], end: [] };
  for (let i = 0; i < n; i++) {
    if (i > 0 && mergeAfter[i - 1]) {
      out.end[out.end.length - 1] = runs.end[i];
    } else {
      out.memory.push(runs.memory[i]);
      out.start.push(runs.start[i]);
      out.end.push(runs.end[i]);
    }
  }
  return out;
}
