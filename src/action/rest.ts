/** The few GitHub REST calls the action makes (comments, artifact listing): one fetch wrapper, Link pagination. */

export interface RestTarget {
  apiUrl: string;
  /** `owner/name`. */
  repository: string;
  token: string;
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

export function apiRoot(t: RestTarget): string {
  return `${t.apiUrl.replace(/\/+$/, '')}/repos/${t.repository}`;
}

export async function call(t: RestTarget, method: string, url: string, body?: unknown): Promise<Response> {
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

/**
 * Every page of a listing, following Link rel="next" (capped at 100 pages: 10,000 items).
 * `items` picks the list out of a page (comments are a bare array, artifacts a wrapped one).
 */
export async function* pages<T>(t: RestTarget, url: string, items: (page: unknown) => T[]): AsyncGenerator<T[]> {
  let next: string | null = url;
  for (let n = 0; next && n < 100; n++) {
    const res = await call(t, 'GET', next);
    yield items(await res.json());
    next = nextLink(res.headers.get('link'));
  }
}
