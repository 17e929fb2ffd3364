/** WASI guests shared by wasi-sandbox.test.ts and wasi-parity.test.ts. */
import { wat } from './wasm.js';

export const WASI_IMPORTS = `
  (import "wasi_snapshot_preview1" "path_open" (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_read" (func $fd_read (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_pwrite" (func $fd_pwrite (param i32 i32 i32 i64 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_filestat_set_size" (func $fd_set_size (param i32 i64) (result i32)))
  (import "wasi_snapshot_preview1" "fd_close" (func $fd_close (param i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_filestat_get" (func $path_filestat_get (param i32 i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_create_directory" (func $path_create_directory (param i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_unlink_file" (func $path_unlink_file (param i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_symlink" (func $path_symlink (param i32 i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_rename" (func $path_rename (param i32 i32 i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "environ_sizes_get" (func $environ_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "environ_get" (func $environ_get (param i32 i32) (result i32)))`;

/** WASI calls with pointers outside the guest's memory (shared with wasi-parity.test.ts). */
export const HOSTILE_CALLS: Record<string, string> = {
  'path pointer past the end': `(call $path_open (i32.const 3) (i32.const 1) (i32.const 0xfffffff0) (i32.const 64)
    (i32.const 0) (i64.const 2) (i64.const 2) (i32.const 0) (i32.const 8))`,
  'result pointer past the end': `(call $path_open (i32.const 3) (i32.const 1) (i32.const 16) (i32.const 11)
    (i32.const 0) (i64.const 2) (i64.const 2) (i32.const 0) (i32.const 0x7ffffff0))`,
  'iovec buffer out of bounds': `(i32.store (i32.const 64) (i32.const 0xffff0000)) (i32.store (i32.const 68) (i32.const 0x100000))
    (call $fd_write (i32.const 1) (i32.const 64) (i32.const 1) (i32.const 72))`,
  'sizes written out of bounds': '(call $environ_sizes_get (i32.const 0xfffffffc) (i32.const 0x10000))',
  'random_get past the end': '(call $random_get (i32.const 0xff00) (i32.const 0x10000000))',
  'prestat name out of bounds': '(call $prestat_name (i32.const 3) (i32.const 0xfffffff0) (i32.const 100))',
};

export async function hostileGuest(call: string): Promise<Uint8Array> {
  return wat(`(module ${WASI_IMPORTS}
    (import "wasi_snapshot_preview1" "random_get" (func $random_get (param i32 i32) (result i32)))
    (import "wasi_snapshot_preview1" "fd_prestat_dir_name" (func $prestat_name (param i32 i32 i32) (result i32)))
    (memory (export "memory") 1)
    (data (i32.const 16) "allowed.txt")
    (func (export "wizer-initialize")
      (i32.store (i32.const 1024) (block (result i32) ${call}))
      (i32.store (i32.const 1028) (i32.const 0x600d))))`);
}
