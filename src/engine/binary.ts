/** Bounds-checked reading and minimal-LEB writing of the wasm binary format. */
import fs from 'node:fs';
import { fail } from './errors.js';

const decoder = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

export function malformedAt(pos: number, what: string): never {
  fail('INVALID_INPUT', `failed to parse Wasm: ${what} (at offset 0x${pos.toString(16)})`);
}

/** Past the LEB128 at `pos` (its value unread), on the bytes themselves: scans call it per instruction. */
export function skipLeb(bytes: Uint8Array, pos: number, end: number): number {
  let n = 0;
  for (;;) {
    if (pos >= end) malformedAt(pos, 'unexpected end of section or function');
    if (!(bytes[pos++] & 0x80)) return pos;
    if (++n > 10) malformedAt(pos, 'integer representation too long');
  }
}

export class Reader {
  pos: number;
  constructor(
    readonly bytes: Uint8Array,
    start = 0,
    readonly end = bytes.length,
  ) {
    this.pos = start;
  }

  get done(): boolean {
    return this.pos >= this.end;
  }

  private malformed(what: string): never {
    malformedAt(this.pos, what);
  }

  u8(): number {
    if (this.pos >= this.end) this.malformed('unexpected end of section or function');
    return this.bytes[this.pos++];
  }

  peek(): number {
    if (this.pos >= this.end) this.malformed('unexpected end of section or function');
    return this.bytes[this.pos];
  }

  /** Unsigned LEB128 of at most `bits` bits, as a number (u32) . */
  u32(): number {
    // One byte is by far the most common case (indexes, alignments, lane numbers).
    if (this.pos < this.end && this.bytes[this.pos] < 0x80) return this.bytes[this.pos++];
    let result = 0;
    let shift = 0;
    for (;;) {
      const byte = this.u8();
      if (shift === 28 && byte & 0x70) this.malformed('invalid var_u32: integer too large');
      result += (byte & 0x7f) * 2 ** shift;
      if (!(byte & 0x80)) return result;
      shift += 7;
      if (shift > 28) this.malformed('invalid var_u32: integer representation too long');
    }
  }

  /** Unsigned LEB128 up to 64 bits (memory64 limits and offsets). */
  u64(): bigint {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      const byte = this.u8();
      result |= BigInt(byte & 0x7f) << shift;
      if (!(byte & 0x80)) return result;
      shift += 7n;
      if (shift > 63n) this.malformed('invalid var_u64: integer representation too long');
    }
  }

  /** Signed LEB128 of at most `bits` bits. */
  sleb(bits: number): bigint {
    let result = 0n;
    let shift = 0n;
    let byte: number;
    do {
      byte = this.u8();
      result |= BigInt(byte & 0x7f) << shift;
      shift += 7n;
      if (shift > BigInt(bits + 6)) this.malformed(`invalid var_s${bits}: integer representation too long`);
    } while (byte & 0x80);
    if (shift < 64n && byte & 0x40) result -= 1n << shift;
    return BigInt.asIntN(bits, result);
  }

  skipLeb(): void {
    this.pos = skipLeb(this.bytes, this.pos, this.end);
  }

  take(n: number): Uint8Array {
    if (n > this.end - this.pos) this.malformed('unexpected end');
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  skip(n: number): void {
    if (n > this.end - this.pos) this.malformed('unexpected end');
    this.pos += n;
  }

  name(): string {
    const bytes = this.take(this.u32());
    try {
      return decoder.decode(bytes);
    } catch {
      this.malformed('malformed UTF-8 encoding');
    }
  }
}

/** Bytes of an unsigned LEB128. */
export function u32Size(value: number): number {
  let n = 1;
  while (value >= 0x80) {
    value = Math.floor(value / 128);
    n++;
  }
  return n;
}

/** Bytes of a minimal signed LEB128. */
export function slebSize(value: bigint): number {
  let n = 1;
  while (value >= 64n || value < -64n) {
    value >>= 7n;
    n++;
  }
  return n;
}

/** Bytes of a minimal signed LEB128 of an int32 (`Writer.sleb32`). */
export function sleb32Size(value: number): number {
  let v = value | 0;
  let n = 1;
  while (v >= 64 || v < -64) {
    v >>= 7;
    n++;
  }
  return n;
}

/** A section payload written straight into the output, for payloads as large as a memory. */
export interface StreamedPayload {
  length: number;
  writeTo(w: Writer): void;
}

/** Above this many bytes, finish() returns a view instead of a copy (see there). */
const VIEW_THRESHOLD = 1 << 20;

/** Up to this many bytes, `Writer.range` copies without a view. */
const SHORT_RANGE = 32;

/** Growable byte buffer that emits the binary format. */
export class Writer {
  private buf: Uint8Array;
  /** Bytes in the buffer. */
  length = 0;

  /** `capacity`: bytes to reserve up front; a good estimate avoids copies when the output is large. */
  constructor(capacity = 256) {
    this.buf = new Uint8Array(Math.max(16, capacity));
  }

  /** The bytes in the buffer, as a view (FileWriter writes them out). */
  protected staged(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }

  private reserve(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  byte(b: number): this {
    this.reserve(1);
    this.buf[this.length++] = b;
    return this;
  }

  bytes(b: Uint8Array): this {
    this.reserve(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
    return this;
  }

  /**
   * `src` [start, end). A short range is copied a byte at a time: a view per range costs more
   * when a snapshot writes thousands of them.
   */
  range(src: Uint8Array, start: number, end: number): this {
    if (end - start > SHORT_RANGE) return this.bytes(src.subarray(start, end));
    this.reserve(end - start);
    const buf = this.buf;
    let at = this.length;
    for (let i = start; i < end; i++) buf[at++] = src[i];
    this.length = at;
    return this;
  }

  u32(value: number): this {
    let v = value >>> 0;
    do {
      let b = v & 0x7f;
      v >>>= 7;
      if (v !== 0) b |= 0x80;
      this.byte(b);
    } while (v !== 0);
    return this;
  }

  u64(value: bigint): this {
    let v = BigInt.asUintN(64, value);
    do {
      let b = Number(v & 0x7fn);
      v >>= 7n;
      if (v !== 0n) b |= 0x80;
      this.byte(b);
    } while (v !== 0n);
    return this;
  }

  /** Signed LEB128, minimal. */
  sleb(value: bigint): this {
    let v = value;
    for (;;) {
      const b = Number(v & 0x7fn);
      v >>= 7n;
      const signBit = (b & 0x40) !== 0;
      if ((v === 0n && !signBit) || (v === -1n && signBit)) {
        this.byte(b);
        return this;
      }
      this.byte(b | 0x80);
    }
  }

  /** Signed LEB128 of an int32, minimal, in number arithmetic: data offsets come by the thousand, and BigInt is slow in cold code. */
  sleb32(value: number): this {
    let v = value | 0;
    for (;;) {
      const b = v & 0x7f;
      v >>= 7;
      if ((v === 0 && !(b & 0x40)) || (v === -1 && b & 0x40)) return this.byte(b);
      this.byte(b | 0x80);
    }
  }

  name(s: string): this {
    const b = encoder.encode(s);
    return this.u32(b.length).bytes(b);
  }

  /** A section: id, minimal size LEB, payload. */
  section(id: number, payload: Uint8Array): this {
    return this.byte(id).u32(payload.length).bytes(payload);
  }

  /**
   * The bytes written. A large result is a view of the buffer rather than a copy: snapshots can
   * be as large as memory, and a copy at every layer multiplied peak memory (the unused tail of
   * a doubled buffer is never touched, so it costs address space, not memory). The writer must
   * not be used after finish().
   */
  finish(): Uint8Array {
    if (this.length === this.buf.length || this.length >= VIEW_THRESHOLD) return this.buf.subarray(0, this.length);
    return this.buf.slice(0, this.length);
  }

  /** Every byte written so far. */
  get written(): number {
    return this.length;
  }
}

/**
 * A Writer that goes straight to an open file: small writes are staged in one buffer, flushed
 * each time it fills, and large runs (a memory's bytes) are written from the caller's view. An
 * output as large as a memory never exists as one buffer. `hash`, when given, sees every byte.
 */
export class FileWriter extends Writer {
  private flushed = 0;

  constructor(
    private readonly fd: number,
    private readonly hash?: { update(b: Uint8Array): unknown },
  ) {
    super(FILE_STAGE);
  }

  override bytes(b: Uint8Array): this {
    if (b.length < FILE_DIRECT) {
      super.bytes(b);
      if (this.length >= FILE_STAGE) this.flush();
      return this;
    }
    this.flush();
    this.put(b);
    return this;
  }

  override range(src: Uint8Array, start: number, end: number): this {
    super.range(src, start, end);
    if (this.length >= FILE_STAGE) this.flush();
    return this;
  }

  override get written(): number {
    return this.flushed + this.length;
  }

  /** Writes out what is staged; call once done. */
  flush(): void {
    if (this.length === 0) return;
    this.put(this.staged());
    this.length = 0;
  }

  private put(b: Uint8Array): void {
    this.hash?.update(b);
    for (let at = 0; at < b.length; ) at += fs.writeSync(this.fd, b, at, b.length - at);
    this.flushed += b.length;
  }
}

const FILE_STAGE = 1 << 20;
const FILE_DIRECT = 1 << 16;

export const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d];
export const MODULE_VERSION = [0x01, 0x00, 0x00, 0x00];
export const COMPONENT_VERSION = [0x0d, 0x00, 0x01, 0x00];

/** What the 8-byte preamble says the bytes are. */
export function detectKind(bytes: Uint8Array): 'module' | 'component' | 'wat' | 'unknown-version' | 'unknown' {
  const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (bytes.length >= 8 && starts(WASM_MAGIC)) {
    if (starts([...WASM_MAGIC, ...MODULE_VERSION])) return 'module';
    if (starts([...WASM_MAGIC, ...COMPONENT_VERSION])) return 'component';
    return 'unknown-version';
  }
  return watKind(bytes) ? 'wat' : 'unknown';
}

/** What WAT text defines, from its first form: a module or a component (undefined: not WAT). */
export function watKind(bytes: Uint8Array): 'module' | 'component' | undefined {
  const head = new TextDecoder().decode(bytes.subarray(0, 256)).replace(/^\uFEFF/, '');
  return /^(?:\s|;;[^\n]*\n|\(;[\s\S]*?;\))*\((module|component)\b/.exec(head)?.[1] as 'module' | 'component' | undefined;
}

/** The bytes as a view of a plain ArrayBuffer, which the WebAssembly API requires. */
export function bufferSource(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}
