/**
 * Stage 4, snapshot: read every instrumented global (exact bits) and memory, and turn memory into
 * data segments: maximal non-zero runs within each 64 KiB page, neighbours at most 4 bytes apart
 * merged (a new active segment costs at least 4 bytes), then capped at MAX_DATA_SEGMENTS by
 * merging the smallest gaps first.
 */
import { fail } from './errors.js';
import type { Instrumented } from './instrument.js';
import { EXTERNAL, VAL, type ParsedModule } from './parse.js';
import { selectLikeSortUnstable } from './rust-sort.js';
import type { MemoryFacts } from './types.js';

const MIN_SEGMENT_OVERHEAD = 4;
// Bound once: a global lookup of `Math` inside the scan loop is not optimized in some embedders
// (jest's test environment makes it 100x slower).
const { clz32, min } = Math;
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

/**
 * Ranges of one memory's bytes, in order and disjoint: `bytes` [start[i], end[i]) for i in
 * [first, last). The bytes are the live memory: valid as long as the instance is.
 */
export interface MemoryRanges {
  memory: number;
  bytes: Uint8Array;
  start: ArrayLike<number>;
  end: ArrayLike<number>;
  first: number;
  last: number;
}

/**
 * The snapshot's data segments in (memory, offset) order, as ranges of each memory with any:
 * parallel arrays, not an object and a view per segment, which for thousands of segments cost a
 * small run more (in allocation and collection) than finding them.
 */
export interface DataSegments {
  count: number;
  memories: SegmentsOfMemory[];
}

export interface SegmentsOfMemory extends MemoryRanges {
  /** Bytes of data these segments hold. */
  dataBytes: number;
}

/**
 * A defined table's entries, comparable across instances: a function as its index in the module
 * (imports by their import index), null as null, anything else by its JS type.
 */
export interface TableState {
  index: number;
  entries: Array<number | string | null>;
}

export interface Snapshot {
  globals: GlobalValue[];
  memories: MemoryState[];
  /** Not written to the output (the reference does not snapshot tables): verification checks them. */
  tables: TableState[];
  segments: DataSegments;
}

export type State = Pick<Snapshot, 'globals' | 'memories' | 'tables'>;

/** `imports`: what the instance was given, to name imported functions found in its tables. */
export function snapshot(instance: WebAssembly.Instance, mod: ParsedModule, instrumented: Instrumented, imports: WebAssembly.Imports): Snapshot {
  const state = captureState(instance, mod, instrumented, imports);
  return { ...state, segments: dataSegments(state.memories) };
}

/** Globals, memories and tables as they are now, without the data segments (what verification compares). */
export function captureState(
  instance: WebAssembly.Instance,
  mod: Pick<ParsedModule, 'memories' | 'imports'>,
  instrumented: Pick<Instrumented, 'globals' | 'memories' | 'tables'>,
  imports: WebAssembly.Imports,
): State {
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
  const imported = new Map<unknown, number>();
  for (const imp of mod.imports) if (imp.kind === EXTERNAL.func) imported.set(imports[imp.module]?.[imp.name], imported.size);
  const tables = instrumented.tables.map((probe): TableState => {
    const table = exports[probe.exportName] as WebAssembly.Table;
    const entries: TableState['entries'] = [];
    for (let i = 0; i < table.length; i++) entries.push(tableEntry(table.get(i), imported));
    return { index: probe.index, entries };
  });
  return { globals, memories, tables };
}

/**
 * V8 gives a wasm function's index in its own module as its `name`, and a JS import, once in a
 * table, as a wrapper named by its index here; a wasm function imported from elsewhere is itself.
 */
function tableEntry(value: unknown, imported: Map<unknown, number>): number | string | null {
  if (value === null) return null;
  if (typeof value !== 'function') return typeof value;
  return imported.get(value) ?? Number(value.name);
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
      fail('UNSUPPORTED', `unsupported global type 0x${type.toString(16)}`);
  }
}

/**
 * Runs as parallel typed arrays grown by doubling: a large memory holds millions of them, and
 * per-run objects or JS arrays cost more in allocation and garbage collection than the scan.
 * Offsets are u32 unless a memory is 4 GiB or more (then float64: its end does not fit), and
 * each memory's runs are one stretch, so a run stores no memory index: 8 bytes a run, not 20.
 */
class Runs {
  length = 0;
  start: Uint32Array | Float64Array;
  end: Uint32Array | Float64Array;
  /** Each memory with runs, in order: the index of its first run, and the bytes its runs hold. */
  readonly memories: Array<{ memory: number; first: number; bytes: number }> = [];

  constructor(readonly Offsets: Uint32ArrayConstructor | Float64ArrayConstructor, capacity = 1024) {
    this.start = new Offsets(capacity);
    this.end = new Offsets(capacity);
  }

  /**
   * Sized for the most runs the memories can hold (a run and the gap after it take 5 bytes at
   * least), up to 16 Mi: the pages of the arrays a scan never reaches are never touched, so
   * they cost address space, not memory, and the scan seldom regrows.
   */
  static for(byteLengths: number[]): Runs {
    const most = byteLengths.reduce((n, b) => n + Math.ceil(b / (MIN_SEGMENT_OVERHEAD + 1)), 0);
    return new Runs(byteLengths.every((n) => n < 2 ** 32) ? Uint32Array : Float64Array, Math.max(1024, Math.min(most, 2 ** 24)));
  }

  push(memory: number, start: number, end: number): void {
    let stretch = this.memories[this.memories.length - 1];
    if (stretch?.memory !== memory) {
      stretch = { memory, first: this.length, bytes: 0 };
      this.memories.push(stretch);
    }
    stretch.bytes += end - start;
    if (this.length === this.start.length) this.grow();
    this.start[this.length] = start;
    this.end[this.length] = end;
    this.length++;
  }

  /** A function from a run's index to its memory, for indexes asked in non-decreasing order. */
  memoryWalk(): (run: number) => number {
    let m = 0;
    return (run) => {
      while (m + 1 < this.memories.length && this.memories[m + 1].first <= run) m++;
      return this.memories[m].memory;
    };
  }

  private grow(): void {
    const start = new this.Offsets(this.length * 2);
    start.set(this.start);
    this.start = start;
    const end = new this.Offsets(this.length * 2);
    end.set(this.end);
    this.end = end;
  }
}

/** Non-zero runs of every memory, merged and capped. */
export function dataSegments(memories: MemoryState[]): DataSegments {
  const runs = Runs.for(memories.map((m) => m.bytes.length));
  for (const m of memories) collectRuns(m.index, m.bytes, runs);
  const bytes = new Map(memories.map((m) => [m.index, m.bytes]));
  const kept = capRuns(runs);
  return {
    count: kept.length,
    memories: kept.memories.map(({ memory, first, bytes: dataBytes }, k) => ({
      memory,
      bytes: bytes.get(memory)!,
      start: kept.start,
      end: kept.end,
      first,
      last: kept.memories[k + 1]?.first ?? kept.length,
      dataBytes,
    })),
  };
}

/** What each memory became; `defs`: the memories as the module defines them. */
export function memoryFacts(defs: ParsedModule['memories'], snap: Snapshot): MemoryFacts[] {
  return snap.memories.map((m, i) => ({
    index: m.index,
    pagesBefore: Number(defs[i].min),
    pagesAfter: Number(m.pages),
    pageSize: 2 ** defs[i].pageSizeLog2,
    dataBytes: segmentBytes(snap.segments, m.index),
  }));
}

/** Bytes of data the segments hold, of one memory or of all. */
export function segmentBytes(segments: DataSegments, memory?: number): number {
  return segments.memories.reduce((n, m) => (memory === undefined || m.memory === memory ? n + m.dataBytes : n), 0);
}

/**
 * Appends the non-zero runs of one memory, each merged with the previous one when the gap is at
 * most 4 bytes. The reference splits runs at 64 KiB boundaries, but a run cut there is merged
 * back at once (gap 0), so the boundaries can be ignored; and since the scan is in the
 * reference's (memory, offset) order, merging as we go is the same as merging afterwards.
 * Read a little-endian word at a time: a non-zero word's first and last non-zero bytes come from
 * its trailing and leading zero bits, and zeros inside one word are never a gap of 5. Whole zero
 * blocks (most of a memory, often) are passed over by one native compare each.
 */
function collectRuns(memory: number, bytes: Uint8Array, runs: Runs): void {
  const words = littleEndianWords(bytes);
  const buffer = Buffer.from(words.buffer, words.byteOffset, words.byteLength);
  let start = 0;
  let end = -MIN_SEGMENT_OVERHEAD - 1;
  for (let block = 0; block < words.length; block += ZERO_BLOCK_WORDS) {
    const stop = min(block + ZERO_BLOCK_WORDS, words.length);
    // A block with a non-zero end word has data: the compare (several calls deep) is for zero blocks.
    const whole = stop - block === ZERO_BLOCK_WORDS && words[block] === 0 && words[stop - 1] === 0;
    if (whole && buffer.compare(ZERO_BLOCK, 0, ZERO_BLOCK.length, block * 4, stop * 4) === 0) continue;
    for (let i = block; i < stop; i++) {
      const word = words[i];
      if (word === 0) continue;
      const at = i * 4;
      const first = at + ((31 - clz32(word & -word)) >>> 3);
      if (first - end > MIN_SEGMENT_OVERHEAD) {
        if (end >= 0) runs.push(memory, start, end);
        start = first;
      }
      end = at + 4 - (clz32(word) >>> 3);
    }
  }
  if (end >= 0) runs.push(memory, start, end);
}

const ZERO_BLOCK_WORDS = 256;
const ZERO_BLOCK = Buffer.alloc(ZERO_BLOCK_WORDS * 4);

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * The bytes as little-endian u32 words, the last one zero-padded: a view (faster to read than a
 * DataView) when the platform is little-endian and the bytes are whole aligned words, as a
 * memory's are unless its custom page size is under 4 bytes; else a copy.
 */
export function littleEndianWords(bytes: Uint8Array): Uint32Array {
  if (LITTLE_ENDIAN && bytes.byteOffset % 4 === 0 && bytes.length % 4 === 0) return new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
  const padded = new Uint8Array(Math.ceil(bytes.length / 4) * 4);
  padded.set(bytes);
  const view = new DataView(padded.buffer);
  return Uint32Array.from({ length: padded.length / 4 }, (_, i) => view.getUint32(i * 4, true));
}

/** Merges the smallest same-memory gaps until MAX_DATA_SEGMENTS runs remain. */
function capRuns(runs: Runs): Runs {
  const n = runs.length;
  if (n <= MAX_DATA_SEGMENTS) return runs;
  // Gaps have the offsets' type: u32 unless a memory is 4 GiB or more (fresh pages are costly).
  const gaps = new runs.Offsets(n - 1);
  const after = new Uint32Array(n - 1);
  // The runs a segment ends with: the last of each memory, and those before a gap left unmerged.
  const lasts: number[] = [];
  let count = 0;
  runs.memories.forEach(({ first }, m) => {
    const end = runs.memories[m + 1]?.first ?? n;
    for (let i = first; i + 1 < end; i++) {
      gaps[count] = runs.start[i + 1] - runs.end[i];
      after[count] = i;
      count++;
    }
    lasts.push(end - 1);
  });
  // Rust's unstable sort, as the reference uses: which of several equal gaps get merged depends on it.
  const merged = Math.min(n - MAX_DATA_SEGMENTS, count);
  selectLikeSortUnstable(gaps.subarray(0, count), after.subarray(0, count), merged);
  for (let k = merged; k < count; k++) lasts.push(after[k]);
  lasts.sort((a, b) => a - b);
  const out = new Runs(runs.Offsets);
  const memoryOfFirst = runs.memoryWalk();
  let first = 0;
  for (const last of lasts) {
    out.push(memoryOfFirst(first), runs.start[first], runs.end[last]);
    first = last + 1;
  }
  return out;
}
