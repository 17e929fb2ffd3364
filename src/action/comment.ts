/** The sticky PR comment: find ours by its hidden marker (paginated), update it, else create one. */
import { apiRoot, call, pages, type RestTarget } from './rest.js';

export interface CommentTarget extends RestTarget {
  prNumber: number;
}

export interface UpsertResult {
  action: 'created' | 'updated' | 'skipped';
  id: number | null;
  url: string | null;
}

interface IssueComment {
  id: number;
  body?: string | null;
  html_url?: string;
  user?: { login?: string; type?: string } | null;
}

/** Comments written by a bot (the workflow's GITHUB_TOKEN posts as `github-actions[bot]`). */
function isBot(c: IssueComment): boolean {
  return c.user?.type === 'Bot' || (c.user?.login ?? '').endsWith('[bot]');
}

export async function findComment(t: CommentTarget, marker: string): Promise<IssueComment | null> {
  let found: IssueComment | null = null;
  for await (const list of pages(t, `${apiRoot(t)}/issues/${t.prNumber}/comments?per_page=100`, (p) => p as IssueComment[])) {
    // Keep the last match: if duplicates exist, the newest one stays current.
    for (const c of list) if (isBot(c) && typeof c.body === 'string' && c.body.startsWith(marker)) found = c;
  }
  return found;
}

/**
 * Creates or updates the comment. `createIfMissing: false` only refreshes an existing comment
 * (used when the change is below the threshold: an old comment must not go stale).
 */
export async function upsertComment(
  t: CommentTarget,
  marker: string,
  body: string,
  createIfMissing: boolean,
): Promise<UpsertResult> {
  const existing = await findComment(t, marker);
  if (existing) {
    const res = await call(t, 'PATCH', `${apiRoot(t)}/issues/comments/${existing.id}`, { body });
    const c = (await res.json()) as IssueComment;
    return { action: 'updated', id: c.id ?? existing.id, url: c.html_url ?? existing.html_url ?? null };
  }
  if (!createIfMissing) return { action: 'skipped', id: null, url: null };
  const res = await call(t, 'POST', `${apiRoot(t)}/issues/${t.prNumber}/comments`, { body });
  const c = (await res.json()) as IssueComment;
  return { action: 'created', id: c.id, url: c.html_url ?? null };
}
