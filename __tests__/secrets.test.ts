/**
 * Secret safety: a module that copies its environment into memory must not produce an output
 * carrying a secret-looking value (or, with inheritEnv, any inherited value) unless allowed, and
 * the error names the variable without ever printing its value.
 */
import { preinitialize } from '../src/engine/index.js';
import { checkSecrets, looksSecret, secretCandidates } from '../src/engine/secrets.js';
import { instantiate, wat } from './support/wasm.js';
import { programs } from './support/programs.js';

/** Copies its whole environment (environ_get) to address 1024 during init. */
const COPY_ENV = `(module
  (import "wasi_snapshot_preview1" "environ_sizes_get" (func $sizes (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "environ_get" (func $get (param i32 i32) (result i32)))
  (memory (export "memory") 4)
  (func (export "wizer-initialize")
    (drop (call $sizes (i32.const 0) (i32.const 4)))
    (drop (call $get (i32.const 512) (i32.const 1024)))
    ;; forget the pointers and counts: only the strings stay
    (memory.fill (i32.const 0) (i32.const 0) (i32.const 1024)))
  (func (export "size") (result i32) (i32.load (i32.const 4))))`;

const TOKEN = 'ghp_preinitTestToken0123456789abcdef';
const env = (vars: Record<string, string>) => Object.assign(process.env, vars);

describe('names that look secret', () => {
  test.each(['GITHUB_TOKEN', 'ACTIONS_RUNTIME_TOKEN', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN', 'NPM_TOKEN', 'AWS_SECRET_ACCESS_KEY', 'DB_PASSWORD', 'api_key', 'GOOGLE_APPLICATION_CREDENTIALS'])('%s', (name) => {
    expect(looksSecret(name)).toBe(true);
  });
  test.each(['HOME', 'PATH', 'LANG', 'PREINIT_PLAIN_PROBE', 'DESKTOP_SESSION', 'XAUTHORITY'])('%s does not', (name) => {
    expect(looksSecret(name)).toBe(false);
  });
  test('short values are ignored, explicit env only when its name looks secret', () => {
    const found = secretCandidates({ env: { API_TOKEN: 'abc', MY_TOKEN: 'long-enough', COLOR: 'turquoise' } }, {});
    expect(found.map((c) => c.name)).toEqual(['MY_TOKEN']);
  });
});

describe('a module that copies its environment into memory', () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
  });

  test('fails on a secret passed explicitly, naming it without its value', async () => {
    const input = await wat(COPY_ENV);
    const run = preinitialize(input, { allowWasi: true, env: { DEPLOY_TOKEN: TOKEN, MODE: 'production' } });
    await expect(run).rejects.toThrow('the secret-looking environment variable(s) DEPLOY_TOKEN');
    await expect(run).rejects.not.toThrow(TOKEN);
  });

  test('fails on inherited values, secret-looking or not', async () => {
    env({ GITHUB_TOKEN: TOKEN, PREINIT_PLAIN_VALUE: 'plain-but-inherited' });
    const input = await wat(COPY_ENV);
    const err = await preinitialize(input, { allowWasi: true, inheritEnv: true }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    const message = (err as Error).message;
    expect(message).toContain('secret-looking environment variable(s) GITHUB_TOKEN');
    expect(message).toMatch(/inherited environment variable\(s\) .*PREINIT_PLAIN_VALUE/);
    expect(message).not.toContain(TOKEN);
    expect(message).not.toContain('plain-but-inherited');
  });

  test('passes when allowed, and the value really is in the output', async () => {
    const input = await wat(COPY_ENV);
    const { output } = await preinitialize(input, { allowWasi: true, env: { DEPLOY_TOKEN: TOKEN }, allowSecrets: true });
    expect(Buffer.from(output).includes(Buffer.from(TOKEN))).toBe(true);
  });

  test('passes when the host holds a secret the guest never saw', async () => {
    env({ GITHUB_TOKEN: TOKEN });
    const input = await wat(COPY_ENV);
    const { output } = await preinitialize(input, { allowWasi: true, env: { MODE: 'production' } });
    expect(Buffer.from(output).includes(Buffer.from('MODE=production'))).toBe(true);
    expect((await instantiate(output)).exports.size).toBeDefined();
  });

  test('a value the input already contains is no leak', () => {
    const data = [new TextEncoder().encode('xx-builtin-default-xx')];
    expect(() => checkSecrets(data, new TextEncoder().encode('..builtin-default..'), { env: { APP_KEY: 'builtin-default' } }, {})).not.toThrow();
    expect(() => checkSecrets(data, new Uint8Array(8), { env: { APP_KEY: 'builtin-default' } }, {})).toThrow('APP_KEY');
  });

  test('UTF-16 copies are found too', () => {
    const data = [Buffer.from(`\u0000${TOKEN}\u0000`, 'utf16le')];
    expect(() => checkSecrets(data, new Uint8Array(8), {}, { NPM_TOKEN: TOKEN })).toThrow('NPM_TOKEN');
  });
});

describe('c-start-wasi-env (getenv during init)', () => {
  const [program] = programs(['c-start-wasi-env']);
  const saved = process.env.PREINIT_SECRET_PROBE;
  afterEach(() => {
    if (saved === undefined) delete process.env.PREINIT_SECRET_PROBE;
    else process.env.PREINIT_SECRET_PROBE = saved;
  });

  test('without inheritEnv the host value never reaches the snapshot', async () => {
    process.env.PREINIT_SECRET_PROBE = TOKEN;
    const { output } = await preinitialize(program.bytes, program.options);
    expect(((await instantiate(output)).exports.run as () => number)()).toBe(0);
    expect(Buffer.from(output).includes(Buffer.from(TOKEN))).toBe(false);
  });

  test('with inheritEnv the copied value is refused', async () => {
    process.env.PREINIT_SECRET_PROBE = TOKEN;
    await expect(preinitialize(program.bytes, { ...program.options, inheritEnv: true })).rejects.toThrow(/secret-looking environment variable\(s\) PREINIT_SECRET_PROBE/);
  });

  test('a secret passed with env is refused, and allowed on request', async () => {
    const options = { ...program.options, env: { PREINIT_SECRET_PROBE: TOKEN } };
    await expect(preinitialize(program.bytes, options)).rejects.toThrow('PREINIT_SECRET_PROBE');
    const { output } = await preinitialize(program.bytes, { ...options, allowSecrets: true });
    expect(((await instantiate(output)).exports.run as () => number)()).toBe(TOKEN.length);
  });
});
