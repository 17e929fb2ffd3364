// Test-only binaries, installed on demand into .cache/ and kept out of package-lock.json:
// - Node 24, what GitHub runs the action on (as a dependency its `node` bin would shadow the
//   system node in npm scripts);
// - the reference Wizer 11, the differential oracle. Its wrapper package
//   `@bytecodealliance/wizer@11` lists platform builds the registry lacks for most platforms, so
//   no lock file that holds it passes `npm ci`: the platform build is installed on its own.
// Both follow the host's OS and CPU.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const NODE24_VERSION = '24.21.0';
const WIZER_VERSION = '11.0.3';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const win = process.platform === 'win32';

function installed(dir, spec, binary) {
  const prefix = path.join(root, '.cache', dir);
  const file = path.join(prefix, 'node_modules', ...binary);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(prefix, { recursive: true });
    const npm = win ? 'npm.cmd' : 'npm';
    execFileSync(npm, ['install', '--prefix', prefix, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--loglevel=error', spec], { stdio: ['ignore', 'ignore', 'inherit'], shell: win });
    if (!fs.existsSync(file)) throw new Error(`${spec} installed no ${file}`);
  }
  return file;
}

/** The Node 24 binary for this host (npm package `node-<os>-<cpu>`). */
export function node24Path() {
  const pkg = `node-${win ? 'win' : process.platform}-${process.arch}`;
  return installed('node24', `${pkg}@${NODE24_VERSION}`, win ? [pkg, 'bin', 'node.exe'] : [pkg, 'bin', 'node']);
}

/** The reference Wizer binary for this host (npm package `@bytecodealliance/wizer-<os>-<cpu>`). */
export function referenceWizerPath() {
  const pkg = `wizer-${process.platform}-${process.arch}`;
  return installed('wizer', `@bytecodealliance/${pkg}@${WIZER_VERSION}`, ['@bytecodealliance', pkg, win ? 'wizer.exe' : 'wizer']);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const which = process.argv[2];
  console.log(which === 'wizer' ? referenceWizerPath() : node24Path());
}
