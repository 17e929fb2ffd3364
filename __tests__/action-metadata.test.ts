/**
 * action.yml, the code and the README agree: every input the code reads is declared (GitHub
 * warns about undeclared ones and they get no default), every declared input is read and
 * documented, every output the code sets is declared and documented.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './support/run-action.js';

const read = (p: string) => fs.readFileSync(path.join(repoRoot, p), 'utf8');
const actionYml = read('action.yml');
const sources = fs
  .readdirSync(path.join(repoRoot, 'src/action'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => read(`src/action/${f}`))
  .join('\n');
const readme = read('README.md').split('<!-- action -->')[1] ?? '';

/** Keys one level under a top-level `section:` of action.yml. */
function declared(section: string): string[] {
  const body = actionYml.split(new RegExp(`^${section}:\\s*$`, 'm'))[1]?.split(/^\S/m)[0] ?? '';
  return [...body.matchAll(/^ {2}([a-z0-9-]+):/gm)].map((m) => m[1]).sort();
}

const usedInputs = [
  ...new Set([...sources.matchAll(/\b(?:str|bool|oneOf|optInt|pairs|getInput|getMultilineInput|listOf\(core\.getInput)\(\s*'([a-z0-9-]+)'/g)].map((m) => m[1])),
].sort();
const usedOutputs = [...new Set([...sources.matchAll(/setOutput\(\s*'([a-z0-9-]+)'/g)].map((m) => m[1]))].sort();

test('runs on node24 from dist/index.js', () => {
  expect(actionYml).toMatch(/^runs:\n {2}using: 'node24'\n {2}main: 'dist\/index.js'/m);
  expect(actionYml).toMatch(/^branding:/m);
});

test('inputs: read by the code = declared in action.yml, all documented', () => {
  expect(usedInputs.length).toBeGreaterThan(20);
  expect(declared('inputs')).toEqual(usedInputs);
  for (const i of usedInputs) expect(readme).toContain(`| \`${i}\``);
});

test('outputs: set by the code = declared in action.yml, all documented', () => {
  expect(declared('outputs')).toEqual(usedOutputs);
  for (const o of usedOutputs) expect(readme).toContain(`\`${o}\``);
});
