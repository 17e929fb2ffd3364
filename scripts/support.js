/**
 * The test servers (artifact service, REST stand-in) and the action runner, for scripts outside
 * jest (the demo, benchmarks). They are TypeScript with only node: imports: transpiled to load.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Imports __tests__/support/NAME.ts. */
export async function loadSupport(name) {
  const source = fs.readFileSync(path.join(root, '__tests__', 'support', `${name}.ts`), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'preinit-support-'));
  const file = path.join(dir, `${name}.mjs`);
  fs.writeFileSync(file, outputText);
  return import(pathToFileURL(file).href);
}
