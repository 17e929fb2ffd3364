/** WAT cases run through our engine and the reference (see engine-diff.test.ts). */
import type { PreinitOptions } from '../../src/engine/index.js';

export interface DiffCase {
  name: string;
  wat: string;
  /** Compile with wasm-tools (jco's parse) instead of wabt, for proposals wabt lacks. */
  wasmTools?: boolean;
  /** Keep a `name` section in the compiled input. */
  names?: boolean;
  options?: PreinitOptions;
  refArgs?: string[];
  /** Both must fail with a message containing this. */
  error?: string;
  /** Export `() -> i32` to compare on the snapshot against init(); entry() on the original. */
  entry?: string;
  /** The reference refuses this input with this message; we must succeed. */
  beyondReference?: string;
  /** Needs Node 24 (multi-memory, memory64, GC). */
  node24?: boolean;
}

const init = (body: string, extra = '') => `(module ${extra} (func (export "wizer-initialize") ${body}))`;

export const DIFF_CASES: DiffCase[] = [
  {
    name: 'globals of every numeric type keep exact bits (NaN payloads, v128)',
    wat: `(module
      (global $i (mut i32) (i32.const 0)) (global $l (mut i64) (i64.const 0))
      (global $f (mut f32) (f32.const 0)) (global $d (mut f64) (f64.const 0))
      (global $v (mut v128) (v128.const i64x2 0 0)) (global $c i32 (i32.const 7))
      (func (export "wizer-initialize")
        (global.set $i (i32.const -42)) (global.set $l (i64.const -9007199254740993))
        (global.set $f (f32.const -nan:0x12345)) (global.set $d (f64.const nan:0x4000000000001))
        (global.set $v (v128.const i32x4 1 2 3 0xffffffff)))
      (func (export "run") (result i32)
        (i32.add (global.get $i) (i32.reinterpret_f32 (global.get $f)))))`,
    entry: 'run',
  },
  {
    name: 'memory grows, data is captured, minimum updated, maximum kept',
    wat: `(module (memory 1 5) (data (i32.const 8) "hello")
      (func (export "wizer-initialize")
        (drop (memory.grow (i32.const 2)))
        (i32.store (i32.const 70000) (i32.const 7))
        (i32.store (i32.const 20) (i32.const 5)))
      (func (export "run") (result i32) (i32.add (i32.load (i32.const 70000)) (i32.load (i32.const 8)))))`,
    entry: 'run',
  },
  {
    name: 'runs split at a page boundary are joined again; gaps of 4 merge, 5 do not',
    wat: init(`
      (i32.store (i32.const 65534) (i32.const 0x01010101))
      (i32.store8 (i32.const 100) (i32.const 1)) (i32.store8 (i32.const 105) (i32.const 1))
      (i32.store8 (i32.const 200) (i32.const 1)) (i32.store8 (i32.const 206) (i32.const 1))`, '(memory 2)'),
  },
  {
    name: 'more than 10,000 runs are capped at exactly 10,000 by merging the smallest gaps',
    wat: init(`(local $i i32)
      (loop $l
        (i32.store8 (i32.add (i32.mul (local.get $i) (i32.const 8)) (i32.rem_u (local.get $i) (i32.const 3))) (i32.const 1))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br_if $l (i32.lt_u (local.get $i) (i32.const 12000))))`, '(memory (export "mem") 2)'),
  },
  {
    name: 'active segments become empty passive ones, passive kept, DataCount = old + new',
    wat: `(module (memory 1) (data (i32.const 0) "abc") (data $p "passive") (data (i32.const 100) "xyz")
      (func (export "wizer-initialize") (memory.init $p (i32.const 300) (i32.const 0) (i32.const 7)))
      (func (export "run") (result i32) (i32.load (i32.const 300))))`,
    entry: 'run',
  },
  {
    name: 'no memory and no data section: an empty data section is appended',
    wat: `(module (global $g (mut i32) (i32.const 1)) (func (export "wizer-initialize") (global.set $g (i32.const 2))))`,
  },
  {
    name: 'a new data section goes before the name section',
    wat: `(module (memory 1) (func $init (export "wizer-initialize") (i32.store (i32.const 4) (i32.const 9))))`,
    names: true,
  },
  {
    name: 'start function effects are kept and the start section dropped',
    wat: `(module (memory 1) (global $g (mut i32) (i32.const 0))
      (func $s (global.set $g (i32.add (global.get $g) (i32.const 10))) (i32.store (i32.const 0) (i32.const 1)))
      (start $s)
      (func (export "wizer-initialize") (global.set $g (i32.add (global.get $g) (i32.const 1))))
      (func (export "run") (result i32) (global.get $g)))`,
    entry: 'run',
  },
  {
    name: '_initialize runs first and its export is dropped',
    wat: `(module (global $g (mut i32) (i32.const 0))
      (func (export "_initialize") (global.set $g (i32.const 100)))
      (func (export "wizer-initialize") (global.set $g (i32.mul (global.get $g) (i32.const 3))))
      (func (export "run") (result i32) (global.get $g)))`,
    entry: 'run',
  },
  {
    name: 'init function is _initialize itself: called once',
    wat: `(module (global $g (mut i32) (i32.const 0))
      (func (export "_initialize") (global.set $g (i32.add (global.get $g) (i32.const 1))))
      (func (export "run") (result i32) (global.get $g)))`,
    options: { initFunc: '_initialize' },
    refArgs: ['-f', '_initialize'],
  },
  {
    name: 'an _initialize export that is not a function is dropped too',
    wat: `(module (global (export "_initialize") i32 (i32.const 1)) (func (export "wizer-initialize")))`,
  },
  {
    name: 'keep-init-func keeps the init export',
    wat: `(module (func (export "wizer-initialize")) (func (export "other")))`,
    options: { keepInitFunc: true },
    refArgs: ['--keep-init-func'],
  },
  {
    name: 'custom init function name',
    wat: `(module (global $g (mut i32) (i32.const 0)) (func (export "setup") (global.set $g (i32.const 5))) (func (export "run") (result i32) (global.get $g)))`,
    options: { initFunc: 'setup' },
    refArgs: ['-f', 'setup'],
    entry: 'run',
  },
  {
    name: 'renames: src exported as dst, old dst dropped',
    wat: `(module (func (export "_start")) (func (export "resume")) (func (export "wizer-initialize")) (memory (export "mem") 1))`,
    options: { renames: [{ dst: '_start', src: 'resume' }, { dst: 'memory', src: 'mem' }] },
    refArgs: ['-r', '_start=resume', '-r', 'memory=mem'],
  },
  {
    name: 'rename whose src does not exist still drops dst',
    wat: `(module (func (export "_start")) (func (export "wizer-initialize")))`,
    options: { renames: [{ dst: '_start', src: 'missing' }] },
    refArgs: ['-r', '_start=missing'],
  },
  {
    name: 'duplicate rename destination is an error',
    wat: `(module (func (export "a")) (func (export "b")) (func (export "wizer-initialize")))`,
    options: { renames: [{ dst: 'x', src: 'a' }, { dst: 'x', src: 'b' }] },
    refArgs: ['-r', 'x=a', '-r', 'x=b'],
    error: 'Duplicated function rename dst x',
  },
  {
    name: 'immutable globals and extended-const initializers are copied verbatim',
    wat: `(module (global $a i32 (i32.const 5)) (global $b i32 (i32.add (i32.const 5) (i32.mul (i32.const 2) (i32.const 3))))
      (global $m (mut i64) (i64.const 0)) (func (export "wizer-initialize") (global.set $m (i64.const 77))))`,
    wasmTools: true,
    node24: true,
  },
  {
    name: 'allowed: table.get, table.size, call_indirect, ref.func, memory.copy/fill',
    wat: `(module (type $t (func (result i32))) (table 2 funcref) (elem (i32.const 0) $f) (memory 1)
      (func $f (result i32) (i32.const 3))
      (func (export "wizer-initialize")
        (drop (table.get 0 (i32.const 0))) (drop (table.size 0)) (drop (ref.func $f))
        (memory.fill (i32.const 0) (i32.const 9) (i32.const 10))
        (memory.copy (i32.const 20) (i32.const 0) (i32.const 10))
        (i32.store (i32.const 40) (call_indirect (type $t) (i32.const 0)))))`,
  },
  {
    name: 'unknown imports are fine until called',
    wat: `(module (import "env" "never" (func)) (global $g (mut i32) (i32.const 0)) (func (export "wizer-initialize") (global.set $g (i32.const 1))))`,
  },
  {
    name: 'calling an unknown import traps',
    wat: `(module (import "env" "f" (func)) (func (export "wizer-initialize") (call 0)))`,
    error: 'the `wizer-initialize` function trapped',
  },
  {
    name: 'WASI calls trap unless allowed',
    wat: `(module (import "wasi_snapshot_preview1" "random_get" (func $r (param i32 i32) (result i32))) (memory (export "memory") 1)
      (func (export "wizer-initialize") (drop (call $r (i32.const 0) (i32.const 8)))))`,
    error: 'the `wizer-initialize` function trapped',
  },
  {
    name: 'a trapping init is an error',
    wat: init('unreachable'),
    error: 'the `wizer-initialize` function trapped',
  },
  {
    name: 'a trapping _initialize is an error',
    wat: `(module (func (export "_initialize") unreachable) (func (export "wizer-initialize")))`,
    error: 'calling the Reactor initialization function',
  },
  ...['table.set 0 (i32.const 0) (ref.null func)', 'table.grow 0 (ref.null func) (i32.const 1)',
    'table.fill 0 (i32.const 0) (ref.null func) (i32.const 1)', 'table.copy (i32.const 0) (i32.const 0) (i32.const 0)',
    'table.init $e (i32.const 0) (i32.const 0) (i32.const 0)', 'elem.drop $e', 'data.drop $d']
    .map((instr): DiffCase => {
      const op = instr.split(' ')[0];
      const needsDrop = op === 'table.grow';
      return {
        name: `\`${op}\` is refused even in code never called`,
        wat: `(module (table 1 funcref) (memory 1) (elem $e func) (data $d "x")
          (func $never ${needsDrop ? `(drop (${instr}))` : `(${instr})`})
          (func (export "wizer-initialize")))`,
        error: `unsupported \`${op}\` instruction`,
      };
    }),
  {
    name: 'mutable reference-typed globals are refused',
    wat: `(module (global (mut funcref) (ref.null func)) (func (export "wizer-initialize")))`,
    error: 'unsupported mutable global containing a reference type',
  },
  {
    name: 'bans are checked before imports',
    wat: `(module (import "env" "m" (memory 1)) (table 1 funcref) (func (export "wizer-initialize") (table.set 0 (i32.const 0) (ref.null func))))`,
    error: 'unsupported `table.set` instruction',
  },
  ...(['memory 1', 'global i32', 'table 1 funcref'] as const).map((desc): DiffCase => ({
    name: `imported ${desc.split(' ')[0]} is refused`,
    wat: `(module (import "env" "x" (${desc})) (func (export "wizer-initialize")))`,
    error: `imported ${{ memory: 'memories', global: 'globals', table: 'tables' }[desc.split(' ')[0]]} are not supported`,
  })),
  {
    name: 'reserved export names are refused',
    wat: `(module (func (export "__wizer_x")) (func (export "wizer-initialize")))`,
    error: 'input Wasm module already exports entities named with the `__wizer_*` prefix',
  },
  {
    name: 'reserved import names are refused',
    wat: `(module (import "__wizer_m" "f" (func)) (func (export "wizer-initialize")))`,
    error: 'input Wasm module already imports entities named with the `__wizer_*` prefix',
  },
  {
    name: 'missing init export',
    wat: `(module (func (export "x")))`,
    error: 'the Wasm module does not have a `wizer-initialize` export',
  },
  {
    name: 'init export that is not a function',
    wat: `(module (global (export "wizer-initialize") i32 (i32.const 0)))`,
    error: "the Wasm module's `wizer-initialize` export is not a function",
  },
  {
    name: 'init export with the wrong type',
    wat: `(module (func (export "wizer-initialize") (param i32)))`,
    error: "the Wasm module's `wizer-initialize` function export does not have type `[] -> []`",
  },
  {
    name: 'multi-memory: every memory is snapshotted',
    node24: true,
    wasmTools: true,
    wat: `(module (memory $a 1) (memory $b 1 3)
      (func (export "wizer-initialize")
        (i32.store $a (i32.const 8) (i32.const 1)) (drop (memory.grow $b (i32.const 1)))
        (i32.store $b (i32.const 65540) (i32.const 2)))
      (func (export "run") (result i32) (i32.add (i32.load $a (i32.const 8)) (i32.load $b (i32.const 65540)))))`,
    entry: 'run',
  },
  {
    name: 'memory64: i64 offsets and limits',
    node24: true,
    wasmTools: true,
    wat: `(module (memory i64 1 10)
      (func (export "wizer-initialize") (drop (memory.grow (i64.const 1))) (i32.store (i64.const 70000) (i32.const 5)))
      (func (export "run") (result i32) (i32.load (i64.const 70000))))`,
    entry: 'run',
  },
  {
    name: 'GC types in the type section and immutable GC globals are copied',
    node24: true,
    wasmTools: true,
    wat: `(module (type $s (struct (field i32))) (global $o (ref null $s) (struct.new $s (i32.const 4)))
      (global $g (mut i32) (i32.const 0)) (func (export "wizer-initialize") (global.set $g (struct.get $s 0 (global.get $o))))
      (func (export "run") (result i32) (global.get $g)))`,
    beyondReference: 'failed to compile the Wasm module',
    entry: 'run',
  },
];
