/** Small WAT programs for the action's tests, compiled with wabt. */
import wabtInit from 'wabt';

let wabt: Awaited<ReturnType<typeof wabtInit>> | undefined;

export async function wat2wasm(text: string): Promise<Uint8Array> {
  wabt ??= await wabtInit();
  const mod = wabt.parseWat('action-test.wat', text, { bulk_memory: true, multi_value: true });
  try {
    return new Uint8Array(mod.toBinary({}).buffer);
  } finally {
    mod.destroy();
  }
}

/** Init stores `value` in a global and a marker word in memory; `get` returns the global. */
export function counterWat(value: number): string {
  return `(module
  (memory (export "memory") 1)
  (global $g (mut i32) (i32.const 0))
  (func (export "wizer-initialize")
    (global.set $g (i32.const ${value}))
    (i32.store (i32.const 1024) (i32.const 0x6c6c6568)))
  (func (export "get") (result i32) (global.get $g))
  (func (export "word") (result i32) (i32.load (i32.const 1024))))`;
}

/**
 * Init fills `bytes` bytes of memory with a non-zero byte: the output carries them as one data
 * segment. (Uniform data keeps gzip/brotli cheap; tests that need a big artifact zip turn
 * compression off.)
 */
export function bigWat(bytes: number): string {
  const pages = Math.ceil(bytes / 65536) + 1;
  return `(module
  (memory (export "memory") ${pages})
  (func (export "wizer-initialize")
    (memory.fill (i32.const 0) (i32.const 0x5a) (i32.const ${bytes})))
  (func (export "at") (param i32) (result i32) (i32.load8_u (local.get 0))))`;
}

/** A component whose init sets a core global; `get` returns it. */
export const componentWat = `(component
  (core module $m
    (global $g (mut i32) (i32.const 0))
    (func (export "init") (global.set $g (i32.const 42)))
    (func (export "get") (result i32) (global.get $g)))
  (core instance $i (instantiate $m))
  (func (export "wizer-initialize") (canon lift (core func $i "init")))
  (func (export "get") (result u32) (canon lift (core func $i "get"))))
`;
