/** The `preinit` CLI as users run it: the compiled bin (npm test builds lib/ first), in a child process. */
import { spawn } from 'node:child_process';
import path from 'node:path';

export const BIN = path.resolve('bin/preinit.js');

export interface CliRun {
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

export function runCli(args: string[], options: { cwd?: string; stdin?: Uint8Array } = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd });
    const out: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => (stderr += c));
    child.stdin.end(options.stdin);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out), stderr }));
  });
}
