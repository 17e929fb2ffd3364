// Whole-process measurement for the benchmark: wall time (measured here, around the spawn) and
// peak resident memory (from /usr/bin/time -f %M; without it, by polling /proc/<pid>/status
// VmHWM, which misses the last few milliseconds).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const work = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '.work');
export const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
let serial = 0;

/** Runs `cmd args`; resolves to { ms, kib, code, stderr }. `env` defaults to PATH only. */
export function measureCommand(cmd, args, { env, stdin } = {}) {
  mkdirSync(work, { recursive: true });
  return new Promise((resolve) => {
    const memFile = path.join(work, `mem-${process.pid}-${serial++}.txt`);
    const full = TIME ? [TIME, ['-f', '%M', '-o', memFile, cmd, ...args]] : [cmd, args];
    const t0 = process.hrtime.bigint();
    const child = spawn(full[0], full[1], { env: env ?? { PATH: process.env.PATH }, stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    child.stdin.on('error', () => {});
    child.stdin.end(stdin ?? '');
    let hwm = 0;
    const poll = TIME ? undefined : setInterval(() => (hwm = Math.max(hwm, readHwm(child.pid))), 5);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (poll) clearInterval(poll);
      let kib = hwm;
      if (TIME) {
        try {
          kib = Number(readFileSync(memFile, 'utf8').trim().split('\n').pop());
          rmSync(memFile, { force: true });
        } catch { /* no figure */ }
      }
      resolve({ ms, kib, code, stderr: stderr.replace(/^Command exited.*\n?/m, '') });
    });
  });
}

function readHwm(pid) {
  try {
    const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}
