/** Component stages in isolation: init call parsing and conversion, binary walking, export removal. */
import { parse, print } from '@bytecodealliance/jco';
import { jsName, parseInitCall, toJs } from '../src/engine/component/init.js';
import { parseComponent } from '../src/engine/component/parse.js';
import { rewriteComponent } from '../src/engine/component/rewrite.js';
import { kebab } from '../src/engine/component/wasi.js';
import { findAdapter, readNames, resetAdapterInSnapshot } from '../src/engine/component/adapter.js';
import { parseModule } from '../src/engine/parse.js';
import { measureComponentStartup } from '../src/engine/component/measure.js';
import { preinitialize } from '../src/engine/index.js';
import { fixture } from './support/components.js';

describe('init function names and calls', () => {
  test('names', () => {
    expect(parseInitCall('wizer-initialize')).toEqual({ name: 'wizer-initialize', func: 'wizer-initialize' });
    expect(parseInitCall('ns:pkg/iface.my-func@1.2.3')).toEqual({ name: 'ns:pkg/iface.my-func@1.2.3', iface: 'ns:pkg/iface@1.2.3', func: 'my-func' });
    expect(parseInitCall('ns:pkg/iface.f')).toEqual({ name: 'ns:pkg/iface.f', iface: 'ns:pkg/iface', func: 'f' });
    expect(parseInitCall('ns:pkg/iface@1.2.3#f')).toEqual({ name: 'ns:pkg/iface@1.2.3#f', iface: 'ns:pkg/iface@1.2.3', func: 'f' });
    expect(jsName('wizer-initialize')).toBe('wizerInitialize');
    expect(jsName('get-HTTP-url')).toBe('getHttpUrl');
    // and back, for WASI call names in facts and messages
    expect(kebab('OutputStream')).toBe('output-stream');
    expect(kebab('blockingWriteAndFlush')).toBe('blocking-write-and-flush');
    expect(kebab('getStdout')).toBe('get-stdout');
  });

  test('WAVE arguments', () => {
    const call = parseInitCall(`init("a\\"b\\n\\u{1F600}", 'x', -12, 1.5e3, true, [1, 2], (1, "t"), {a-b: 1, c: none}, {x, y}, some(3), ok("fine"), err(2), red, leaf(7),)`);
    expect(call.func).toBe('init');
    expect(call.args).toEqual([
      { kind: 'string', value: 'a"b\n\u{1F600}' },
      { kind: 'char', value: 'x' },
      { kind: 'number', text: '-12' },
      { kind: 'number', text: '1.5e3' },
      { kind: 'bool', value: true },
      { kind: 'list', items: [{ kind: 'number', text: '1' }, { kind: 'number', text: '2' }] },
      { kind: 'tuple', items: [{ kind: 'number', text: '1' }, { kind: 'string', value: 't' }] },
      { kind: 'record', fields: [['a-b', { kind: 'number', text: '1' }], ['c', { kind: 'case', name: 'none' }]] },
      { kind: 'flags', names: ['x', 'y'] },
      { kind: 'case', name: 'some', payload: { kind: 'number', text: '3' } },
      { kind: 'case', name: 'ok', payload: { kind: 'string', value: 'fine' } },
      { kind: 'case', name: 'err', payload: { kind: 'number', text: '2' } },
      { kind: 'case', name: 'red' },
      { kind: 'case', name: 'leaf', payload: { kind: 'number', text: '7' } },
    ]);
    expect(parseInitCall('f()').args).toEqual([]);
  });

  test('malformed calls', () => {
    expect(() => parseInitCall('f("x)')).toThrow('invalid init function call `f("x)`: unterminated string');
    expect(() => parseInitCall('f([1, 2)')).toThrow('invalid init function call `f([1, 2)`: expected `]`');
    expect(() => parseInitCall('f(@)')).toThrow('invalid init function call `f(@)`: unexpected `@`');
  });

  test('conversion to the values jco expects, guided by the TypeScript parameter type', () => {
    const [n, big, bytes, list, opt, none, rec, flags, variant, enumCase, ok] = parseInitCall(
      'f(7, 7, [1, 2], ["a"], some(1), none, {a-b: "x"}, {p, q}, leaf(1), red, ok(1))').args!;
    expect(toJs(n, 'number')).toBe(7);
    expect(toJs(big, 'bigint')).toBe(7n);
    expect(toJs(bytes, 'Uint8Array')).toEqual(new Uint8Array([1, 2]));
    expect(toJs(list, 'Array<string>')).toEqual(['a']);
    expect(toJs(opt, 'number | undefined')).toBe(1);
    expect(toJs(none, 'number | undefined')).toBeUndefined();
    expect(toJs(rec, 'Thing')).toEqual({ aB: 'x' });
    expect(toJs(flags, 'Flags')).toEqual({ p: true, q: true });
    expect(toJs(variant, 'Tree')).toEqual({ tag: 'leaf', val: 1 });
    expect(toJs(enumCase, 'Color')).toBe('red');
    expect(toJs(ok, 'Result<number, string>')).toEqual({ tag: 'ok', val: 1 });
    expect(() => toJs(parseInitCall('f(1.5)').args![0], 'bigint')).toThrow('invalid init argument `1.5`: expected an integer');
  });
});

describe('init signatures from the declarations', () => {
  test('reserved words are quoted in the declarations', async () => {
    const { resolveInit } = await import('../src/engine/component/init.js');
    const declarations = { 'component.d.ts': "export interface Root {\n  'delete'(): void,\n  'new'(): number,\n  init2x(a: string): void,\n}\n" };
    const fn = () => undefined;
    const exports = { delete: fn, new: fn, init2x: fn };
    expect(resolveInit(parseInitCall('delete'), exports, declarations).result).toBe('void');
    expect(() => resolveInit(parseInitCall('new'), exports, declarations)).toThrow("the component's `new` export does not have type `func()`");
    expect(resolveInit(parseInitCall('init-2x("a")'), exports, declarations).params).toEqual([{ name: 'a', type: 'string' }]);
  });

  test('reserved words in an interface are exported under an alias', async () => {
    const { exportShape, resolveInit } = await import('../src/engine/component/init.js');
    const declarations = {
      'interfaces/t-x-i.d.ts': '/** @module Interface t:x/i@0.1.0 **/\nexport { _delete as delete };\nfunction _delete(): void;\nexport { _new as new };\nfunction _new(): number;\n',
    };
    const shape = exportShape([['t:x/i@0.1.0', 'instance']], declarations);
    expect(resolveInit(parseInitCall('t:x/i.delete@0.1.0'), shape, declarations).result).toBe('void');
    expect(() => resolveInit(parseInitCall('t:x/i.new@0.1.0'), shape, declarations)).toThrow("does not have type `func()`");
    expect(() => resolveInit(parseInitCall('t:x/i.other@0.1.0'), shape, declarations)).toThrow('the component does not have a `t:x/i.other@0.1.0` export');
  });
});

describe('component binary', () => {
  test('core modules are listed depth-first with their nesting', async () => {
    const pc = parseComponent(await fixture('nested.wasm'));
    expect(pc.modules.map((m) => m.depth)).toEqual([1, 0]);
    for (const m of pc.modules) expect(WebAssembly.validate(m.bytes as Uint8Array<ArrayBuffer>)).toBe(true);
  });

  test('splicing unchanged modules back gives the same bytes', async () => {
    for (const name of ['shared.wasm', 'nested.wasm', 'heap.wasm']) {
      const bytes = await fixture(name);
      const pc = parseComponent(bytes);
      const same = rewriteComponent(pc, { modules: new Map(pc.modules.map((m) => [m.index, m.bytes])) });
      expect(Buffer.from(same).equals(Buffer.from(bytes))).toBe(true);
    }
  });

  test('a module of a different size inside a nested component: sizes fixed up recursively', async () => {
    const bytes = await fixture('nested.wasm');
    const pc = parseComponent(bytes);
    const bigger = await parse('(module (global (mut i32) (i32.const 0)) (memory (export "memory") 1) (func (export "bump") (result i32) i32.const 1) (func (export "peek") (result i32) i32.const 2) (data (i32.const 0) "0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789"))');
    const out = rewriteComponent(pc, { modules: new Map([[0, bigger]]) });
    const again = parseComponent(out);
    expect(Buffer.from(again.modules[0].bytes).equals(Buffer.from(bigger))).toBe(true);
    expect(Buffer.from(again.modules[1].bytes).equals(Buffer.from(pc.modules[1].bytes))).toBe(true);
    await print(out); // valid component text round trip
  });

  test('removing an export renumbers later function references and the component-name section', async () => {
    const bytes = await fixture('shared.wasm');
    const pc = parseComponent(bytes);
    const out = rewriteComponent(pc, { modules: new Map(), removeExport: 'wizer-initialize' });
    const text = await print(out);
    expect(text).not.toContain('wizer-initialize');
    expect(text).toContain('(export $run-export (;2;) "run" (func $run))');
    expect(text).toContain('(export (;3;) "again" (func $run-export))');
  });

  test('async built-ins in the canonical section do not stop export removal', async () => {
    const bytes = await parse(`(component
      (core module $m (memory (export "m") 1) (func (export "f")) (func (export "g") (result i32) i32.const 1))
      (core instance $i (instantiate $m))
      (alias core export $i "m" (core memory $mem))
      (type $s (stream u8))
      (type $fu (future u8))
      (core func (canon task.return (result u32)))
      (core func (canon task.cancel))
      (core func (canon context.get i32 0))
      (core func (canon context.set i32 0))
      (core func (canon backpressure.inc))
      (core func (canon thread.yield))
      (core func (canon subtask.drop))
      (core func (canon subtask.cancel))
      (core func (canon waitable-set.new))
      (core func (canon waitable-set.wait (memory $mem)))
      (core func (canon waitable.join))
      (core func (canon stream.new $s))
      (core func (canon stream.read $s (memory $mem)))
      (core func (canon stream.cancel-write $s async))
      (core func (canon future.drop-writable $fu))
      (core func (canon error-context.new (memory $mem)))
      (core func (canon thread.index))
      (func $f (canon lift (core func $i "f")))
      (func $g (result u32) (canon lift (core func $i "g")))
      (export "wizer-initialize" (func $f))
      (export $ge "g" (func $g))
      (export "g2" (func $ge)))`);
    const pc = parseComponent(bytes);
    expect(pc.funcs.unknown).toBeUndefined();
    const text = await print(rewriteComponent(pc, { modules: new Map(), removeExport: 'wizer-initialize' }));
    expect(text).not.toContain('wizer-initialize');
    expect(text).toContain('(export (;3;) "g2" (func $ge))');
  });

  test('removing an export that the component uses internally is refused', async () => {
    const bytes = await parse(`(component
      (core module $m (func (export "f")))
      (core instance $i (instantiate $m))
      (func $f (canon lift (core func $i "f")))
      (export $e "wizer-initialize" (func $f))
      (export "again" (func $e)))`);
    expect(() => rewriteComponent(parseComponent(bytes), { modules: new Map(), removeExport: 'wizer-initialize' }))
      .toThrow('cannot remove the init export `wizer-initialize`: the component uses it internally; use keep-init-func');
  });

  test('a processed-by entry merges into an existing producers section', async () => {
    const bytes = await fixture('heap.wasm');
    const pc = parseComponent(bytes);
    const out = rewriteComponent(pc, { modules: new Map(), processedBy: ['preinit-action', '9.9.9'] });
    const again = parseComponent(out);
    const producers = again.root.sections.filter((s) => s.name === 'producers');
    expect(producers.length).toBeLessThanOrEqual(1);
    const twice = rewriteComponent(again, { modules: new Map(), processedBy: ['preinit-action', '9.9.9'] });
    expect(Buffer.from(twice).equals(Buffer.from(out))).toBe(true);
  });
});

describe('the preview1 adapter', () => {
  test('found by its preview1 exports and global names', async () => {
    const pc = parseComponent(await fixture('heap.wasm'));
    const mods = pc.modules.map((m) => parseModule(m.bytes, { allowImportedState: true }));
    const adapter = findAdapter(mods)!;
    expect(adapter.module).toBe(1);
    const names = readNames(mods[1]).globals;
    expect(names.get(adapter.statePtr)).toBe('internal_state_ptr');
    expect(names.get(adapter.allocationState)).toBe('allocation_state');
    expect(findAdapter(parseComponent(await fixture('shared.wasm')).modules.map((m) => parseModule(m.bytes, { allowImportedState: true })))).toBeUndefined();
  });

  test('reset only from a fully allocated state', () => {
    const adapter = { module: 1, statePtr: 1, allocationState: 2 };
    const snap = (ptr: bigint, alloc: bigint) => ({ globals: [{ index: 1, type: 0x7f, bits: ptr }, { index: 2, type: 0x7f, bits: alloc }], memories: [], tables: [], segments: { count: 0, memories: [] } });
    const done = snap(1234n, 4n);
    expect(resetAdapterInSnapshot(adapter, done)).toBe(true);
    expect(done.globals.map((g) => g.bits)).toEqual([0n, 2n]);
    const allocating = snap(1234n, 3n);
    expect(resetAdapterInSnapshot(adapter, allocating)).toBe(false);
    expect(allocating.globals.map((g) => g.bits)).toEqual([1234n, 3n]);
    expect(resetAdapterInSnapshot(adapter, snap(0n, 4n))).toBe(false);
  });
});

describe('component startup measurement', () => {
  test('the snapshot starts without running init', async () => {
    const input = await fixture('shared.wasm');
    const { output } = await preinitialize(input);
    const m = await measureComponentStartup(input, output, {}, { iterations: 3, warmup: 1 });
    expect(m.iterations).toBe(3);
    expect(m.cold.output.init.median).toBe(0);
    expect(m.cold.input.init.median).toBeGreaterThan(0);
    expect(m.cold.input.compile.median).toBeGreaterThan(0);
    expect(m.cached.input.compile.median).toBe(0);
    expect(m.speedup).toBe(m.cold.speedup);
  });

  test('the same allow rules: WASI off fails clearly', async () => {
    const input = await fixture('heap.wasm');
    const { output } = await preinitialize(input, { allowWasi: true, stdout: () => {} });
    await expect(measureComponentStartup(input, output, {}, { iterations: 1, warmup: 0 })).rejects.toThrow(
      'startup measurement: the component called WASI (`wasi:cli/stdin#get-stdin`) while it was instantiated, but WASI is not allowed: enable it with allow-wasi');
  });
});
