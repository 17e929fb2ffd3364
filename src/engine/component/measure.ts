/**
 * Startup measurement for components, the counterpart of the core engine's `measureStartup`
 * (same result shape): each side is transpiled once (untimed); an iteration compiles every core
 * module (cold: from bytes made unique by a custom section, so V8 cannot share code between
 * iterations; cached: compiled once), instantiates through jco's glue, and for the input calls
 * the init function. WASI follows the same allow rules as pre-initialization, with quiet stdio.
 */
import { fail, PreinitError } from '../errors.js';
import { measureSides, uniqueCopy, type MeasureOptions, type Sample, type StartSide, type StartupMeasurement } from '../measure.js';
import { DEFAULT_INIT_FUNC } from '../types.js';
import type { PreinitOptions } from '../types.js';
import { exportShape, parseInitCall, resolveInit, toJs } from './init.js';
import { parseComponent } from './parse.js';
import { transpileComponent, withStubs, type Transpiled } from './run.js';
import { createWasiImports } from './wasi.js';

export async function measureComponentStartup(
  input: Uint8Array,
  output: Uint8Array,
  options: PreinitOptions = {},
  measure: MeasureOptions = {},
): Promise<StartupMeasurement> {
  const call = parseInitCall(options.initFunc ?? DEFAULT_INIT_FUNC);
  const quiet: PreinitOptions = { ...options, inheritStdio: false };
  const sides = await Promise.all([input, output].map(async (bytes, k): Promise<StartSide> => {
    const transpiled = await transpileComponent(parseComponent(bytes), call.iface);
    if (k === 0) resolveInit(call, exportShape(transpiled.exports, transpiled.declarations), transpiled.declarations);
    const names = Object.keys(transpiled.files).filter((n) => n.endsWith('.wasm'));
    const compiled = new Map(names.map((n) => [n, new WebAssembly.Module(transpiled.files[n] as Uint8Array<ArrayBuffer>)]));
    const init = k === 0 ? call : undefined;
    return (cold, serial) => startOnce(transpiled, names, cold ? undefined : compiled, serial, init, quiet);
  }));
  const [m] = await measureSides(sides, measure, `V8 ${process.versions.v8} (Node ${process.versions.node}), jco glue`);
  return m;
}

async function startOnce(
  transpiled: Transpiled,
  names: string[],
  compiled: Map<string, WebAssembly.Module> | undefined,
  serial: number,
  call: ReturnType<typeof parseInitCall> | undefined,
  options: PreinitOptions,
): Promise<Sample> {
  const { imports, tracker } = await createWasiImports(options);
  const linked = withStubs(imports, tracker);
  const t0 = performance.now();
  const modules = compiled ?? new Map(names.map((n) => [n, new WebAssembly.Module(uniqueCopy(transpiled.files[n], serial))]));
  const t1 = compiled ? t0 : performance.now();
  let t2 = t1;
  let t3 = t1;
  try {
    const exports = await transpiled.instantiate((name) => modules.get(name)!, linked, (m, i) => WebAssembly.instantiate(m, i ?? {}));
    t2 = performance.now();
    if (call) {
      tracker.phase = 'init';
      const init = resolveInit(call, exports, transpiled.declarations);
      await init.fn(...(call.args ?? []).map((a, i) => toJs(a, init.params[i]?.type ?? '')));
      t3 = performance.now();
    } else {
      t3 = t2;
    }
  } catch (err) {
    const shown = err instanceof PreinitError ? err.message : tracker.refused?.message ?? String(err);
    fail('MEASURE', `startup measurement: ${shown}`, err);
  }
  return { compile: t1 - t0, instantiate: t2 - t1, init: t3 - t2 };
}

