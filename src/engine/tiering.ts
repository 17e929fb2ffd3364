/**
 * V8's wasm tiering, chosen per module. A module compiled while `--liftoff-only` is on stays in
 * Liftoff code: the flag is process-wide (worker threads too) and read when a module compiles, so
 * it is on for that compile only. Left alone when the user gave Node a liftoff or tier-up flag.
 *
 * Tier-up recompiles hot functions with TurboFan on background threads. For a large guest whose
 * init runs once, that competes with init for the cores and is thrown away with the instance;
 * a small, compute-bound init gains from it (farm-bench, CLI, median ratio of the wall time
 * with Liftoff only to without, Node 20 / Node 24: ruby.wasm 0.77 / 0.81 with 70 MB less peak,
 * rust-regex 0.88 / 1.00, rust-uap 0.99 / 0.96, gen-compute 1.04 / 1.03).
 */
import { lazyBuiltin } from './builtins.js';

const v8 = lazyBuiltin<typeof import('node:v8')>('node:v8');

/** Guests with at least this much code are compiled Liftoff-only (rust-regex has 472 KiB). */
export const LIFTOFF_ONLY_FROM = 256 * 1024;

export async function liftoffOnly<T>(compile: () => T | Promise<T>): Promise<T> {
  const chosen = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some((a) => /liftoff|tier/.test(a));
  if (chosen) return compile();
  v8().setFlagsFromString('--liftoff-only');
  try {
    return await compile();
  } finally {
    v8().setFlagsFromString('--no-liftoff-only');
  }
}
