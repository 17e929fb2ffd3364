/**
 * Every failure the engine reports on purpose is a PreinitError: its message is the one line a
 * user sees (the reference's wording where it has one), its code the stable class a program can
 * branch on. Anything else escaping the engine is a bug.
 */

/** One code per class of failure, documented in the README. Codes are never renamed. */
export const ERROR_CODES = {
  USAGE: 'bad options or arguments: CLI flags, library options, an init call that does not parse',
  IO: 'reading an input or writing an output failed',
  INVALID_INPUT: 'not WebAssembly, malformed, invalid, or WAT that does not parse',
  UNSUPPORTED: "valid WebAssembly the snapshot cannot carry (the reference's refusals)",
  INIT_FUNC: 'the init function is missing, not a function, or of the wrong type',
  UNKNOWN_IMPORT: 'init called an import the host does not provide',
  WASI_NOT_ALLOWED: 'init called WASI (or a component imports it), which was not allowed',
  TRAP: 'instantiation, the start function or init trapped',
  LIMIT: "a limit was hit: max-memory, the init timeout, the worker's memory",
  NONDETERMINISTIC: 'deterministic mode, and init read randomness or a clock; or a reproducibility check found two runs differ',
  SECRET: 'the snapshot would hold the value of a secret',
  VERIFY: 'the output does not start in the state init left',
  MEASURE: 'startup measurement failed (the snapshot itself is fine)',
  INTERNAL: 'a bug in this tool or in one it drives (jco, Binaryen, the worker)',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Options a message may tell the user to set, as each surface spells them. */
export const SWITCHES = {
  allowSecrets: { cli: '--allow-secrets', action: 'allow-secrets' },
  allowWasi: { cli: '--allow-wasi', action: 'allow-wasi' },
} as const;
export type Switch = keyof typeof SWITCHES;
/** Where a message is shown: the library's own option names, the CLI's flags, the action's inputs. */
export type Surface = 'library' | keyof (typeof SWITCHES)[Switch];

export class PreinitError extends Error {
  override name = 'PreinitError';
  /** The library option names in the message, which describeError respells per surface. */
  readonly switches: readonly Switch[];
  constructor(readonly code: ErrorCode, message: string, options?: ErrorOptions & { switches?: readonly Switch[] }) {
    super(message, options);
    this.switches = options?.switches ?? [];
  }
}

/** Throw a PreinitError; `cause` is kept for debugging but never shown to users. */
export function fail(code: ErrorCode, message: string, cause?: unknown): never {
  throw new PreinitError(code, message, cause === undefined ? undefined : { cause });
}

/** Throw a PreinitError whose message names library options (`allowSecrets`), respelled per surface. */
export function failNaming(code: ErrorCode, switches: readonly Switch[], message: string): never {
  throw new PreinitError(code, message, { switches });
}

const OS_REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EISDIR: 'is a directory',
  ENOTDIR: 'a parent of it is not a directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EMFILE: 'too many open files',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'file name too long',
  EPIPE: 'the reader closed the pipe',
};

/** An OS error in plain words (`no such file or directory`), the code itself when it is a rare one. */
export function osReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (code) return OS_REASONS[code] ?? code;
  return err instanceof Error ? err.message : String(err);
}

/** The message to show for any error: ours as is, an OS error in plain words, anything else as one line. */
export function describeError(err: unknown, surface: Surface = 'library'): string {
  if (err instanceof PreinitError) {
    if (surface === 'library') return err.message;
    return err.switches.reduce((m, s) => m.replace(new RegExp(`\\b${s}\\b`, 'g'), SWITCHES[s][surface]), err.message);
  }
  const e = err as NodeJS.ErrnoException | null;
  if (e?.syscall && e.code) return e.path ? `cannot access ${e.path}: ${osReason(e)}` : osReason(e);
  if (err instanceof Error) return `${err.name}: ${err.message}`.split('\n')[0];
  return String(err);
}
