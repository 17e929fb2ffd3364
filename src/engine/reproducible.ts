/**
 * Reproducible mode: whatever init can learn through WASI that differs from run to run or from
 * machine to machine comes from fixed sources instead. Random bytes are a stream seeded by
 * `seed`; every clock starts at the epoch (SOURCE_DATE_EPOCH, the reproducible-builds.org
 * convention, else a fixed date) and moves by a fixed step per read; file metadata from
 * preopens is normalized. The WASI hosts (wasi.ts, component/wasi.ts) draw on this module.
 */
import type fs from 'node:fs';
import path from 'node:path';
import { fail } from './errors.js';
import { sha256 } from './sha256.js';
import type { PreinitOptions } from './types.js';

export const DEFAULT_SEED = 0n;
/** 2000-01-01T00:00:00Z, in seconds: where the clocks start without SOURCE_DATE_EPOCH. */
export const DEFAULT_EPOCH = 946_684_800;
/** Each clock read moves time on by 1 ms, so a loop waiting for time to pass still ends. */
export const CLOCK_STEP_NS = 1_000_000n;

export interface Reproducible {
  seed: bigint;
  /** Seconds since 1970. */
  epoch: number;
}

/** The epoch SOURCE_DATE_EPOCH gives, if it is set (a whole number of seconds). */
export function sourceDateEpoch(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const text = env.SOURCE_DATE_EPOCH;
  if (text === undefined || text === '') return undefined;
  if (!/^\d+$/.test(text)) fail('USAGE', `invalid SOURCE_DATE_EPOCH \`${text}\`: expected a whole number of seconds since 1970`);
  return Number(text);
}

/** The settings reproducible mode runs with, or undefined when it is off; refuses what would leak the host. */
export function reproducibleSettings(options: PreinitOptions): Reproducible | undefined {
  if (!options.reproducible) {
    if (options.seed !== undefined) fail('USAGE', 'a seed is only used in reproducible mode, which is off');
    return undefined;
  }
  const seed = BigInt(options.seed ?? DEFAULT_SEED);
  if (seed < 0n || seed >= 1n << 64n) fail('USAGE', `invalid seed ${seed}: expected a whole number from 0 to 2^64-1`);
  for (const p of options.preopens ?? []) {
    // `--dir D` shows the guest the host's own path, which differs from machine to machine.
    if (path.isAbsolute(p.guest) && path.resolve(p.guest) === path.resolve(p.host)) {
      fail('USAGE', `the preopen \`${p.guest}\` shows the guest a host path, which differs between machines: in reproducible mode give it a fixed guest path (--mapdir GUEST::HOST)`);
    }
  }
  return { seed, epoch: options.epoch ?? sourceDateEpoch() ?? DEFAULT_EPOCH };
}

/** A deterministic byte stream: SHA-256 of (label, seed, block counter), block after block. */
export class RandomStream {
  private block = 0n;
  private buffered: Uint8Array = new Uint8Array(0);

  constructor(private readonly seed: bigint, private readonly label = 'random') {}

  fill(target: Uint8Array): void {
    let at = 0;
    while (at < target.length) {
      if (this.buffered.length === 0) this.buffered = this.nextBlock();
      const n = Math.min(this.buffered.length, target.length - at);
      target.set(this.buffered.subarray(0, n), at);
      this.buffered = this.buffered.subarray(n);
      at += n;
    }
  }

  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    this.fill(out);
    return out;
  }

  u64(): bigint {
    return new DataView(this.bytes(8).buffer).getBigUint64(0, true);
  }

  private nextBlock(): Uint8Array {
    const counter = new DataView(new ArrayBuffer(16));
    counter.setBigUint64(0, this.seed, true);
    counter.setBigUint64(8, this.block++, true);
    return new Uint8Array(sha256().update(`preinit ${this.label}\0`).update(new Uint8Array(counter.buffer)).digest());
  }
}

/** One time line for every clock (wall, monotonic, CPU): the epoch, then a step per read. */
export class FixedClock {
  private ns: bigint;

  constructor(epoch: number) {
    this.ns = BigInt(epoch) * 1_000_000_000n;
  }

  /** Reads the clock: the current time, then time moves on by one step. */
  read(): bigint {
    const now = this.ns;
    this.ns += CLOCK_STEP_NS;
    return now;
  }

  /** A sleep until `ns` returns at once, with the clock moved there. */
  advanceTo(ns: bigint): void {
    if (ns > this.ns) this.ns = ns;
  }

  peek(): bigint {
    return this.ns;
  }
}

/** The metadata of a preopened file the guest sees (named as in Node's stats). */
export type FileMetadata = Pick<fs.BigIntStats, 'dev' | 'ino' | 'nlink' | 'size' | 'atimeNs' | 'mtimeNs' | 'ctimeNs'>;

/**
 * Device = the preopen's position + 1, inode = a hash of the path below the preopen, one link,
 * directories of size 0 (their size depends on the file system), every time the epoch.
 */
export function stableMetadata(settings: Reproducible, preopen: number, relative: string, st: fs.BigIntStats): FileMetadata {
  const time = BigInt(settings.epoch) * 1_000_000_000n;
  return {
    dev: BigInt(preopen + 1),
    ino: stableIno(relative),
    nlink: 1n,
    size: st.isDirectory() ? 0n : st.size,
    atimeNs: time,
    mtimeNs: time,
    ctimeNs: time,
  };
}

export function stableIno(relative: string): bigint {
  const key = relative.split(path.sep).filter(Boolean).join('/');
  return sha256().update(key).digest().readBigUInt64LE(0);
}

/** Directory entries in byte order of their UTF-8 names (the host's order is its file system's). */
export function sortNames(names: string[]): string[] {
  return [...names].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
}
