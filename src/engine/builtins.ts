/**
 * Node built-ins that a small file's run never needs, loaded at their first use: each takes
 * milliseconds to load (node:v8 with the streams under it 3, node:tty with node:net 2, node:crypto
 * 4), a large share of such a run.
 */
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

export function lazyBuiltin<T>(name: `node:${string}`): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= load(name) as T);
}
