/**
 * Helpers for component tests: load a fixture, and instantiate a component the plain way (jco
 * transpile in instantiation mode + preview2-shim's WASIShim), independently of the engine.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { transpile } from '@bytecodealliance/jco';
import { createWasiImports } from '../../src/engine/component/wasi.js';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/components/', import.meta.url));

export async function fixture(name: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(join(FIXTURES, name)));
}

export type Exports = Record<string, any>;

/**
 * Instantiate a component and return its exports and what it writes to stdout/stderr. WASI comes
 * from preview2-shim (no environment, no preopens, no network), with stdio captured instead of
 * printed; `extra` adds or replaces import interfaces.
 */
export async function instantiateWithOutput(bytes: Uint8Array, extra: Record<string, unknown> = {}): Promise<{ exports: Exports; output: string[] }> {
  const out = await transpile(bytes, { name: 'component', instantiation: 'async', multiMemory: true, emitTypescriptDeclarations: false } as never);
  const files = out.files as Record<string, Uint8Array>;
  const dir = await mkdtemp(join(tmpdir(), 'component-test-'));
  try {
    const file = join(dir, 'component.mjs');
    await writeFile(file, files['component.js']);
    const glue = await import(pathToFileURL(file).href);
    const output: string[] = [];
    const sink = (chunk: Uint8Array) => void output.push(Buffer.from(chunk).toString());
    // The engine's wrapper of the shim only to capture stdio (allowed, empty sandbox).
    const { imports } = await createWasiImports({ allowWasi: true, stdout: sink, stderr: sink });
    const exports = await glue.instantiate((name: string) => WebAssembly.compile(files[name] as Uint8Array<ArrayBuffer>), { ...imports, ...extra });
    return { exports, output };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Instantiate a component (see instantiateWithOutput) and return its exports. */
export async function instantiate(bytes: Uint8Array, extra: Record<string, unknown> = {}): Promise<Exports> {
  return (await instantiateWithOutput(bytes, extra)).exports;
}

/** Follow a dotted path of export names (`'test:x/y@1.0.0'.'init'` as ['test:x/y@1.0.0', 'init']). */
export function pick(exports: Exports, path: string[]): any {
  return path.reduce((obj, key) => obj[key], exports);
}
