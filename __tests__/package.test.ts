/**
 * The package as users get it, outside this repository: packed with `npm pack` and installed
 * into a scratch project, and installed from a git URL (npm clones, installs and runs
 * `prepare`). In each, `npx preinit` works and the documented imports type-check under
 * `nodenext` and `bundler`.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve('.');
const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { name: string; version: string };
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'preinit-pkg-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function sh(cmd: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const res = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false' } });
  if (res.status !== 0) throw new Error(`${cmd} ${args.join(' ')} (in ${cwd}) failed:\n${res.stdout}\n${res.stderr}`);
  return res;
}

function scratch(name: string): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, version: '1.0.0', private: true, type: 'module' }));
  return dir;
}

const USER_CODE = `import { preinitialize, preinitializeIsolated, preinitializeIsolatedToFile, PreinitError, ERROR_CODES, type PreinitOptions, type ErrorCode } from '${pkg.name}';
import { preinitializeIsolated as isolated, DEFAULT_TIMEOUT_MS } from '${pkg.name}/isolate';
const options: PreinitOptions = { initFunc: 'wizer-initialize', allowWasi: false };
export async function build(bytes: Uint8Array): Promise<number> {
  const { output, facts } = await preinitialize(bytes, options);
  await preinitializeIsolatedToFile(bytes, 'out.wasm', options, { timeoutMs: DEFAULT_TIMEOUT_MS });
  const again = await isolated(bytes, options);
  try { await preinitializeIsolated(bytes); } catch (e) { if (e instanceof PreinitError) { const c: ErrorCode = e.code; return ERROR_CODES[c].length; } }
  return output.length + facts.globals + again.output.length;
}
`;

/** npx preinit on a WAT file, the import from the package's root at run time, and tsc under both resolutions. */
function checkInstalled(dir: string): void {
  fs.writeFileSync(path.join(dir, 'a.wat'), '(module (memory 1) (global $g (mut i32) (i32.const 0)) (func (export "wizer-initialize") (global.set $g (i32.const 7)) (i32.store (i32.const 8) (i32.const 9))))');
  expect(sh(npm, ['exec', '--', 'preinit', '--version'], dir).stdout).toBe(`preinit ${pkg.version}\n`);
  sh(npm, ['exec', '--', 'preinit', 'a.wat', '-o', 'a.wasm'], dir);
  expect(WebAssembly.validate(fs.readFileSync(path.join(dir, 'a.wasm')))).toBe(true);
  const run = sh(process.execPath, ['--input-type=module', '-e', `import { preinitialize } from '${pkg.name}'; const r = await preinitialize(new Uint8Array((await import('node:fs')).readFileSync('a.wat'))); console.log(r.facts.kind);`], dir);
  expect(run.stdout).toBe('module\n');
  fs.writeFileSync(path.join(dir, 'user.ts'), USER_CODE);
  for (const [module, moduleResolution] of [['nodenext', 'nodenext'], ['esnext', 'bundler']]) {
    fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { module, moduleResolution, target: 'es2022', strict: true, noEmit: true, types: ['node'], typeRoots: [path.join(root, 'node_modules', '@types')] },
      files: ['user.ts'],
    }));
    sh(process.execPath, [tsc, '-p', 'tsconfig.json'], dir);
  }
}

test('npm pack: the built lib/ with its .d.ts, bin/, README, LICENSE, CHANGELOG; no tests, sources, fixtures or benchmarks', () => {
  const out = sh(npm, ['pack', '--json', '--pack-destination', tmp], root);
  const [info] = JSON.parse(out.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
  const files = info.files.map((f) => f.path);
  for (const f of ['lib/engine/index.js', 'lib/engine/index.d.ts', 'lib/engine/isolate.d.ts', 'lib/cli/main.js', 'lib/cli/bundle/preinit.js', 'lib/cli/bundle/package.json', 'bin/preinit.js', 'bin/package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'package.json']) {
    expect(files).toContain(f);
  }
  expect(files.filter((f) => /^(__tests__|src|fixtures|bench|scripts|dist|examples|lib\/action)\//.test(f))).toEqual([]);
  fs.renameSync(path.join(tmp, info.filename), path.join(tmp, 'package.tgz'));
});

test('installed from the tarball into a scratch project', () => {
  const dir = scratch('from-tarball');
  sh(npm, ['install', '--prefer-offline', path.join(tmp, 'package.tgz')], dir);
  checkInstalled(dir);
}, 300_000);

test('installed from a git URL (npm clones it and runs prepare)', () => {
  const clone = path.join(tmp, 'clone');
  // What is committed is what a git URL gives.
  sh('git', ['clone', '--quiet', '--no-local', root, clone], tmp);
  const dir = scratch('from-git');
  sh(npm, ['install', '--prefer-offline', `git+file://${clone}`], dir);
  checkInstalled(dir);
}, 600_000);
