/** What the workflow's event says about this run: the pull request it belongs to and its base branch, if any. */
import * as fs from 'node:fs';

interface EventPayload {
  pull_request?: { number?: number; base?: { ref?: string } };
  issue?: { number?: number; pull_request?: unknown };
  number?: number;
}

function readEvent(env: NodeJS.ProcessEnv): EventPayload {
  const p = env.GITHUB_EVENT_PATH;
  if (!p || !fs.existsSync(p)) return {};
  try {
    return JSON.parse(fs.readFileSync(p, 'utf8')) as EventPayload;
  } catch {
    return {};
  }
}

/** The PR number of a `pull_request` event or of a comment on a PR; null otherwise. */
export function prNumberOf(env: NodeJS.ProcessEnv): number | null {
  const ev = readEvent(env);
  if (ev.pull_request?.number) return ev.pull_request.number;
  if (ev.issue?.pull_request && ev.issue.number) return ev.issue.number;
  return null;
}

/** The branch a pull request merges into (`pull_request.base.ref`); null for any other event. */
export function baseBranchOf(env: NodeJS.ProcessEnv): string | null {
  const ref = readEvent(env).pull_request?.base?.ref;
  return typeof ref === 'string' && ref !== '' ? ref : null;
}
