/** Types for mutate.mjs (mutation fuzzing support). */
export const SEED_WATS: Record<string, string>;
export interface Section { id: number; start: number; sizeAt: number; payload: number; end: number }
export function sections(bytes: Uint8Array): Section[];
export const OPERATORS: string[];
export interface Mutant { bytes: Uint8Array; op: string; at: number; section: number }
export function mutate(bytes: Uint8Array, seed: number): Mutant;
