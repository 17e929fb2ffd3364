;; A lookup table that is expensive to build: the Collatz step count of every n below 65536,
;; stored as u16 (128 KiB). Without pre-initialization every start pays millions of steps;
;; after it, the table is a data segment and `steps(n)` is one load.
(module
  (memory (export "memory") 3)
  (func $init (export "wizer-initialize")
    (local $n i32) (local $x i64) (local $count i32)
    (local.set $n (i32.const 1))
    (block $done
      (loop $each
        (br_if $done (i32.eq (local.get $n) (i32.const 65536)))
        (local.set $x (i64.extend_i32_u (local.get $n)))
        (local.set $count (i32.const 0))
        (block $reached
          (loop $step
            (br_if $reached (i64.eq (local.get $x) (i64.const 1)))
            (local.set $x
              (if (result i64) (i64.eqz (i64.and (local.get $x) (i64.const 1)))
                (then (i64.shr_u (local.get $x) (i64.const 1)))
                (else (i64.add (i64.mul (local.get $x) (i64.const 3)) (i64.const 1)))))
            (local.set $count (i32.add (local.get $count) (i32.const 1)))
            (br $step)))
        (i32.store16 (i32.shl (local.get $n) (i32.const 1)) (local.get $count))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br $each))))
  ;; steps(n) for 0 < n < 65536
  (func (export "steps") (param $n i32) (result i32)
    (i32.load16_u (i32.shl (i32.and (local.get $n) (i32.const 0xffff)) (i32.const 1)))))
