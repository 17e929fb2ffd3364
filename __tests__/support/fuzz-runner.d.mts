/** Types for fuzz-runner.mjs (a killable worker running one pre-initialization at a time). */
export interface RunOutcome {
  ok: boolean;
  timeout?: boolean;
  workerDied?: boolean;
  outputValid?: boolean;
  outputLength?: number;
  /** With wantOutput. */
  output?: Uint8Array;
  errorName?: string;
  message?: string;
  stack?: string;
}
export class IsolatedRunner {
  constructor(options?: { resourceLimits?: import('node:worker_threads').ResourceLimits });
  restarts: number;
  run(bytes: Uint8Array, options: Record<string, unknown>, timeoutMs: number, extra?: { wantOutput?: boolean }): Promise<RunOutcome>;
  close(): Promise<void>;
}
