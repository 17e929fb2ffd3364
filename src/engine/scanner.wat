;; The instruction scanner's fast path (instructions.ts `bodyScanner`), compiled to
;; scanner-wasm.ts by `npm run build:scanner`. Bytes 0-255 of the memory hold each one-byte
;; opcode's immediate shape, written by the JS side from its own table; the code follows.
;;
;; `scan(pos, end)` skips well-formed instructions of the simple shapes and returns where it
;; stopped: `end`, or the start of an instruction it leaves to the JS scanner (shape 8: br_table,
;; typed select, try_table, the prefixed opcodes, `table.set`; an immediate that runs past `end`
;; or is malformed). The JS scanner reads that one, checks and reports, and calls
;; again after it; so anything unusual is handled by one implementation only.
(module
  (memory (export "memory") 1)

  ;; Past the LEB128 at $pos of at most $max bytes; 0 (never a code position) if longer or past $end.
  (func $leb (param $pos i32) (param $end i32) (param $max i32) (result i32)
    (loop $byte
      (if (i32.ge_u (local.get $pos) (local.get $end)) (then (return (i32.const 0))))
      (if (i32.eqz (i32.and (i32.load8_u (local.get $pos)) (i32.const 0x80)))
        (then (return (i32.add (local.get $pos) (i32.const 1)))))
      (local.set $pos (i32.add (local.get $pos) (i32.const 1)))
      (local.set $max (i32.sub (local.get $max) (i32.const 1)))
      (br_if $byte (local.get $max)))
    (i32.const 0))

  ;; A u32: up to 5 bytes, the fifth with no bits past 32 (as the JS Reader checks); one byte
  ;; inline. Toolchains pad relocatable indexes (calls, the stack pointer global) to 5 bytes.
  (func $u32 (param $pos i32) (param $end i32) (result i32)
    (local $n i32)
    (local $b i32)
    (loop $byte
      (if (i32.ge_u (local.get $pos) (local.get $end)) (then (return (i32.const 0))))
      (local.set $b (i32.load8_u (local.get $pos)))
      (local.set $pos (i32.add (local.get $pos) (i32.const 1)))
      (if (i32.eq (local.get $n) (i32.const 4))
        (then (return (select (local.get $pos) (i32.const 0) (i32.eqz (i32.and (local.get $b) (i32.const 0xf0)))))))
      (if (i32.eqz (i32.and (local.get $b) (i32.const 0x80))) (then (return (local.get $pos))))
      (local.set $n (i32.add (local.get $n) (i32.const 1)))
      (br $byte))
    (unreachable))

  ;; As the JS skipLeb takes them: up to 10 bytes here; one byte inline.
  (func $any (param $pos i32) (param $end i32) (result i32)
    (if (i32.lt_u (local.get $pos) (local.get $end))
      (then (if (i32.lt_u (i32.load8_u (local.get $pos)) (i32.const 0x80))
        (then (return (i32.add (local.get $pos) (i32.const 1)))))))
    (call $leb (local.get $pos) (local.get $end) (i32.const 10)))

  (func (export "scan") (param $pos i32) (param $end i32) (result i32)
    (local $start i32)
    (local $op i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $pos) (local.get $end)))
        (local.set $start (local.get $pos))
        (local.set $op (i32.load8_u (local.get $pos)))
        (local.set $pos (i32.add (local.get $pos) (i32.const 1)))
        (block $leave
          (block $f64
            (block $f32
              (block $memarg
                (block $blocktype
                  (block $leb
                    (block $u32x2
                      (block $u32
                        (block $none
                          (br_table $none $u32 $u32x2 $leb $blocktype $memarg $f32 $f64 $leave
                            (i32.load8_u (local.get $op))))
                        (br $next))
                      ;; The most common immediate (local and global indexes, calls): one byte, here.
                      (if (i32.lt_u (local.get $pos) (local.get $end))
                        (then (if (i32.lt_u (i32.load8_u (local.get $pos)) (i32.const 0x80))
                          (then
                            (local.set $pos (i32.add (local.get $pos) (i32.const 1)))
                            (br $next)))))
                      (local.set $pos (call $u32 (local.get $pos) (local.get $end)))
                      (br_if $next (local.get $pos))
                      (br $leave))
                    (local.set $pos (call $u32 (local.get $pos) (local.get $end)))
                    (br_if $leave (i32.eqz (local.get $pos)))
                    (local.set $pos (call $u32 (local.get $pos) (local.get $end)))
                    (br_if $next (local.get $pos))
                    (br $leave))
                  (local.set $pos (call $any (local.get $pos) (local.get $end)))
                  (br_if $next (local.get $pos))
                  (br $leave))
                ;; 0x40, a value type or a type index (one s33), after a 0x63/0x64 prefix if any.
                (br_if $leave (i32.ge_u (local.get $pos) (local.get $end)))
                (if (i32.lt_u (i32.sub (i32.load8_u (local.get $pos)) (i32.const 0x63)) (i32.const 2))
                  (then (local.set $pos (i32.add (local.get $pos) (i32.const 1)))))
                (local.set $pos (call $any (local.get $pos) (local.get $end)))
                (br_if $next (local.get $pos))
                (br $leave))
              ;; Alignment (bit 6 of its first byte: a memory index follows), then the offset.
              (br_if $leave (i32.ge_u (local.get $pos) (local.get $end)))
              (local.set $op (i32.and (i32.load8_u (local.get $pos)) (i32.const 0x40)))
              (local.set $pos (call $u32 (local.get $pos) (local.get $end)))
              (br_if $leave (i32.eqz (local.get $pos)))
              (if (local.get $op)
                (then
                  (local.set $pos (call $u32 (local.get $pos) (local.get $end)))
                  (br_if $leave (i32.eqz (local.get $pos)))))
              (local.set $pos (call $any (local.get $pos) (local.get $end)))
              (br_if $next (local.get $pos))
              (br $leave))
            (br_if $leave (i32.gt_u (i32.add (local.get $pos) (i32.const 4)) (local.get $end)))
            (local.set $pos (i32.add (local.get $pos) (i32.const 4)))
            (br $next))
          (br_if $leave (i32.gt_u (i32.add (local.get $pos) (i32.const 8)) (local.get $end)))
          (local.set $pos (i32.add (local.get $pos) (i32.const 8)))
          (br $next))
        (return (local.get $start))))
    (local.get $pos)))
