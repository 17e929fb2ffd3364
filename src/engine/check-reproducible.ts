/**
 * check-reproducible: pre-initialize twice, each time in a worker of its own whose TMPDIR is a
 * different scratch directory, and fail unless the bytes are the same. The error names the first
 * memory offset where the snapshots differ and the random or clock reads that returned different
 * values in the two runs (the likely causes), preferring one whose bytes sit at that offset.
 * Outside reproducible mode it also says whether turning that on would help, by trying it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { detectKind } from './binary.js';
import { fail } from './errors.js';
import { preinitializeIsolated, type IsolationLimits } from './isolate.js';
import { parseComponent } from './component/parse.js';
import { parseModule } from './parse.js';
import { Reader } from './binary.js';
import type { PreinitOptions, PreinitResult, WasiRead } from './types.js';

/** Returns the first run's result when both runs gave the same bytes. */
export async function checkReproducible(input: Uint8Array, options: PreinitOptions, limits: IsolationLimits = {}): Promise<PreinitResult> {
  const [a, b] = await twice(input, options, limits);
  if (Buffer.from(a.output).equals(Buffer.from(b.output))) {
    const { wasiReads, ...facts } = a.facts; // traced for the check, not asked for
    return { output: a.output, facts: options.traceWasi ? a.facts : facts };
  }
  let advice = '';
  if (!options.reproducible) {
    const [c, d] = await twice(input, { ...options, reproducible: true }, limits);
    advice = Buffer.from(c.output).equals(Buffer.from(d.output))
      ? '; with reproducible mode the two runs are identical: turn it on'
      : '; reproducible mode would not make them identical';
  }
  fail('NONDETERMINISTIC', `not reproducible: two runs gave different bytes; ${explain(a, b)}${advice}`);
}

async function twice(input: Uint8Array, options: PreinitOptions, limits: IsolationLimits): Promise<[PreinitResult, PreinitResult]> {
  const run = async () => {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'preinit-check-'));
    try {
      return await preinitializeIsolated(input, { ...options, traceWasi: true }, { ...limits, freshWorker: { env: { TMPDIR: scratch, TMP: scratch, TEMP: scratch } } });
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  };
  // One after the other: two inits at once could also differ by racing for the same files.
  const first = await run();
  return [first, await run()];
}

/** Where the outputs differ and which reads can explain it. */
function explain(a: PreinitResult, b: PreinitResult): string {
  const where = firstDifference(a.output, b.output);
  const differing = differingReads(a.facts.wasiReads ?? [], b.facts.wasiReads ?? []);
  const at = where.bytes ? differing.find((r) => Buffer.from(r.hex, 'hex').includes(where.bytes!)) : undefined;
  const causes = differing.length === 0
    ? 'no random or clock read differed between the runs, so the cause is outside WASI (e.g. relaxed SIMD, or state from the host)'
    : `WASI reads that returned different values: ${summarize(differing)}${at ? ` (the bytes at that offset come from ${at.call} call ${at.n})` : ''}`;
  return `first difference at ${where.text}; ${causes}`;
}

function differingReads(a: WasiRead[], b: WasiRead[]): WasiRead[] {
  const other = new Map(b.map((r) => [`${r.call}#${r.n}`, r.hex]));
  return a.filter((r) => other.get(`${r.call}#${r.n}`) !== r.hex);
}

/** `random_get call 1, clock_time_get calls 1-662`: runs of consecutive calls collapsed. */
function summarize(reads: WasiRead[]): string {
  const byCall = new Map<string, number[]>();
  for (const r of reads) byCall.set(r.call, [...(byCall.get(r.call) ?? []), r.n]);
  return [...byCall].map(([call, ns]) => {
    const runs: string[] = [];
    for (let i = 0; i < ns.length; i++) {
      let j = i;
      while (j + 1 < ns.length && ns[j + 1] === ns[j] + 1) j++;
      runs.push(i === j ? `${ns[i]}` : `${ns[i]}-${ns[j]}`);
      i = j;
    }
    return `${call} call${ns.length > 1 ? 's' : ''} ${runs.join(', ')}`;
  }).join(', ');
}

interface Difference {
  text: string;
  /** Four bytes of the first output from the differing offset on, to look for among the reads. */
  bytes?: Buffer;
}

function firstDifference(a: Uint8Array, b: Uint8Array): Difference {
  const modulesA = coreModules(a);
  const modulesB = coreModules(b);
  for (let m = 0; m < Math.min(modulesA.length, modulesB.length); m++) {
    const imageA = memoryImages(modulesA[m]);
    const imageB = memoryImages(modulesB[m]);
    for (const [memory, bytesA] of imageA) {
      const bytesB = imageB.get(memory) ?? new Uint8Array(0);
      const at = firstMismatch(bytesA, bytesB);
      if (at >= 0) {
        const inModule = modulesA.length > 1 ? ` of core module ${m}` : '';
        return { text: `memory ${memory}${inModule} offset 0x${at.toString(16)}`, bytes: Buffer.from(bytesA.subarray(at, at + 4)) };
      }
    }
  }
  return { text: `byte 0x${firstMismatch(a, b).toString(16)} of the output (outside the memories' data: a global or the module layout)` };
}

function coreModules(bytes: Uint8Array): Uint8Array[] {
  return detectKind(bytes) === 'component' ? parseComponent(bytes).modules.map((m) => m.bytes) : [bytes];
}

/** Each memory as its active data segments lay it out (the snapshot's segments use constant offsets). */
function memoryImages(bytes: Uint8Array): Map<number, Uint8Array> {
  const segments: Array<{ memory: number; offset: number; data: Uint8Array }> = [];
  for (const seg of parseModule(bytes, { allowImportedState: true }).data) {
    if (seg.passive) continue;
    const r = new Reader(bytes, seg.range.start, seg.range.end);
    if (r.u32() === 2) r.u32();
    const op = r.u8();
    if (op !== 0x41 && op !== 0x42) continue; // a global.get offset: not one of ours
    const offset = Number(r.sleb(op === 0x41 ? 32 : 64));
    if (r.u8() !== 0x0b) continue;
    segments.push({ memory: seg.memory, offset, data: r.take(r.u32()) });
  }
  const images = new Map<number, Uint8Array>();
  for (const memory of new Set(segments.map((s) => s.memory))) {
    const own = segments.filter((s) => s.memory === memory);
    const image = new Uint8Array(Math.max(...own.map((s) => s.offset + s.data.length)));
    for (const s of own) image.set(s.data, s.offset);
    images.set(memory, image);
  }
  return images;
}

function firstMismatch(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : n;
}
