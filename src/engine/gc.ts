/**
 * Frees unreachable buffers now. V8 frees a large ArrayBuffer or wasm memory only when it
 * collects, and memory outside its heap does not make it collect soon; lean verification needs
 * one stage's copy gone before it makes the next. A wasm memory goes only in a collection after
 * a task posted by the one that found it dead, hence the rounds with a turn of the loop between.
 */
import { setImmediate } from 'node:timers/promises';
import vm from 'node:vm';
import { lazyBuiltin } from './builtins.js';

const v8 = lazyBuiltin<typeof import('node:v8')>('node:v8');

let gc: (() => void) | undefined;

export async function collectGarbage(): Promise<void> {
  if (!gc) {
    // The flag only exposes `gc` to contexts created after it is set; jest does the same.
    v8().setFlagsFromString('--expose-gc');
    gc = vm.runInNewContext('gc') as () => void;
  }
  for (let round = 0; round < 2; round++) {
    gc();
    await setImmediate();
  }
  gc();
}
