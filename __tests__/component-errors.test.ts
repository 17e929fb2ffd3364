/** Components: every refusal gives its one-line message, and never an output. */
import { preinitialize, PreinitError } from '../src/engine/index.js';
import { parseComponent } from '../src/engine/component/parse.js';
import { parseInitCall } from '../src/engine/component/init.js';
import { changedTable, foreignMemory, readTable, transpileComponent, type RunState } from '../src/engine/component/run.js';
import { fixture } from './support/components.js';
import { parse } from '@bytecodealliance/jco';

const silent = { stdout: () => {}, stderr: () => {} };

async function failure(bytes: Uint8Array, options: Record<string, unknown> = {}): Promise<string> {
  try {
    await preinitialize(bytes, { ...silent, ...options });
  } catch (err) {
    expect(err).toBeInstanceOf(PreinitError);
    return (err as Error).message;
  }
  throw new Error('expected a failure');
}

describe('component init function errors', () => {
  test('missing top-level export', async () => {
    expect(await failure(await fixture('kinds.wasm'), { initFunc: 'nope' })).toBe('the component does not have a `nope` export');
  });
  test('missing interface', async () => {
    expect(await failure(await fixture('kinds.wasm'), { initFunc: 'test:kinds/other.init@1.0.0' }))
      .toBe('the component does not have a `test:kinds/other.init@1.0.0` export');
  });
  test('missing function in an interface', async () => {
    expect(await failure(await fixture('kinds.wasm'), { initFunc: 'test:kinds/setup.nope@1.0.0' }))
      .toBe('the component does not have a `test:kinds/setup.nope@1.0.0` export');
  });
  test('an interface is not a function', async () => {
    expect(await failure(await fixture('kinds.wasm'), { initFunc: 'test:kinds/setup@1.0.0' }))
      .toBe("the component's `test:kinds/setup@1.0.0` export is not a function");
  });
  test('wrong type: a result', async () => {
    expect(await failure(await fixture('kinds.wasm'), { initFunc: 'get' })).toBe("the component's `get` export does not have type `func()`");
  });
  test('wrong type: parameters without a call', async () => {
    expect(await failure(await fixture('kinds.wasm'), { initFunc: 'add-init' })).toBe("the component's `add-init` export does not have type `func()`");
  });
  test('wrong number of arguments', async () => {
    expect(await failure(await fixture('kinds.wasm'), { initFunc: 'add-init(1)' }))
      .toBe("the component's `add-init` export takes 2 argument(s), but the call gives 1");
  });
  test('malformed call', async () => {
    expect(await failure(await fixture('kinds.wasm'), { initFunc: 'add-init(1, "x' }))
      .toBe('invalid init function call `add-init(1, "x`: expected `name(arguments)`');
    expect(() => parseInitCall('f(1 2)')).toThrow('invalid init function call `f(1 2)`: unexpected `2`');
  });
  test('the init function is checked before anything runs', async () => {
    // heap.wasm would otherwise fail first: its instantiation calls WASI, which is off
    expect(await failure(await fixture('heap.wasm'), { initFunc: 'nope' })).toBe('the component does not have a `nope` export');
    expect(await failure(await fixture('heap.wasm'), { initFunc: 'run' })).toBe("the component's `run` export does not have type `func()`");
    expect(await failure(await fixture('heap.wasm'), { initFunc: 'test:heap/setup.nope@0.1.0' }))
      .toBe('the component does not have a `test:heap/setup.nope@0.1.0` export');
  });

  test('init traps', async () => {
    expect(await failure(await fixture('kinds.wasm'), { initFunc: 'trap' })).toMatch(/^the `trap` function trapped: /);
  });
});

describe('component refusals', () => {
  test('a core module instantiated twice', async () => {
    expect(await failure(await fixture('twice.wasm')))
      .toBe('modules may be instantiated at most once: core module 0 is instantiated twice, and its state cannot be snapshotted');
  });

  test('a component start section', async () => {
    // A start section appended by hand (jco parse would need the value feature): parse refuses first.
    const bytes = await fixture('shared.wasm');
    const withStart = new Uint8Array([...bytes, 0x09, 0x03, 0x00, 0x00, 0x00]);
    expect(await failure(withStart)).toBe('wizer does not currently support component start functions');
  });

  test('a module jco rewrote (bytes differ)', async () => {
    const bytes = await fixture('shared.wasm');
    const pc = parseComponent(bytes);
    const altered = pc.modules.map((m) => ({ ...m }));
    altered[1] = { ...altered[1], bytes: altered[0].bytes };
    await expect(transpileComponent({ ...pc, modules: altered }, undefined)).rejects.toThrow(
      'jco rewrote core module 1 of the component (its transpiled bytes differ from the component\'s), so it cannot be snapshotted');
  });

  test('a table changed during init', () => {
    const table = new WebAssembly.Table({ element: 'anyfunc', initial: 2 });
    const state = { tables: [{ where: 'core module 0 export `t`', table, before: readTable(table) }] } as unknown as RunState;
    expect(changedTable(state)).toBeUndefined();
    table.grow(1);
    expect(changedTable(state)).toBe('core module 0 export `t` grew from 2 to 3 entries');
  });

  test('a memory defined outside the core modules we snapshot', () => {
    const ours = new WebAssembly.Memory({ initial: 1 });
    const theirs = new WebAssembly.Memory({ initial: 1 });
    const instance = { exports: { memory: ours } } as unknown as WebAssembly.Instance;
    const state = { instances: new Map([[0, instance]]), imports: new Map([[1, { env: { memory: ours } }]]) };
    expect(foreignMemory(state)).toBeUndefined();
    state.imports.set(2, { env: { memory: theirs } });
    expect(foreignMemory(state)).toBe(2);
  });

  test('table instructions in a core module are refused by the core parse', async () => {
    const bytes = await parse(`(component
      (core module $m (table 1 funcref) (func (export "init") (drop (table.grow (ref.null func) (i32.const 1)))))
      (core instance $i (instantiate $m))
      (func (export "wizer-initialize") (canon lift (core func $i "init"))))`);
    expect(await failure(bytes)).toBe('core module 0 of the component: unsupported `table.grow` instruction');
  });

  test('WASI is off by default: a component importing it is refused before anything runs, as by wasmtime', async () => {
    // heap.wasm calls WASI while it is instantiated, js.wasm during init: neither gets that far.
    expect(await failure(await fixture('heap.wasm'))).toBe('component imports instance `wasi:cli/environment@0.2.12`, '
      + 'but a matching implementation was not found in the linker (WASI is off: set allowWasi)');
    expect(await failure(await fixture('js.wasm'), { initFunc: 'init' })).toBe('component imports instance `wasi:io/poll@0.2.12`, '
      + 'but a matching implementation was not found in the linker (WASI is off: set allowWasi)');
  });

  test('stale WASI handles: a WASI 0.2 guest kept a stream', async () => {
    expect(await failure(await fixture('native.wasm'), { initFunc: 'init-keep', allowWasi: true })).toBe(
      'init left 1 WASI handle(s) open (wasi:io/streams#output-stream from `wasi:cli/stdout#get-stdout`) '
      + 'that would be stale in the snapshot: drop them before init returns');
  });

  test("handles of the component's own resources alive at the end of init", async () => {
    expect(await failure(await fixture('resources.wasm'))).toBe(
      "init left handles of the component's own resources alive (1 `test:res/things#thing`); "
      + "handles live in the host's tables and do not survive the snapshot: drop them before init returns");
  });

  test('an import the pre-initializer does not provide, called during init', async () => {
    expect(await failure(await fixture('imports.wasm'), { initFunc: 'loud' }))
      .toBe('the component called `test:host/log#log`, an import the pre-initializer does not provide');
  });

  test('max-memory: the owner of the memory grew it past the limit during init', async () => {
    const heap = await fixture('heap.wasm');
    // 100000 list nodes need about 13 pages; instantiation needs 4
    const initFunc = 'test:heap/setup.init-with@0.1.0("big", 100000)';
    expect(await failure(heap, { allowWasi: true, initFunc, maxMemory: 8 * 65536 }))
      .toBe('init tried to grow a memory of core module 0 past max-memory (512 KiB); raise max-memory to snapshot it');
    await preinitialize(heap, { allowWasi: true, initFunc, maxMemory: 32 * 65536, ...silent });
  });

  test('max-memory: a module that imports the memory hit the limit while instantiating', async () => {
    expect(await failure(await fixture('heap.wasm'), { allowWasi: true, maxMemory: 2 * 65536 })).toBe(
      'instantiating core module 3 of the component failed: unreachable '
      + '(memory 0 of core module 0 is at max-memory, 128 KiB: raise max-memory if init needs more)');
  });

  test('max-memory: a module that imports the memory tried to grow it past the limit', async () => {
    // The importer's grows are watched too: the failed grow is named, not the trap it led to.
    expect(await failure(await fixture('shared.wasm'), { maxMemory: 65536 })).toBe(
      'init tried to grow a memory of core module 1 past max-memory (64 KiB); raise max-memory to snapshot it');
  });

  test("a secret from the environment in the snapshot's memory", async () => {
    const options = { initFunc: 'init-env', allowWasi: true, inheritEnv: true, ...silent };
    const heap = await fixture('heap.wasm');
    try {
      // An ordinary value is not a secret: it may be baked in.
      process.env.GREETING = 'inherited-value-123';
      await preinitialize(heap, options);
      // A value shaped like a GitHub token is.
      process.env.GREETING = `ghp_${'A1b2C3d4E5'.repeat(4)}`;
      expect(await failure(heap, options))
        .toMatch(/^the snapshot's memory contains the token-shaped value\(s\) of GREETING; refusing to write it \(allow it with allowSecrets\)$/);
    } finally {
      delete process.env.GREETING;
    }
  });

  test('deterministic: a component whose init reads a clock is refused', async () => {
    expect(await failure(await fixture('js.wasm'), { initFunc: 'init', allowWasi: true, deterministic: true }))
      .toBe('init is not deterministic: init read a clock (wasi:clocks/monotonic-clock#now): the snapshot carries that build-time timestamp');
  });

  test('a --wasm-* feature turned off refuses a core module of the component that uses it', async () => {
    expect(await failure(await fixture('js.wasm'), { initFunc: 'init', allowWasi: true, wasmFeatures: { 'bulk-memory': false } }))
      .toMatch(/^core module \d+ of the component: failed to compile the Wasm module: failed to parse WebAssembly module: bulk memory support is not enabled \(at offset 0x[0-9a-f]+\)$/);
  });

  test('renames are not supported for components', async () => {
    expect(await failure(await fixture('shared.wasm'), { renames: [{ dst: 'a', src: 'run' }] })).toBe('export renames are not supported for components');
  });

  test('a broken nested component', async () => {
    const bytes = await fixture('nested.wasm');
    const pc = parseComponent(bytes);
    const nested = pc.root.sections.find((s) => s.component)!;
    const broken = bytes.slice();
    broken[nested.payload.start + 4] = 0x01; // layer/version of the nested preamble
    expect(() => parseComponent(broken)).toThrow(/^failed to parse component: bad preamble of a nested component/);
  });
});
