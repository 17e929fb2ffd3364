;; The smallest example: init sets a global and writes a greeting into memory.
(module
  (memory (export "memory") 1)
  (global $count (mut i32) (i32.const 0))
  (func (export "wizer-initialize")
    (global.set $count (i32.const 42))
    ;; "hello, preinit" at offset 16
    (i64.store (i32.const 16) (i64.const 0x70202c6f6c6c6568))
    (i64.store (i32.const 24) (i64.const 0x74696e696572)))
  (func (export "count") (result i32) (global.get $count))
  (func (export "greeting") (result i32 i32) (i32.const 16) (i32.const 14)))
