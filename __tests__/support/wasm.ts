/** Test helpers: WAT to binary with wabt, the reference Wizer binary, and behaviour checks. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bufferSource } from '../../src/engine/binary.js';
import { watCompiler } from './wat.mjs';

let compile: ((text: string, names?: boolean) => Uint8Array) | undefined;

/** Compiles WAT text to a binary module; `names` keeps a `name` section. */
export async function wat(text: string, names = false): Promise<Uint8Array> {
  compile ??= await watCompiler();
  return compile(text, names);
}

// The reference Wizer 11 lives in .cache/, apart from the lock file (scripts/tools.js says why);
// `npm test` installs it first and passes its path.
export const REFERENCE_WIZER =
  process.env.PREINIT_REFERENCE_WIZER ?? execFileSync(process.execPath, [path.resolve('scripts/tools.js'), 'wizer'], { encoding: 'utf8' }).trim();

export type ReferenceResult = { ok: true; bytes: Uint8Array } | { ok: false; error: string };

/** Runs the reference binary; its error is the first line after `Error: `. */
export function reference(input: Uint8Array, args: string[] = []): ReferenceResult {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'preinit-ref-'));
  try {
    fs.writeFileSync(path.join(dir, 'in.wasm'), input);
    try {
      execFileSync(REFERENCE_WIZER, [path.join(dir, 'in.wasm'), '-o', path.join(dir, 'out.wasm'), ...args], { stdio: 'pipe' });
    } catch (err) {
      const stderr = String((err as { stderr?: unknown }).stderr ?? err);
      return { ok: false, error: (stderr.match(/Error: (.*)/)?.[1] ?? stderr).trim() };
    }
    return { ok: true, bytes: new Uint8Array(fs.readFileSync(path.join(dir, 'out.wasm'))) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function trappingImports(module: WebAssembly.Module): WebAssembly.Imports {
  const imports: Record<string, Record<string, () => never>> = {};
  for (const d of WebAssembly.Module.imports(module)) {
    (imports[d.module] ??= {})[d.name] = () => {
      throw new Error(`import ${d.module}::${d.name} called`);
    };
  }
  return imports;
}

/** Instantiates with imports that throw when called. */
export async function instantiate(bytes: Uint8Array): Promise<WebAssembly.Instance> {
  const module = await WebAssembly.compile(bytes as BufferSource);
  return WebAssembly.instantiate(module, trappingImports(module));
}

type Fn = (...args: unknown[]) => unknown;

/** What `entry()` returns on the snapshot, and what `init(); entry()` returns on the original. */
export async function behaviour(original: Uint8Array, snapshot: Uint8Array, entry: string, initFunc = 'wizer-initialize') {
  const before = await instantiate(original);
  const reactor = before.exports._initialize;
  if (typeof reactor === 'function' && initFunc !== '_initialize') (reactor as Fn)();
  (before.exports[initFunc] as Fn)();
  const expected = (before.exports[entry] as Fn)();
  const after = await instantiate(snapshot);
  const actual = (after.exports[entry] as Fn)();
  return { expected, actual };
}

/** `WebAssembly.validate` for any Uint8Array (the DOM typings want an ArrayBuffer-backed one). */
export function validates(bytes: Uint8Array): boolean {
  return WebAssembly.validate(bufferSource(bytes));
}
