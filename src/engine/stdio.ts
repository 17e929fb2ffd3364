/**
 * What the guest is told about stdin, stdout and stderr. wasmtime (and so the reference) reports
 * a stream as a terminal (character device) when the host's fd is a tty and as unknown otherwise
 * (pipe, file, /dev/null alike); a stream it does not inherit is never a terminal. wasi-libc
 * caches that in memory during init, so it must match. Detected on the thread that starts the
 * engine, from the process's real fds, and handed to the worker as plain data.
 */
import tty from 'node:tty';
import type { PreinitOptions } from './types.js';

export type StdioTerminals = NonNullable<PreinitOptions['stdioTerminals']>;

export function detectStdioTerminals(): StdioTerminals {
  return [tty.isatty(0), tty.isatty(1), tty.isatty(2)];
}

/** The terminal flags the guest sees under `options` (reproducible mode: never a terminal). */
export function stdioTerminals(options: PreinitOptions): StdioTerminals {
  if (options.inheritStdio === false || options.reproducible) return [false, false, false];
  return options.stdioTerminals ?? detectStdioTerminals();
}
