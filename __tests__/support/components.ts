/**
 * Helpers for component tests: load a fixture, and instantiate a component the plain way (jco
 * transpile in instantiation mode + preview2-shim's WASIShim), independently of the engine.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { transpile } from '@bytecodealliance/jco';
import { WASIShim } from '@bytecodealliance/preview2-shim/instantiation';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/components/', import.meta.url));

export async function fixture(name: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(join(FIXTURES, name)));
}

export type Exports = Record<string, any>;

/** Instantiate a component with WASI (sandboxed: no env, no preopens) and return its exports. */
export async function instantiate(bytes: Uint8Array, sandbox: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): Promise<Exports> {
  const out = await transpile(bytes, { name: 'component', instantiation: 'async', multiMemory: true, emitTypescriptDeclarations: false } as never);
  const files = out.files as Record<string, Uint8Array>;
  const dir = await mkdtemp(join(tmpdir(), 'component-test-'));
  try {
    const file = join(dir, 'component.mjs');
    await writeFile(file, files['component.js']);
    const glue = await import(pathToFileURL(file).href);
    const wasi = new WASIShim({ sandbox: { preopens: {}, env: {}, args: [], enableNetwork: false, ...sandbox } } as never).getImportObject();
    return await glue.instantiate((name: string) => WebAssembly.compile(files[name] as Uint8Array<ArrayBuffer>), { ...wasi, ...extra });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Follow a dotted path of export names (`'test:x/y@1.0.0'.'init'` as ['test:x/y@1.0.0', 'init']). */
export function pick(exports: Exports, path: string[]): any {
  return path.reduce((obj, key) => obj[key], exports);
}
