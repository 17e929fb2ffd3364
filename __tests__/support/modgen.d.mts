/** Types for modgen.mjs (random modules for the differential generator). */
export interface Rng {
  next(): number;
  int(lo: number, hi: number): number;
  bool(p?: number): boolean;
  pick<T>(xs: readonly T[]): T;
  u32(): number;
  u64(): bigint;
  byte(pZero?: number): number;
}
export function rng(seed: number): Rng;

export interface GeneratedCase {
  wat: string;
  names: boolean;
  initFunc: string;
  keepInitFunc: boolean;
  renames: Array<{ dst: string; src: string }>;
  overCap: boolean;
  description: string;
}
export function generateModule(seed: number, options?: { overCap?: boolean }): GeneratedCase;
export function caseOptions(c: GeneratedCase): { refArgs: string[]; options: { initFunc?: string; keepInitFunc?: boolean; renames?: Array<{ dst: string; src: string }> } };
