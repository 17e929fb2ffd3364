/**
 * Secret safety: a module that copies its environment into memory must not produce an output
 * carrying a secret (by name, or a given value shaped like a token) unless allowed, and the error
 * names the variable without ever printing its value. An ordinary environment is no secret: a
 * recorded GitHub-hosted runner environment (real names, fake values) passes once its secrets are
 * taken out, and each secret in it alone is refused.
 */
import fs from 'node:fs';
import { describeError, preinitialize } from '../src/engine/index.js';
import { checkSecrets, looksLikeToken, looksSecret, secretCandidates } from '../src/engine/secrets.js';
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

const TOKEN = 'ghp_preinitTestToken0123456789abcdefWXYZ'; // a GitHub token's shape: 36 characters after ghp_
const env = (vars: Record<string, string>) => Object.assign(process.env, vars);

describe('names that look secret', () => {
  test.each(['GITHUB_TOKEN', 'ACTIONS_RUNTIME_TOKEN', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN', 'NPM_TOKEN', 'AWS_SECRET_ACCESS_KEY', 'DB_PASSWORD', 'api_key', 'GOOGLE_APPLICATION_CREDENTIALS'])('%s', (name) => {
    expect(looksSecret(name)).toBe(true);
  });
  test.each(['HOME', 'PATH', 'PWD', 'OLDPWD', 'LANG', 'PREINIT_PLAIN_PROBE', 'DESKTOP_SESSION', 'XAUTHORITY', 'SSH_AUTH_SOCK', 'KEYBOARD_LAYOUT',
    'ACTIONS_RESULTS_URL', 'GITHUB_REPOSITORY', 'RUNNER_TEMP', 'EXPORT0_NAME', 'SOURCE_NAME', 'COMPASS_DIR'])('%s does not', (name) => {
    expect(looksSecret(name)).toBe(false);
  });
  test('short values are ignored, explicit env only when its name or shape is a secret\'s', () => {
    const found = secretCandidates({ env: { API_TOKEN: 'abc', MY_TOKEN: 'long-enough', COLOR: 'turquoise', DEPLOY: TOKEN } }, {});
    expect(found.map((c) => [c.name, c.reason])).toEqual([['MY_TOKEN', 'name'], ['DEPLOY', 'shape']]);
  });
  test.each([TOKEN, 'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP', 'npm_abcdefghijklmnopqrstuvwxyz0123456789',
    'AKIAIOSFODNN7EXAMPLE', 'xoxb-123456789012-abcdefghij', '-----BEGIN OPENSSH PRIVATE KEY-----\nabc'])('%s has a token\'s shape', (value) => {
    expect(looksLikeToken(value)).toBe(true);
  });
  test.each(['/home/runner/work/_temp', 'https://api.github.com', '3f786850e387550fdab836ed7e6dc881de23001b', 'C.UTF-8', 'ghost_town_of_names'])('%s has not', (value) => {
    expect(looksLikeToken(value)).toBe(false);
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
    await expect(run).rejects.toThrow('the secret environment variable(s) DEPLOY_TOKEN');
    await expect(run).rejects.not.toThrow(TOKEN);
  });

  test('an inherited ordinary environment passes; a secret or a token-shaped value in it is refused', async () => {
    env({ PREINIT_PLAIN_VALUE: 'plain-but-inherited' });
    const input = await wat(COPY_ENV);
    const { output } = await preinitialize(input, { allowWasi: true, inheritEnv: true });
    expect(Buffer.from(output).includes(Buffer.from('PREINIT_PLAIN_VALUE=plain-but-inherited'))).toBe(true);
    env({ GITHUB_TOKEN: TOKEN, PREINIT_DEPLOY: 'xoxb-123456789012-abcdefghijkl' });
    const err = await preinitialize(input, { allowWasi: true, inheritEnv: true }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    const message = (err as Error).message;
    expect(message).toContain('secret environment variable(s) GITHUB_TOKEN');
    expect(message).toContain('token-shaped value(s) of PREINIT_DEPLOY');
    expect(message).not.toContain(TOKEN);
    expect(message).not.toContain('PREINIT_PLAIN_VALUE');
  });

  test('each surface names its own switch', async () => {
    const err = await preinitialize(await wat(COPY_ENV), { allowWasi: true, env: { DEPLOY_TOKEN: TOKEN } }).catch((e: Error) => e);
    expect(describeError(err)).toMatch(/\(allow it with allowSecrets\)$/);
    expect(describeError(err, 'cli')).toMatch(/\(allow it with --allow-secrets\)$/);
    expect(describeError(err, 'action')).toMatch(/\(allow it with allow-secrets\)$/);
  });

  describe('a recorded GitHub-hosted runner environment', () => {
    const recorded = JSON.parse(fs.readFileSync('fixtures/data/runner-env.json', 'utf8')) as { _secrets: string[]; env: Record<string, string> };
    const ordinary = Object.fromEntries(Object.entries(recorded.env).filter(([name]) => !recorded._secrets.includes(name)));
    const asHost = (vars: Record<string, string>) => {
      for (const k of Object.keys(process.env)) delete process.env[k];
      Object.assign(process.env, vars);
    };

    test('inherited whole, without its secrets: accepted, and it is in the snapshot', async () => {
      asHost(ordinary);
      const { output } = await preinitialize(await wat(COPY_ENV), { allowWasi: true, inheritEnv: true });
      for (const name of ['PATH', 'HOME', 'RUNNER_TEMP', 'GITHUB_REPOSITORY', 'EXPORT0_NAME', 'SOURCE_NAME']) {
        expect(Buffer.from(output).includes(Buffer.from(`${name}=${ordinary[name]}`))).toBe(true);
      }
    });

    test.each(JSON.parse(fs.readFileSync('fixtures/data/runner-env.json', 'utf8'))._secrets as string[])('with %s: refused, naming it', async (name) => {
      asHost({ ...ordinary, [name]: recorded.env[name] });
      const err = await preinitialize(await wat(COPY_ENV), { allowWasi: true, inheritEnv: true }).catch((e: Error) => e);
      expect(describeError(err)).toMatch(new RegExp(`environment variable\\(s\\) ${name}; refusing`));
      expect(describeError(err)).not.toContain(recorded.env[name]);
    });
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

  /** Each buffer whole, as one memory's single range. */
  const whole = (...buffers: Uint8Array[]) => buffers.map((bytes, memory) => ({ memory, bytes, start: [0], end: [bytes.length], first: 0, last: 1 }));

  test('a value the input already contains is no leak', () => {
    const data = whole(new TextEncoder().encode('xx-builtin-default-xx'));
    expect(() => checkSecrets(data, new TextEncoder().encode('..builtin-default..'), { env: { APP_KEY: 'builtin-default' } }, {})).not.toThrow();
    expect(() => checkSecrets(data, new Uint8Array(8), { env: { APP_KEY: 'builtin-default' } }, {})).toThrow('APP_KEY');
  });

  test('UTF-16 copies are found too', () => {
    const data = whole(Buffer.from(`\u0000${TOKEN}\u0000`, 'utf16le'));
    expect(() => checkSecrets(data, new Uint8Array(8), {}, { NPM_TOKEN: TOKEN })).toThrow('NPM_TOKEN');
  });

  test('only what lies inside one data segment counts, as the output holds only the segments', () => {
    const env = { APP_KEY: 'hunter2-hunter2' };
    const bytes = new TextEncoder().encode('hunter2-hunter2..hunter2-hunter2......hunter2-hunter2');
    const ranges = (start: number[], end: number[]) => [{ memory: 0, bytes, start, end, first: 0, last: start.length }];
    // The whole value in the second of three segments; cut by a segment's end; across two segments.
    expect(() => checkSecrets(ranges([0, 16, 38], [2, 32, 40]), new Uint8Array(8), { env }, {})).toThrow('APP_KEY');
    expect(() => checkSecrets(ranges([1, 17, 38], [15, 31, 50]), new Uint8Array(8), { env }, {})).not.toThrow();
    expect(() => checkSecrets(ranges([0, 9], [8, 20]), new Uint8Array(8), { env }, {})).not.toThrow();
    // Ranges [first, last) only: here the second and third, the value in the third.
    expect(() => checkSecrets([{ ...ranges([0, 16, 38], [15, 20, 53])[0], first: 1 }], new Uint8Array(8), { env }, {})).toThrow('APP_KEY');
    expect(() => checkSecrets([{ ...ranges([0, 16, 38], [15, 32, 53])[0], first: 2, last: 2 }], new Uint8Array(8), { env }, {})).not.toThrow();
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
    await expect(preinitialize(program.bytes, { ...program.options, inheritEnv: true })).rejects.toThrow(/secret environment variable\(s\) PREINIT_SECRET_PROBE/);
  });

  test('a secret passed with env is refused, and allowed on request', async () => {
    const options = { ...program.options, env: { PREINIT_SECRET_PROBE: TOKEN } };
    await expect(preinitialize(program.bytes, options)).rejects.toThrow('PREINIT_SECRET_PROBE');
    const { output } = await preinitialize(program.bytes, { ...options, allowSecrets: true });
    expect(((await instantiate(output)).exports.run as () => number)()).toBe(TOKEN.length);
  });
});
