/** Components through the CLI (each input runs in a worker thread): no component-specific flags. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './support/cli.js';
import { FIXTURES, instantiate } from './support/components.js';

const cli = runCli;

describe('preinit CLI on components', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'component-cli-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('an init call with arguments, WASI allowed', async () => {
    const out = join(dir, 'heap.wasm');
    const r = await cli([join(FIXTURES, 'heap.wasm'), '-o', out, '--allow-wasi', '-f', 'test:heap/setup.init-with@0.1.0("cli", 3)']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const snapshot = await instantiate(new Uint8Array(await readFile(out)));
    expect(await snapshot.run()).toBe('cli: 3 nodes, sum 14, 1 init call(s)');
  });

  test('a refusal is one line and no output file', async () => {
    const out = join(dir, 'twice.wasm');
    const r = await cli([join(FIXTURES, 'twice.wasm'), '-o', out]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('modules may be instantiated at most once: core module 0 is instantiated twice, and its state cannot be snapshotted');
    await expect(readFile(out)).rejects.toThrow();
  });
});
