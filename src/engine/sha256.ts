/** SHA-256, for lean verification, reproducible mode and reports (a small file's run digests nothing). */
import type { Hash } from 'node:crypto';
import { lazyBuiltin } from './builtins.js';

const crypto = lazyBuiltin<typeof import('node:crypto')>('node:crypto');

export function sha256(): Hash {
  return crypto().createHash('sha256');
}
