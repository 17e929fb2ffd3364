/**
 * Secret safety: a snapshot is published, so the data init leaves in memory must not carry the
 * value of a secret the build machine holds. Before the output is written, search the snapshot's
 * data segments for the values of environment variables that look secret (on this host or
 * passed with `env`) and, when the guest inherited the environment, for every inherited value.
 * Only names are ever reported, never values.
 */
import { fail } from './errors.js';
import type { PreinitOptions } from './types.js';

/** Shorter values match by chance too often to mean anything. */
export const MIN_SECRET_LENGTH = 6;

// Not SESSION or AUTH: DESKTOP_SESSION=ubuntu or XAUTHORITY paths would match data read from files.
const SECRET_NAME = /TOKEN|SECRET|KEY|PASSWORD|PASSWD|PASS|CREDENTIAL|PRIVATE/i;

/** The runner's own secrets, whatever their names look like. */
const RUNNER_SECRETS = new Set([
  'ACTIONS_RUNTIME_TOKEN', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN', 'ACTIONS_ID_TOKEN_REQUEST_URL',
  'ACTIONS_RUNTIME_URL', 'ACTIONS_RESULTS_URL', 'ACTIONS_CACHE_URL', 'GITHUB_TOKEN',
]);

export function looksSecret(name: string): boolean {
  return RUNNER_SECRETS.has(name) || SECRET_NAME.test(name);
}

export interface SecretCandidate {
  name: string;
  /** Why it is searched for: the name looks secret, or the guest inherited it. */
  reason: 'secret' | 'inherited';
  value: string;
}

/** Values to search for, from the host environment and the options. */
export function secretCandidates(options: PreinitOptions, hostEnv: NodeJS.ProcessEnv = process.env): SecretCandidate[] {
  const found = new Map<string, SecretCandidate>();
  const add = (name: string, value: string | undefined, reason: SecretCandidate['reason']) => {
    if (value === undefined || Buffer.byteLength(value) < MIN_SECRET_LENGTH) return;
    const key = `${name}\0${value}`;
    if (!found.has(key) || reason === 'secret') found.set(key, { name, reason, value });
  };
  for (const [name, value] of Object.entries(hostEnv)) {
    if (options.inheritEnv) add(name, value, looksSecret(name) ? 'secret' : 'inherited');
    else if (looksSecret(name)) add(name, value, 'secret');
  }
  for (const [name, value] of Object.entries(options.env ?? {})) if (looksSecret(name)) add(name, value, 'secret');
  return [...found.values()];
}

/**
 * Names of the candidates whose value occurs in `data` (as UTF-8 or UTF-16LE). A value the
 * input already contains is not a leak from the environment (a default baked into the program).
 */
export function findSecrets(data: Uint8Array[], candidates: SecretCandidate[], input: Uint8Array): SecretCandidate[] {
  const chunks = data.map((d) => Buffer.from(d.buffer, d.byteOffset, d.byteLength));
  const source = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  return candidates.filter((c) => {
    const needles = [Buffer.from(c.value, 'utf8'), Buffer.from(c.value, 'utf16le')];
    return needles.some((n) => !source.includes(n) && chunks.some((chunk) => chunk.includes(n)));
  });
}

/** Fails naming every variable whose value the snapshot's data carries, unless allowSecrets. */
export function checkSecrets(data: Uint8Array[], input: Uint8Array, options: PreinitOptions, hostEnv: NodeJS.ProcessEnv = process.env): void {
  if (options.allowSecrets) return;
  const hits = findSecrets(data, secretCandidates(options, hostEnv), input);
  if (hits.length === 0) return;
  const names = (reason: SecretCandidate['reason']) => [...new Set(hits.filter((h) => h.reason === reason).map((h) => h.name))].sort();
  const parts = [];
  if (names('secret').length) parts.push(`the secret-looking environment variable(s) ${names('secret').join(', ')}`);
  if (names('inherited').length) parts.push(`the inherited environment variable(s) ${names('inherited').join(', ')}`);
  fail('SECRET', `the snapshot's memory contains the value of ${parts.join(' and ')}; refusing to write it (allow it with allowSecrets / --allow-secrets)`);
}
