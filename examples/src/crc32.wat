;; CRC-32 with a lookup table that init computes once: after pre-initialization the table is
;; already in memory (a data segment) and `crc32` never pays for building it.
(module
  (memory (export "memory") 1)
  (global $ready (mut i32) (i32.const 0))

  (func $init (export "wizer-initialize")
    (local $n i32) (local $c i32) (local $k i32)
    (block $done
      (loop $table
        (br_if $done (i32.eq (local.get $n) (i32.const 256)))
        (local.set $c (local.get $n))
        (local.set $k (i32.const 0))
        (block $bits_done
          (loop $bits
            (br_if $bits_done (i32.eq (local.get $k) (i32.const 8)))
            (local.set $c
              (if (result i32) (i32.and (local.get $c) (i32.const 1))
                (then (i32.xor (i32.const 0xEDB88320) (i32.shr_u (local.get $c) (i32.const 1))))
                (else (i32.shr_u (local.get $c) (i32.const 1)))))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $bits)))
        (i32.store (i32.shl (local.get $n) (i32.const 2)) (local.get $c))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br $table)))
    (global.set $ready (i32.const 1)))

  ;; crc32(ptr, len) over memory[ptr..ptr+len); data goes after the table (offset >= 1024).
  (func (export "crc32") (param $ptr i32) (param $len i32) (result i32)
    (local $c i32) (local $end i32)
    (if (i32.eqz (global.get $ready)) (then (call $init)))
    (local.set $c (i32.const -1))
    (local.set $end (i32.add (local.get $ptr) (local.get $len)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $ptr) (local.get $end)))
        (local.set $c
          (i32.xor
            (i32.load
              (i32.shl
                (i32.and (i32.xor (local.get $c) (i32.load8_u (local.get $ptr))) (i32.const 0xff))
                (i32.const 2)))
            (i32.shr_u (local.get $c) (i32.const 8))))
        (local.set $ptr (i32.add (local.get $ptr) (i32.const 1)))
        (br $next)))
    (i32.xor (local.get $c) (i32.const -1))))
