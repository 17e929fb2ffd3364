#!/usr/bin/env node
/**
 * Cuts a release the way GitHub Actions are released: `node scripts/release.js X.Y.Z [--push]`.
 *
 * 1. Checks: a clean tree, X.Y.Z equal to package.json's version and to src/engine/version.ts,
 *    a `## X.Y.Z` section in CHANGELOG.md, the tag not taken yet, and dist/ equal to a fresh
 *    build (scripts/check-dist.js; lib/ is rebuilt first).
 * 2. Makes a release commit whose tree holds only what the action runs from (action.yml, dist/,
 *    README.md, LICENSE, CHANGELOG.md), with the source commit as its parent: what GitHub
 *    downloads for `uses: org/preinit-action@vX` carries no fixtures, tests or sources. The
 *    download (the tarball of that tree) must be at most 15 MB, and the action must run from
 *    that tree unpacked, with no node_modules.
 * 3. Tags the release commit `vX.Y.Z` (annotated) and moves the major tag `vX` to it.
 *    `--push` pushes both to `origin` (the moving tag with --force).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const RELEASE_FILES = ['action.yml', 'dist', 'README.md', 'LICENSE', 'CHANGELOG.md'];
export const MAX_DOWNLOAD = 15 * 1000 * 1000;

function git(args, opts = {}) {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', ...opts }).trim();
}

function die(message) {
  console.error(`release: ${message}`);
  process.exit(1);
}

function check(version) {
  if (!/^\d+\.\d+\.\d+$/.test(version)) die(`\`${version}\` is not a version X.Y.Z`);
  if (git(['status', '--porcelain'])) die('the working tree has changes: commit or stash them first');
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  if (pkg.version !== version) die(`package.json says ${pkg.version}, not ${version}`);
  const source = fs.readFileSync(path.join(root, 'src/engine/version.ts'), 'utf8');
  if (!source.includes(`'${version}'`)) die(`src/engine/version.ts does not say ${version}`);
  const changelog = fs.readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8');
  if (!new RegExp(`^## ${version.replace(/\./g, '\\.')}\\b`, 'm').test(changelog)) die(`CHANGELOG.md has no \`## ${version}\` section`);
  if (git(['tag', '--list', `v${version}`])) die(`tag v${version} exists already`);
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  for (const args of [[tsc, '-p', 'tsconfig.json'], [path.join(root, 'scripts', 'check-dist.js')]]) {
    const res = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
    if (res.status !== 0) die(`\`${path.basename(args[0])}\` failed: dist/ must be a fresh build`);
  }
}

/** The release commit: the action's runtime files only, the source commit as parent. */
function releaseCommit(version) {
  const index = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'preinit-release-')), 'index');
  const env = { ...process.env, GIT_INDEX_FILE: index };
  try {
    git(['read-tree', '--empty'], { env });
    git(['add', '--', ...RELEASE_FILES], { env });
    const tree = git(['write-tree'], { env });
    const head = git(['rev-parse', 'HEAD']);
    return git(['commit-tree', tree, '-p', head, '-m', `Release v${version}\n\nThe action's runtime files only; the source is the parent, ${head}.`]);
  } finally {
    fs.rmSync(path.dirname(index), { recursive: true, force: true });
  }
}

/** Bytes GitHub sends for the tag (a gzipped tarball of its tree), and a run of the unpacked tree. */
function checkDownload(commit) {
  const tarball = execFileSync('git', ['archive', '--format=tar.gz', commit], { cwd: root, maxBuffer: 1 << 30 });
  if (tarball.length > MAX_DOWNLOAD) die(`the release download is ${tarball.length} bytes, over ${MAX_DOWNLOAD}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'preinit-release-run-'));
  try {
    execFileSync('tar', ['-xzf', '-', '-C', dir], { input: tarball });
    const ws = path.join(dir, 'workspace');
    fs.mkdirSync(ws);
    fs.writeFileSync(path.join(dir, 'out'), ''); // the runner creates GITHUB_OUTPUT
    const env = { PATH: process.env.PATH ?? '', GITHUB_WORKSPACE: ws, RUNNER_TEMP: dir, GITHUB_OUTPUT: path.join(dir, 'out'), INPUT_UPLOAD: 'false', INPUT_COMMENT: 'never', 'INPUT_IF-NO-FILES-FOUND': 'ignore' };
    const res = spawnSync(process.execPath, [path.join(dir, 'dist', 'index.js')], { cwd: ws, env, encoding: 'utf8' });
    if (res.status !== 0) die(`the action does not run from the release tree:\n${res.stdout}${res.stderr}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return tarball.length;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [version, ...flags] = process.argv.slice(2);
  if (!version || flags.some((f) => f !== '--push')) die('usage: node scripts/release.js X.Y.Z [--push]');
  check(version);
  const commit = releaseCommit(version);
  const bytes = checkDownload(commit);
  const major = `v${version.split('.')[0]}`;
  git(['tag', '-a', `v${version}`, commit, '-m', `v${version}`]);
  git(['tag', '-f', '-a', major, commit, '-m', `${major} (v${version})`]);
  console.log(`release: v${version} and ${major} -> ${commit.slice(0, 12)} (download ${(bytes / 1e6).toFixed(1)} MB)`);
  if (flags.includes('--push')) {
    git(['push', 'origin', `refs/tags/v${version}`], { stdio: 'inherit' });
    git(['push', '--force', 'origin', `refs/tags/${major}`], { stdio: 'inherit' });
  }
}
