/**
 * Components end to end: for every fixture, calling the entry on the snapshot without init gives
 * what init(); entry() gives on the original, and the output is a valid component.
 */
import { preinitialize, preinitializeIsolated, watToBinary } from '../src/engine/index.js';
import { parseComponent } from '../src/engine/component/parse.js';
import { fixture, instantiate, instantiateWithOutput, pick } from './support/components.js';

const silent = { stdout: () => {}, stderr: () => {} };

async function expectSameBehaviour(
  file: string,
  init: { option?: string; call: string[]; args?: unknown[] },
  entry: string[],
  options: Record<string, unknown> = {},
) {
  const bytes = await fixture(file);
  const original = await instantiate(bytes);
  await pick(original, init.call)(...(init.args ?? []));
  const expected = await pick(original, entry)();

  const { output, facts } = await preinitialize(bytes, { initFunc: init.option, ...silent, ...options });
  expect(facts.kind).toBe('component');
  expect(facts.verified).toBe(true);
  const { exports: snapshot, output: printed } = await instantiateWithOutput(output);
  expect(await pick(snapshot, entry)()).toEqual(expected);
  return { output, facts, expected, snapshot, printed };
}

describe('component pre-initialization', () => {
  test('two core modules sharing an imported memory and global; floats, v128, start, passive data', async () => {
    const { output, facts, snapshot } = await expectSameBehaviour('shared.wasm', { call: ['wizerInitialize'] }, ['run']);
    // the start function ran once at build time and not again in the snapshot
    expect(facts.globals).toBeGreaterThanOrEqual(6);
    expect(facts.memories[0].pagesAfter).toBe(2);
    // the init export is gone, the exports after it are renumbered and still work
    expect(snapshot.wizerInitialize).toBeUndefined();
    expect(await snapshot.again()).toBe(await snapshot.run());
    expect(parseComponent(output).funcs.exports.map((e) => e.name)).toEqual(['run', 'again']);
  });

  test('a core module with two memories (where the runtime has multi-memory)', async () => {
    const bytes = await fixture('multi-memory.wasm');
    const multiMemory = WebAssembly.validate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 5, 5, 2, 0, 1, 0, 1]));
    if (!multiMemory) {
      await expect(preinitialize(bytes)).rejects.toThrow(/^core module 0 of the component: wasm validation failed/);
      return;
    }
    const { facts } = await expectSameBehaviour('multi-memory.wasm', { call: ['wizerInitialize'] }, ['run']);
    expect(facts.memories.map((m) => m.index)).toEqual([0, 1]);
  });

  test('keep-init-func keeps the init export', async () => {
    const bytes = await fixture('shared.wasm');
    const { output } = await preinitialize(bytes, { keepInitFunc: true });
    const snapshot = await instantiate(output);
    expect(typeof snapshot.wizerInitialize).toBe('function');
  });

  test('nested component with its own core module, called across components', async () => {
    const { expected, facts } = await expectSameBehaviour('nested.wasm', { call: ['wizerInitialize'] }, ['run']);
    expect(expected).toBe(53022);
    // one memory in the nested component's module, one in the outer module
    expect(facts.memories.map((m) => m.dataBytes).sort()).toEqual([1, 2]);
  });

  test('an interface function as init, the export stays', async () => {
    const { snapshot, expected } = await expectSameBehaviour(
      'kinds.wasm', { option: 'test:kinds/setup.init@1.0.0', call: ['test:kinds/setup@1.0.0', 'init'] }, ['get']);
    expect(expected).toBe(5);
    expect(typeof snapshot['test:kinds/setup@1.0.0'].init).toBe('function');
  });


  test('a resource handle created and dropped during init is fine', async () => {
    const { output } = await preinitialize(await fixture('resources.wasm'), { initFunc: 'init-clean', keepInitFunc: true });
    const snapshot = await instantiate(output);
    expect(await snapshot.get()).toBe(0);
    // the init export is still there: the component keeps working as before
    await snapshot.wizerInitialize();
    expect(await snapshot.get()).toBe(1);
  });

  test('the wasmtime spelling of an interface function', async () => {
    await expectSameBehaviour('kinds.wasm', { option: 'test:kinds/setup@1.0.0#init', call: ['test:kinds/setup@1.0.0', 'init'] }, ['get']);
  });

  test('init called with arguments', async () => {
    const { expected, snapshot } = await expectSameBehaviour(
      'kinds.wasm', { option: 'add-init(40, 2)', call: ['addInit'], args: [40, 2] }, ['get']);
    expect(expected).toBe(42);
    expect(snapshot.addInit).toBeUndefined();
  });

  test('C component: init builds a heap and prints through WASI', async () => {
    const lines: string[] = [];
    const { expected, facts } = await expectSameBehaviour('heap.wasm', { call: ['wizerInitialize'] }, ['run'], {
      allowWasi: true,
      stdout: (chunk: Uint8Array) => lines.push(Buffer.from(chunk).toString()),
    });
    expect(expected).toBe('heap: 100 nodes, sum 338350, 1 init call(s)');
    expect(lines.join('')).toBe('building the heap\n');
    expect(facts.wasiCalls['wasi:io/streams#[method]output-stream.blocking-write-and-flush']).toBeGreaterThan(0);
    expect(facts.memories[0].pagesAfter).toBeGreaterThanOrEqual(facts.memories[0].pagesBefore);
  });

  test('WASI 0.2 guest without the adapter: a stream dropped before init returns is fine', async () => {
    const lines: string[] = [];
    const { expected, facts } = await expectSameBehaviour('native.wasm', { call: ['wizerInitialize'] }, ['run'], {
      allowWasi: true,
      stdout: (chunk: Uint8Array) => lines.push(Buffer.from(chunk).toString()),
    });
    expect(expected).toBe(42);
    expect(lines.join('')).toBe('hello from init\n');
    expect(facts.wasiCalls).toEqual({ 'wasi:cli/stdout#get-stdout': 1, 'wasi:io/streams#[method]output-stream.blocking-write-and-flush': 1 });
  });

  test('C component: init printed without resetting the adapter, the snapshot resets it', async () => {
    const { expected, snapshot, printed } = await expectSameBehaviour('heap.wasm', { option: 'init-leaky', call: ['initLeaky'] }, ['run'], { allowWasi: true });
    expect(expected).toBe('leaky: 3 nodes, sum 14, 1 init call(s)');
    // the adapter asks for fresh stream handles: printing works in the snapshot
    expect(await snapshot.runPrint()).toBe(expected);
    expect(await snapshot.runPrint()).toBe(expected);
    expect(printed.join('')).toBe('run-print\nrun-print\n');
  });

  test('C component: stdio not inherited goes nowhere', async () => {
    const lines: string[] = [];
    await preinitialize(await fixture('heap.wasm'), { allowWasi: true, inheritStdio: false, stdout: (c) => lines.push(String(c)) });
    expect(lines).toEqual([]);
  });

  test('C component: init with a string argument', async () => {
    const { expected } = await expectSameBehaviour(
      'heap.wasm',
      { option: 'test:heap/setup.init-with@0.1.0("hello \\"you\\"", 4)', call: ['test:heap/setup@0.1.0', 'initWith'], args: ['hello "you"', 4] },
      ['run'], { allowWasi: true });
    expect(expected).toBe('hello "you": 4 nodes, sum 30, 1 init call(s)');
  });

  test('C component: environment and preopens only when given', async () => {
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = await mkdtemp(join(tmpdir(), 'preopen-'));
    await writeFile(join(dir, 'word.txt'), 'bird\n');
    const bytes = await fixture('heap.wasm');
    const given = await preinitialize(bytes, { initFunc: 'init-env', allowWasi: true, env: { GREETING: 'hi' }, preopens: [{ guest: '/data', host: dir }], ...silent });
    expect(await (await instantiate(given.output)).run()).toBe('hi+bird+read-only: 2 nodes, sum 5, 1 init call(s)');
    // preopens are read-only: init's attempt to create a file failed
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(dir)).toEqual(['word.txt']);
    process.env.GREETING = 'leaked';
    try {
      const none = await preinitialize(bytes, { initFunc: 'init-env', allowWasi: true, ...silent });
      expect(await (await instantiate(none.output)).run()).toBe('no env+no file+read-only: 2 nodes, sum 5, 1 init call(s)');
    } finally {
      delete process.env.GREETING;
    }
  });

  test('JS component built with componentize-js: init builds JS objects and logs', async () => {
    const lines: string[] = [];
    const { expected, facts, printed } = await expectSameBehaviour('js.wasm', { option: 'init', call: ['init'] }, ['run'], {
      allowWasi: true,
      stdout: (chunk: Uint8Array) => lines.push(Buffer.from(chunk).toString()),
    });
    expect(expected).toBe('initialized with 1000 squares; last=998001; words=6');
    expect(lines.join('')).toBe('init done\n');
    // console.log went through the preview1 adapter, which the snapshot resets: `run` logs again
    // in the snapshot (stale handles would throw there), and init's log is not repeated
    expect(printed.join('')).toBe('run\n');
    expect(facts.warnings.some((w) => w.includes('clock'))).toBe(true);
  });

  test('imports other than WASI get stubs: an init that does not call them works', async () => {
    const bytes = await fixture('imports.wasm');
    const { output } = await preinitialize(bytes);
    const snapshot = await instantiate(output, { 'test:host/log': { log: () => {} } });
    expect(await snapshot.get()).toBe(9);
  });

  test('host implementations of imported interfaces: what init gets from them is in the snapshot', async () => {
    const input = await watToBinary(new TextEncoder().encode(`(component
      (import "test:host/config@1.0.0" (instance $host (export "seed" (func (param "base" u32) (result u32)))))
      (alias export $host "seed" (func $seed))
      (core func $seed-low (canon lower (func $seed)))
      (core module $m
        (import "host" "seed" (func $seed (param i32) (result i32)))
        (global $g (mut i32) (i32.const 0))
        (func (export "init") (global.set $g (call $seed (i32.const 40))))
        (func (export "get") (result i32) (global.get $g)))
      (core instance $i (instantiate $m (with "host" (instance (export "seed" (func $seed-low))))))
      (func (export "wizer-initialize") (canon lift (core func $i "init")))
      (func (export "get") (result u32) (canon lift (core func $i "get"))))`));
    const calls: number[] = [];
    const seed = (base: number) => (calls.push(base), base + 2);
    const { output } = await preinitialize(input, { hostInterfaces: { 'test:host/config@1.0.0': { seed } } });
    expect(calls).toEqual([40]);
    // The snapshot answers without the host: its seed would fail if called.
    expect(await (await instantiate(output, { 'test:host/config': { seed: () => { throw new Error('called'); } } })).get()).toBe(42);
    await expect(preinitializeIsolated(input, { hostInterfaces: { 'test:host/config': { seed } } })).rejects.toMatchObject({
      code: 'USAGE', message: expect.stringContaining('host interfaces run in the calling thread'),
    });
    // Without them the import is a stub that fails when init calls it.
    await expect(preinitialize(input)).rejects.toThrow('the component called `test:host/config#seed`, an import the pre-initializer does not provide');
  });

  test('the output carries a processed-by producers entry', async () => {
    const { output } = await preinitialize(await fixture('nested.wasm'));
    const text = Buffer.from(output).toString('latin1');
    expect(text).toContain('processed-by');
    expect(text).toContain('preinit-action');
  });
});
