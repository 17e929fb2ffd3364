/** The sticky PR comment: find ours by its hidden marker (paginated), update it, else create one. */

export interface CommentTarget {
  apiUrl: string;
  repository: string;
  prNumber: number;
  token: string;
}

export interface UpsertResult {
  action: 'created' | 'updated' | 'skipped';
  id: number | null;
  url: string | null;
}

export class GitHubApiError extends Error {
  override name = 'GitHubApiError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

interface IssueComment {
  id: number;
  body?: string | null;
  html_url?: string;
  user?: { login?: string; type?: string } | null;
}

async function call(t: CommentTarget, method: string, url: string, body?: unknown): Promise<Response> {
  const res = await fetch(url, {
    method,
    headers: {
      accept: 'application/vnd.github+json',
      authorization: `Bearer ${t.token}`,
      'x-github-api-version': '2022-11-28',
      'user-agent': 'preinit-action',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) {
    let detail = '';
    try {
      const j = (await res.json()) as { message?: string };
      detail = j.message ? `: ${j.message}` : '';
    } catch {
      /* no JSON body */
    }
    throw new GitHubApiError(res.status, `${method} ${new URL(url).pathname} answered ${res.status}${detail}`);
  }
  return res;
}

function nextLink(link: string | null): string | null {
  if (!link) return null;
  for (const part of link.split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (m) return m[1];
  }
  return null;
}

/** Comments written by a bot (the workflow's GITHUB_TOKEN posts as `github-actions[bot]`). */
function isBot(c: IssueComment): boolean {
  return c.user?.type === 'Bot' || (c.user?.login ?? '').endsWith('[bot]');
}

export async function findComment(t: CommentTarget, marker: string): Promise<IssueComment | null> {
  const api = t.apiUrl.replace(/\/+$/, '');
  let url: string | null = `${api}/repos/${t.repository}/issues/${t.prNumber}/comments?per_page=100`;
  let found: IssueComment | null = null;
  let pages = 0;
  while (url && pages < 100) {
    pages++;
    const res = await call(t, 'GET', url);
    const list = (await res.json()) as IssueComment[];
    // Keep the last match: if duplicates exist, the newest one stays current.
    for (const c of list) if (isBot(c) && typeof c.body === 'string' && c.body.startsWith(marker)) found = c;
    url = nextLink(res.headers.get('link'));
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
  const api = t.apiUrl.replace(/\/+$/, '');
  const existing = await findComment(t, marker);
  if (existing) {
    const res = await call(t, 'PATCH', `${api}/repos/${t.repository}/issues/comments/${existing.id}`, { body });
    const c = (await res.json()) as IssueComment;
    return { action: 'updated', id: c.id ?? existing.id, url: c.html_url ?? existing.html_url ?? null };
  }
  if (!createIfMissing) return { action: 'skipped', id: null, url: null };
  const res = await call(t, 'POST', `${api}/repos/${t.repository}/issues/${t.prNumber}/comments`, { body });
  const c = (await res.json()) as IssueComment;
  return { action: 'created', id: c.id, url: c.html_url ?? null };
}
