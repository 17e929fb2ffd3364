/**
 * A stateful loopback stand-in for the part of GitHub's REST API the action uses: list (with
 * `per_page`/`page` pagination and Link headers), create and update issue comments. The only
 * stand-in in the end-to-end tests. `mode: 'read-only'` answers writes with 403 as GitHub does
 * for the read-only token of a fork's pull request.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StoredComment {
  id: number;
  issue: number;
  body: string;
  user: { login: string; type: 'User' | 'Bot' };
  created_at: string;
  updated_at: string;
}

export interface ApiRequest {
  method: string;
  path: string;
  query: string;
  status: number;
  body: unknown;
}

export interface GitHubApi {
  url: string;
  token: string;
  repository: string;
  comments: StoredComment[];
  requests: ApiRequest[];
  mode: 'ok' | 'read-only';
  /** Adds comments as another user (or bot), e.g. to push ours past the first page. */
  seed(issue: number, count: number, user?: { login: string; type: 'User' | 'Bot' }, body?: (i: number) => string): void;
  close(): Promise<void>;
}

const BOT = { login: 'github-actions[bot]', type: 'Bot' as const };

export async function startGitHubApi(opts: { token?: string; repository?: string } = {}): Promise<GitHubApi> {
  const token = opts.token ?? 'ghs_test_token';
  const repository = opts.repository ?? 'octo/preinit-demo';
  const comments: StoredComment[] = [];
  const requests: ApiRequest[] = [];
  let nextId = 5000;
  let origin = '';
  const state: GitHubApi = {
    url: '',
    token,
    repository,
    comments,
    requests,
    mode: 'ok',
    seed(issue, count, user = { login: 'someone', type: 'User' }, body = (i) => `comment ${i}`) {
      for (let i = 0; i < count; i++) {
        const now = new Date().toISOString();
        comments.push({ id: nextId++, issue, body: body(i), user, created_at: now, updated_at: now });
      }
    },
    close: async () => {},
  };

  const view = (c: StoredComment) => ({
    id: c.id,
    node_id: `IC_${c.id}`,
    body: c.body,
    user: { login: c.user.login, type: c.user.type, id: c.user.type === 'Bot' ? 41898282 : 1 },
    html_url: `https://github.com/${repository}/pull/${c.issue}#issuecomment-${c.id}`,
    issue_url: `${origin}/repos/${repository}/issues/${c.issue}`,
    created_at: c.created_at,
    updated_at: c.updated_at,
  });

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', origin);
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: unknown = null;
      try {
        body = raw ? JSON.parse(raw) : null;
      } catch {
        body = raw;
      }
      const reply = (status: number, json: unknown, headers: Record<string, string> = {}) => {
        requests.push({ method: req.method ?? '', path: url.pathname, query: url.search, status, body });
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
        res.end(JSON.stringify(json));
      };
      if (req.headers.authorization !== `Bearer ${token}`) return reply(401, { message: 'Bad credentials' });
      const list = new RegExp(`^/repos/${repository}/issues/(\\d+)/comments$`).exec(url.pathname);
      const one = new RegExp(`^/repos/${repository}/issues/comments/(\\d+)$`).exec(url.pathname);
      if (list && req.method === 'GET') {
        const issue = Number(list[1]);
        const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page') ?? 30)));
        const page = Math.max(1, Number(url.searchParams.get('page') ?? 1));
        const all = comments.filter((c) => c.issue === issue);
        const last = Math.max(1, Math.ceil(all.length / perPage));
        const links: string[] = [];
        const link = (p: number, rel: string) =>
          `<${origin}${url.pathname}?per_page=${perPage}&page=${p}>; rel="${rel}"`;
        if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
        if (page > 1) links.push(link(1, 'first'), link(page - 1, 'prev'));
        const slice = all.slice((page - 1) * perPage, page * perPage).map(view);
        return reply(200, slice, links.length ? { link: links.join(', ') } : {});
      }
      if (list && req.method === 'POST') {
        if (state.mode === 'read-only') return reply(403, { message: 'Resource not accessible by integration' });
        const text = (body as { body?: unknown } | null)?.body;
        if (typeof text !== 'string' || text === '') return reply(422, { message: 'Validation Failed' });
        if (text.length > 65536) return reply(422, { message: 'Validation Failed: body is too long (maximum is 65536 characters)' });
        const now = new Date().toISOString();
        const c: StoredComment = { id: nextId++, issue: Number(list[1]), body: text, user: BOT, created_at: now, updated_at: now };
        comments.push(c);
        return reply(201, view(c));
      }
      if (one && req.method === 'PATCH') {
        if (state.mode === 'read-only') return reply(403, { message: 'Resource not accessible by integration' });
        const c = comments.find((x) => x.id === Number(one[1]));
        if (!c) return reply(404, { message: 'Not Found' });
        if (c.user.login !== BOT.login) return reply(403, { message: 'You can only edit your own comments' });
        const text = (body as { body?: unknown } | null)?.body;
        if (typeof text !== 'string' || text === '') return reply(422, { message: 'Validation Failed' });
        if (text.length > 65536) return reply(422, { message: 'Validation Failed: body is too long (maximum is 65536 characters)' });
        c.body = text;
        c.updated_at = new Date().toISOString();
        return reply(200, view(c));
      }
      return reply(404, { message: 'Not Found' });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.url = origin;
  state.close = () =>
    new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    });
  return state;
}
