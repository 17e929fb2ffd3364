/**
 * Every failure the engine reports on purpose is a PreinitError: its message is the one line a
 * user sees (the reference's wording where it has one). Anything else escaping the engine is a bug.
 */
export class PreinitError extends Error {
  override name = 'PreinitError';
}

/** Throw a PreinitError; `cause` is kept for debugging but never shown to users. */
export function fail(message: string, cause?: unknown): never {
  throw new PreinitError(message, cause === undefined ? undefined : { cause });
}

/** The message to show for any error: ours as is, anything else as one line. */
export function describeError(err: unknown): string {
  if (err instanceof PreinitError) return err.message;
  if (err instanceof Error) return `${err.name}: ${err.message}`.split('\n')[0];
  return String(err);
}
