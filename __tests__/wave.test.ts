/**
 * What a component's init call returned, printed in WAVE as `wasmtime wizer` prints it (on the
 * CLI's stdout, in `facts.initResults`): every kind of WIT value, through jco's JS values and the
 * types read from the component binary (component/types.ts, component/wave.ts).
 */
import { preinitialize, watToBinary } from '../src/engine/index.js';

const COMPONENT = `(component
  (core module $m
    (memory (export "mem") 1)
    (data (i32.const 100) "hi \\"there\\"\\n\\01\\e2\\82\\ac")
    (func (export "init"))
    (func (export "u32") (result i32) i32.const 42)
    (func (export "s64") (result i64) i64.const -9007199254740993)
    (func (export "f32") (result f32) f32.const 0.1)
    (func (export "f64") (result f64) f64.const 1e21)
    (func (export "f64-small") (result f64) f64.const 1.5e-7)
    (func (export "nan") (result f64) f64.const nan)
    (func (export "char") (result i32) i32.const 10)
    (func (export "bool") (result i32) i32.const 1)
    (func (export "string") (result i32)
      (i32.store (i32.const 1000) (i32.const 100)) (i32.store (i32.const 1004) (i32.const 16)) (i32.const 1000))
    ;; record { a: u32, b-c: option<u32>, d: string }: a@0, option disc@4 payload@8, string@12
    (func (export "record") (result i32)
      (i32.store (i32.const 1100) (i32.const 7)) (i32.store8 (i32.const 1104) (i32.const 0))
      (i32.store (i32.const 1112) (i32.const 100)) (i32.store (i32.const 1116) (i32.const 2)) (i32.const 1100))
    ;; variant { none, num(u32) }: disc u8 @0, payload @4
    (func (export "variant") (result i32)
      (i32.store8 (i32.const 1200) (i32.const 0)) (i32.const 1200))
    (func (export "variant-num") (result i32)
      (i32.store8 (i32.const 1210) (i32.const 1)) (i32.store (i32.const 1214) (i32.const 5)) (i32.const 1210))
    (func (export "enum") (result i32) i32.const 1)
    (func (export "flags") (result i32) i32.const 5)
    ;; option<u32> some(9)
    (func (export "option") (result i32)
      (i32.store8 (i32.const 1300) (i32.const 1)) (i32.store (i32.const 1304) (i32.const 9)) (i32.const 1300))
    ;; result<u32, string> err("hi")
    (func (export "result") (result i32)
      (i32.store8 (i32.const 1400) (i32.const 1)) (i32.store (i32.const 1404) (i32.const 100)) (i32.store (i32.const 1408) (i32.const 2)) (i32.const 1400))
    ;; tuple<u8, f64>: u8@0, f64@8
    (func (export "tuple") (result i32)
      (i32.store8 (i32.const 1504) (i32.const 3)) (f64.store (i32.const 1512) (f64.const -0)) (i32.const 1504))
    ;; list<u8> [1, 2, 3]
    (func (export "bytes") (result i32)
      (i32.store8 (i32.const 1600) (i32.const 1)) (i32.store8 (i32.const 1601) (i32.const 2)) (i32.store8 (i32.const 1602) (i32.const 3))
      (i32.store (i32.const 1608) (i32.const 1600)) (i32.store (i32.const 1612) (i32.const 3)) (i32.const 1608))
    (func (export "iface-get") (result i32) i32.const 11)
  )
  (core instance $i (instantiate $m))
  (alias core export $i "mem" (core memory $mem))
  (type $rec' (record (field "a" u32) (field "b-c" (option u32)) (field "d" string)))
  (import "rec" (type $rec (eq $rec')))
  (type $var' (variant (case "none") (case "num" u32)))
  (import "var" (type $var (eq $var')))
  (type $en' (enum "north" "ok"))
  (import "en" (type $en (eq $en')))
  (type $fl' (flags "read" "write" "exec"))
  (import "fl" (type $fl (eq $fl')))
  (func (export "wizer-initialize") (canon lift (core func $i "init")))
  (func (export "u32") (result u32) (canon lift (core func $i "u32")))
  (func (export "s64") (result s64) (canon lift (core func $i "s64")))
  (func (export "f32") (result f32) (canon lift (core func $i "f32")))
  (func (export "f64") (result f64) (canon lift (core func $i "f64")))
  (func (export "f64-small") (result f64) (canon lift (core func $i "f64-small")))
  (func (export "nan") (result f64) (canon lift (core func $i "nan")))
  (func (export "char") (result char) (canon lift (core func $i "char")))
  (func (export "bool") (result bool) (canon lift (core func $i "bool")))
  (func (export "string") (result string) (canon lift (core func $i "string") (memory $mem)))
  (func (export "record") (result $rec) (canon lift (core func $i "record") (memory $mem)))
  (func (export "variant") (result $var) (canon lift (core func $i "variant") (memory $mem)))
  (func (export "variant-num") (result $var) (canon lift (core func $i "variant-num") (memory $mem)))
  (func (export "enum") (result $en) (canon lift (core func $i "enum")))
  (func (export "flags") (result $fl) (canon lift (core func $i "flags")))
  (func (export "option") (result (option u32)) (canon lift (core func $i "option") (memory $mem)))
  (func (export "result") (result (result u32 (error string))) (canon lift (core func $i "result") (memory $mem)))
  (func (export "tuple") (result (tuple u8 f64)) (canon lift (core func $i "tuple") (memory $mem)))
  (func (export "bytes") (result (list u8)) (canon lift (core func $i "bytes") (memory $mem)))
  (func $get (result u32) (canon lift (core func $i "iface-get")))
  (instance $iface (export "get" (func $get)))
  (export "test:w/iface@1.0.0" (instance $iface))
)
`;

let input: Uint8Array;
beforeAll(async () => {
  input = await watToBinary(new TextEncoder().encode(COMPONENT));
});

test.each([
  ['wizer-initialize', '()'],
  ['u32()', '42'],
  ['s64()', '-9007199254740993'],
  ['f32()', '0.1'],
  ['f64()', '1000000000000000000000'],
  ['f64-small()', '0.00000015'],
  ['nan()', 'nan'],
  ['char()', "'\\n'"],
  ['bool()', 'true'],
  ['string()', '"hi \\"there\\"\\n\\u{1}€\\u{0}"'],
  ['record()', '{a: 7, d: "hi"}'],
  ['variant()', '%none'],
  ['variant-num()', 'num(5)'],
  ['enum()', '%ok'],
  ['flags()', '{read, exec}'],
  ['option()', 'some(9)'],
  ['result()', 'err("hi")'],
  ['tuple()', '(3, -0)'],
  ['bytes()', '[1, 2, 3]'],
  ['test:w/iface.get@1.0.0()', '11'],
])('%s returns %s', async (initFunc, printed) => {
  const { facts } = await preinitialize(input, { initFunc, keepInitFunc: true });
  expect(facts.initResults).toBe(printed);
  expect(facts.warnings).toEqual([]);
});
