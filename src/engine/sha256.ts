/**
 * SHA-256, node:crypto loaded at the first digest: a small file's run digests nothing (lean
 * verification, reproducible mode and reports do), and loading it costs the CLI 4 ms.
 */
import type { Hash } from 'node:crypto';
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);
let crypto: typeof import('node:crypto') | undefined;

export function sha256(): Hash {
  crypto ??= load('node:crypto') as typeof import('node:crypto');
  return crypto.createHash('sha256');
}
