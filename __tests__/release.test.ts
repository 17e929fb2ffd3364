/**
 * scripts/release.js on a clone: the release commit holds only the action's runtime files, its
 * download is at most 15 MB and runs with no node_modules, vX.Y.Z is tagged and vX moves; a
 * dirty tree, a version that disagrees and a tag that exists are refused.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve('.');
const version = (JSON.parse(fs.readFileSync('package.json', 'utf8')) as { version: string }).version;
const major = `v${version.split('.')[0]}`;
let clone: string;

const git = (...args: string[]) => execFileSync('git', args, { cwd: clone, encoding: 'utf8' }).trim();
const release = (...args: string[]) => spawnSync(process.execPath, ['scripts/release.js', ...args], { cwd: clone, encoding: 'utf8' });

beforeAll(() => {
  clone = fs.mkdtempSync(path.join(os.tmpdir(), 'preinit-release-test-'));
  execFileSync('git', ['clone', '--quiet', '--no-local', root, clone]);
  git('config', 'user.name', 'test');
  git('config', 'user.email', 'test@example.com');
  // A real install (not a symlink): dist/'s chunk names depend on where node_modules is.
  execFileSync('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: clone, stdio: 'ignore' });
}, 600_000);
afterAll(() => fs.rmSync(clone, { recursive: true, force: true }));

test('a release: runtime files only, a small download that runs, vX.Y.Z tagged and vX on it', () => {
  const head = git('rev-parse', 'HEAD');
  const res = release(version);
  expect(res.stderr).not.toMatch(/release: /);
  expect(res.status).toBe(0);
  const commit = git('rev-parse', `v${version}^{commit}`);
  expect(git('rev-parse', `${major}^{commit}`)).toBe(commit);
  expect(git('rev-parse', `${commit}^`)).toBe(head);
  expect(git('ls-tree', '--name-only', commit).split('\n').sort()).toEqual(['CHANGELOG.md', 'LICENSE', 'README.md', 'action.yml', 'dist']);
  expect(git('diff', '--stat', head, commit, '--', 'dist', 'action.yml')).toBe('');
  const tarball = execFileSync('git', ['archive', '--format=tar.gz', commit], { cwd: clone, maxBuffer: 1 << 30 });
  expect(tarball.length).toBeLessThanOrEqual(15 * 1000 * 1000);
  expect(res.stdout).toMatch(new RegExp(`v${version} and ${major} -> [0-9a-f]{12} \\(download [\\d.]+ MB\\)`));
}, 600_000);

test('refusals: the tag exists, the version disagrees, the tree is dirty', () => {
  expect(release(version).stderr).toContain(`tag v${version} exists already`);
  expect(release('9.9.9').stderr).toContain(`package.json says ${version}, not 9.9.9`);
  expect(release('nope').stderr).toContain('`nope` is not a version X.Y.Z');
  fs.appendFileSync(path.join(clone, 'README.md'), '\nchanged\n');
  expect(release(version).stderr).toContain('the working tree has changes');
  git('checkout', '--', 'README.md');
});

test('the next release moves the major tag', () => {
  const first = git('rev-parse', `${major}^{commit}`);
  git('tag', '-d', `v${version}`);
  fs.appendFileSync(path.join(clone, 'CHANGELOG.md'), '\n');
  git('commit', '-qam', 'a change after the release');
  const res = release(version);
  expect(res.status).toBe(0);
  const moved = git('rev-parse', `${major}^{commit}`);
  expect(moved).not.toBe(first);
  expect(git('rev-parse', `${moved}^`)).toBe(git('rev-parse', 'HEAD'));
}, 600_000);
