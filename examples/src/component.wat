;; A WebAssembly component: init runs inside its core instance; the output component starts
;; with the global already set.
(component
  (core module $m
    (global $g (mut i32) (i32.const 0))
    (func (export "init") (global.set $g (i32.const 42)))
    (func (export "get") (result i32) (global.get $g)))
  (core instance $i (instantiate $m))
  (func (export "wizer-initialize") (canon lift (core func $i "init")))
  (func (export "get") (result u32) (canon lift (core func $i "get"))))
