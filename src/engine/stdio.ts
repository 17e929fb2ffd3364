/**
 * What the guest is told about stdin, stdout and stderr. wasmtime (and so the reference) reports
 * a stream as a terminal (character device) when the host's fd is a tty and as unknown otherwise
 * (pipe, file, /dev/null alike); a stream it does not inherit is never a terminal. wasi-libc
 * caches that in memory during init, so it must match. Fds are the process's, so a worker asks
 * the same question of the same fds as the thread that started it.
 */
import { lazyBuiltin } from './builtins.js';
import type { PreinitOptions } from './types.js';

const tty = lazyBuiltin<typeof import('node:tty')>('node:tty');

/**
 * Whether the guest is told stdio stream `fd` is a terminal under `options` (reproducible mode:
 * never), asked of the host only once the guest asks.
 */
export function stdioTerminal(options: PreinitOptions): (fd: number) => boolean {
  if (options.inheritStdio === false || options.reproducible) return () => false;
  const given = options.stdioTerminals;
  if (given) return (fd) => given[fd] === true;
  return (fd) => tty().isatty(fd);
}
