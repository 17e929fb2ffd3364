/**
 * Runs the shipped action the way the runner does: `node dist/index.js` in a child process
 * (asynchronously, so servers in the test process keep answering), inputs as INPUT_* variables,
 * real temp files for GITHUB_OUTPUT / GITHUB_STEP_SUMMARY / GITHUB_ENV / GITHUB_PATH, an event
 * payload file, and a clean environment (nothing leaks in from the machine running the tests).
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** `::error ...::msg` and `::warning ...::msg` lines, decoded. */
  errors: string[];
  warnings: string[];
}

export interface RunOptions {
  /** Directory holding index.js (a copy of dist/). */
  actionDir: string;
  node: string;
  workspace: string;
  inputs: Record<string, string>;
  event?: { name: string; payload: unknown };
  env?: Record<string, string>;
  /** A command to start node under, e.g. `/usr/bin/time -v -o FILE` (scripts/demo.js --measure). */
  launcher?: string[];
}

/** Parses the GITHUB_OUTPUT file: `name<<DELIM\nvalue\nDELIM` blocks (and `name=value` lines). Last one wins. */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delim] = heredoc;
      const value: string[] = [];
      i++;
      while (i < lines.length && lines[i] !== delim) value.push(lines[i++]);
      if (i >= lines.length) throw new Error(`unterminated output ${name}`);
      out[name] = value.join('\n');
    } else if (line.includes('=')) {
      const k = line.indexOf('=');
      out[line.slice(0, k)] = line.slice(k + 1);
    }
  }
  return out;
}

function decodeCommand(s: string): string {
  return s.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');
}

export async function runAction(o: RunOptions): Promise<ActionRun> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'preinit-run-'));
  const files = {
    GITHUB_OUTPUT: path.join(tmp, 'output'),
    GITHUB_STEP_SUMMARY: path.join(tmp, 'summary.md'),
    GITHUB_ENV: path.join(tmp, 'env'),
    GITHUB_PATH: path.join(tmp, 'path'),
    GITHUB_STATE: path.join(tmp, 'state'),
  };
  for (const f of Object.values(files)) fs.writeFileSync(f, '');
  const runnerTemp = path.join(tmp, 'runner-temp');
  fs.mkdirSync(runnerTemp);
  const eventPath = path.join(tmp, 'event.json');
  fs.writeFileSync(eventPath, JSON.stringify(o.event?.payload ?? {}));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? tmp,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    RUNNER_OS: 'Linux',
    RUNNER_TEMP: runnerTemp,
    GITHUB_WORKSPACE: o.workspace,
    GITHUB_REPOSITORY: 'octo/preinit-demo',
    GITHUB_REPOSITORY_OWNER: 'octo',
    GITHUB_RUN_ID: '424242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SHA: 'a'.repeat(40),
    GITHUB_REF: 'refs/pull/7/merge',
    GITHUB_EVENT_NAME: o.event?.name ?? 'push',
    GITHUB_EVENT_PATH: eventPath,
    ...files,
    ...o.env,
  };
  for (const [k, v] of Object.entries(o.inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const [command, ...args] = [...(o.launcher ?? []), o.node, path.join(o.actionDir, 'index.js')];
  const child = spawn(command, args, { cwd: o.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (c) => resolve(c));
  });
  const commands = (kind: string) =>
    stdout
      .split('\n')
      .filter((l) => l.startsWith(`::${kind}`))
      .map((l) => decodeCommand(l.slice(l.indexOf('::', 2) + 2)));
  const result: ActionRun = {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(fs.readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    summary: fs.readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
    errors: commands('error'),
    warnings: commands('warning'),
  };
  fs.rmSync(tmp, { recursive: true, force: true });
  return result;
}

/** Copies dist/ to a fresh directory with no node_modules anywhere above it. */
export function copyDist(): string {
  const dist = path.join(repoRoot, 'dist');
  if (!fs.existsSync(path.join(dist, 'index.js'))) throw new Error('dist/index.js is missing: run `npm run build`');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'preinit-dist-'));
  for (let d = dir; ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, 'node_modules'))) throw new Error(`${d} has node_modules above the copied dist`);
    if (path.dirname(d) === d) break;
  }
  const target = path.join(dir, 'action');
  fs.cpSync(dist, target, { recursive: true });
  return target;
}

/**
 * The Node binaries the end-to-end tests spawn the action with. Under `npm test`,
 * scripts/test.js runs the action suites once under Node 20 and once under Node 24, so each
 * jest run spawns its own Node. Run directly (`jest __tests__/action...`), the suite covers
 * both by itself: this Node, plus Node 24 when this is not 24.
 */
export async function nodeBinaries(): Promise<Array<{ label: string; path: string }>> {
  const major = process.versions.node.split('.')[0];
  const list = [{ label: `node ${major}`, path: process.execPath }];
  if (process.env.npm_lifecycle_event === 'test' || major === '24') return list;
  const mod = (await import(pathToFileURL(path.join(repoRoot, 'scripts', 'tools.js')).href)) as { node24Path: () => string };
  list.push({ label: 'node 24', path: mod.node24Path() });
  return list;
}
