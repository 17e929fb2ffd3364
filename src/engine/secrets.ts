/**
 * Secret safety: a snapshot is published, so the data init leaves in memory must not carry the
 * value of a secret the build machine holds. Before the output is written, search the snapshot's
 * data segments for the values of environment variables that are secrets: by name (secret-looking
 * names, the runner's own tokens), or, for what the guest was given, by shape (well-known token
 * formats). An ordinary environment (PATH, HOME, RUNNER_*, the run's GITHUB_* facts) is not a
 * secret and may be baked in. Only names are ever reported, never values.
 */
import { failNaming } from './errors.js';
import type { MemoryRanges } from './snapshot.js';
import type { PreinitOptions } from './types.js';

/** Shorter values match by chance too often to mean anything. */
export const MIN_SECRET_LENGTH = 6;

/**
 * A name part (split on `_`, `-`, `.`) that marks a secret. Whole parts only: PWD, PASSWD_FILE's
 * neighbours such as KEYBOARD or XAUTHORITY, and SSH_AUTH_SOCK (a path) are not secrets.
 */
const SECRET_PART = /^(TOKENS?|SECRETS?|KEYS?|APIKEY|PASSWORDS?|PASSWD|PASS|PASSPHRASE|CREDENTIALS?|PRIVATE|PAT)$/i;
/** Joined spellings: GITHUBTOKEN, apiKey, dbPassword. */
const SECRET_SUFFIX = /(TOKEN|SECRET|APIKEY|API_?KEY|PASSWORD)$/i;

/** The runner's own secrets, whatever their names look like. */
const RUNNER_SECRETS = new Set([
  'ACTIONS_RUNTIME_TOKEN', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN', 'ACTIONS_ID_TOKEN_REQUEST_URL', 'GITHUB_TOKEN',
]);

/** Well-known token formats (GitHub, npm, AWS, Slack, Stripe, GitLab, JWTs, PEM private keys). */
const TOKEN_SHAPES = [
  /\bgh[pousr]_[A-Za-z0-9]{36,}/, /\bgithub_pat_[A-Za-z0-9_]{40,}/, /\bnpm_[A-Za-z0-9]{36}\b/, /\b(AKIA|ASIA)[0-9A-Z]{16}\b/,
  /\bxox[abprs]-[A-Za-z0-9-]{10,}/, /\b[sr]k_live_[A-Za-z0-9]{20,}/, /\bglpat-[A-Za-z0-9_-]{20,}/,
  /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/, /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
];

export function looksSecret(name: string): boolean {
  return RUNNER_SECRETS.has(name) || name.split(/[_.-]/).some((part) => SECRET_PART.test(part)) || SECRET_SUFFIX.test(name);
}

export function looksLikeToken(value: string): boolean {
  return TOKEN_SHAPES.some((shape) => shape.test(value));
}

export interface SecretCandidate {
  name: string;
  /** Why it is searched for: its name marks a secret, or its value has a token's shape. */
  reason: 'name' | 'shape';
  value: string;
}

/** Values to search for, from the host environment and the options. */
export function secretCandidates(options: PreinitOptions, hostEnv: NodeJS.ProcessEnv = process.env): SecretCandidate[] {
  const found = new Map<string, SecretCandidate>();
  const add = (name: string, value: string | undefined, given: boolean) => {
    if (value === undefined || Buffer.byteLength(value) < MIN_SECRET_LENGTH) return;
    const reason = looksSecret(name) ? 'name' : given && looksLikeToken(value) ? 'shape' : undefined;
    if (reason) found.set(`${name}\0${value}`, { name, reason, value });
  };
  // Secret-named host values are searched for even when not inherited: init may read them from a file.
  for (const [name, value] of Object.entries(hostEnv)) add(name, value, options.inheritEnv === true);
  for (const [name, value] of Object.entries(options.env ?? {})) add(name, value, true);
  return [...found.values()];
}

/**
 * Names of the candidates whose value occurs within one of the `data` ranges (as UTF-8 or
 * UTF-16LE). A value the input already contains is not a leak from the environment (a default
 * baked into the program).
 */
export function findSecrets(data: MemoryRanges[], candidates: SecretCandidate[], input: Uint8Array): SecretCandidate[] {
  if (candidates.length === 0) return [];
  const source = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const spaces = data.map((d) => ({ ...d, bytes: Buffer.from(d.bytes.buffer, d.bytes.byteOffset, d.bytes.byteLength) }));
  return candidates.filter((c) => {
    const needles = [Buffer.from(c.value, 'utf8'), Buffer.from(c.value, 'utf16le')];
    return needles.some((n) => !source.includes(n) && spaces.some((space) => withinRanges(space, n)));
  });
}

/** Whether `needle` occurs inside one of the ranges: searched in the whole buffer, hits checked against the ranges. */
function withinRanges(space: MemoryRanges & { bytes: Buffer }, needle: Buffer): boolean {
  const { bytes, start, end, first, last } = space;
  if (first === last) return false;
  for (let at = bytes.indexOf(needle, start[first]); at >= 0; at = bytes.indexOf(needle, at + 1)) {
    // The last range starting at or before the hit.
    let lo = first;
    let hi = last - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (start[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    if (at + needle.length <= end[lo]) return true;
    // Any later hit inside range lo would run past its end too.
    if (lo + 1 === last) return false;
    at = start[lo + 1] - 1;
  }
  return false;
}

/** Fails naming every variable whose secret value the snapshot's data carries, unless allowSecrets. */
export function checkSecrets(data: MemoryRanges[], input: Uint8Array, options: PreinitOptions, hostEnv: NodeJS.ProcessEnv = process.env): void {
  if (options.allowSecrets) return;
  const hits = findSecrets(data, secretCandidates(options, hostEnv), input);
  if (hits.length === 0) return;
  const names = (reason: SecretCandidate['reason']) => [...new Set(hits.filter((h) => h.reason === reason).map((h) => h.name))].sort();
  const parts = [];
  if (names('name').length) parts.push(`the secret environment variable(s) ${names('name').join(', ')}`);
  if (names('shape').length) parts.push(`the token-shaped value(s) of ${names('shape').join(', ')}`);
  failNaming('SECRET', ['allowSecrets'], `the snapshot's memory contains ${parts.join(' and ')}; refusing to write it (allow it with allowSecrets)`);
}
