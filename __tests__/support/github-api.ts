/**
 * A stateful loopback stand-in for the part of GitHub's REST API the action uses: list (with
 * `per_page`/`page` pagination and Link headers), create and update issue comments; list a
 * repository's artifacts by name (newest first, paginated, each with its `workflow_run`) and
 * download one (302 to the blob store, as GitHub answers). The only stand-in in the end-to-end
 * tests. `mode: 'read-only'` answers writes with 403 as GitHub does for the read-only token of a
 * fork's pull request.
 *
 * Artifacts come from two places: those uploaded to a linked artifact server, for the runs
 * registered with `addRun` (what GitHub shows after a run uploads), and listed-only ones added
 * with `seedArtifacts` (other branches' history, to fill pages; they cannot be downloaded).
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ArtifactServer } from './artifact-server.js';

/** What the REST API says about the run an artifact came from. */
export interface WorkflowRunInfo {
  id: number;
  headBranch: string;
  headSha?: string;
  /** Differs from the repository's id for a run of a fork's pull request. */
  headRepositoryId?: number;
}

interface ListedArtifact {
  id: number;
  name: string;
  createdAt: string;
  size: number;
  run: WorkflowRunInfo;
  expired: boolean;
  /** False for seeded ones: listed, but there is nothing to download. */
  downloadable: boolean;
}

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
  /** False: the token lacks `actions: read`, artifact requests answer 403. */
  actionsRead: boolean;
  /** Registers a workflow run of the linked artifact server: its uploads get listed with this run. */
  addRun(runBackendId: string, run: WorkflowRunInfo): void;
  /** Listed-only artifacts (no blob), created `createdAt(i)`. */
  seedArtifacts(count: number, name: string, run: (i: number) => WorkflowRunInfo, createdAt: (i: number) => string, expired?: boolean): void;
  /** Adds comments as another user (or bot), e.g. to push ours past the first page. */
  seed(issue: number, count: number, user?: { login: string; type: 'User' | 'Bot' }, body?: (i: number) => string): void;
  close(): Promise<void>;
}

const BOT = { login: 'github-actions[bot]', type: 'Bot' as const };

const REPOSITORY_ID = 1296269;

export async function startGitHubApi(opts: { token?: string; repository?: string; artifacts?: ArtifactServer } = {}): Promise<GitHubApi> {
  const token = opts.token ?? 'ghs_test_token';
  const repository = opts.repository ?? 'octo/preinit-demo';
  const runs = new Map<string, WorkflowRunInfo>();
  const seeded: ListedArtifact[] = [];
  let nextSeedId = 900000;
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
    actionsRead: true,
    seed(issue, count, user = { login: 'someone', type: 'User' }, body = (i) => `comment ${i}`) {
      for (let i = 0; i < count; i++) {
        const now = new Date().toISOString();
        comments.push({ id: nextId++, issue, body: body(i), user, created_at: now, updated_at: now });
      }
    },
    addRun(runBackendId, run) {
      runs.set(runBackendId, run);
    },
    seedArtifacts(count, name, run, createdAt, expired = false) {
      for (let i = 0; i < count; i++) seeded.push({ id: nextSeedId++, name, createdAt: createdAt(i), size: 1234, run: run(i), expired, downloadable: false });
    },
    close: async () => {},
  };

  /** Every artifact GitHub would list: the linked server's finalized uploads of known runs, and the seeded ones. */
  const allArtifacts = (): ListedArtifact[] => {
    const uploaded = (opts.artifacts?.artifacts ?? [])
      .filter((a) => a.finalized && !a.deleted && runs.has(a.runBackendId))
      .map((a) => ({ id: a.id, name: a.name, createdAt: a.createdAt, size: a.size ?? 0, run: runs.get(a.runBackendId)!, expired: false, downloadable: true }));
    return [...uploaded, ...seeded].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.id - a.id));
  };

  const artifactView = (a: ListedArtifact) => ({
    id: a.id,
    node_id: `MDg6QXJ0aWZhY3Qx${a.id}`,
    name: a.name,
    size_in_bytes: a.size,
    url: `${origin}/repos/${repository}/actions/artifacts/${a.id}`,
    archive_download_url: `${origin}/repos/${repository}/actions/artifacts/${a.id}/zip`,
    expired: a.expired,
    created_at: a.createdAt,
    updated_at: a.createdAt,
    expires_at: null,
    workflow_run: {
      id: a.run.id,
      repository_id: REPOSITORY_ID,
      head_repository_id: a.run.headRepositoryId ?? REPOSITORY_ID,
      head_branch: a.run.headBranch,
      head_sha: a.run.headSha ?? 'b'.repeat(40),
    },
  });

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
      // GitHub takes both schemes; octokit (inside @actions/artifact) sends `token`.
      if (![`Bearer ${token}`, `token ${token}`].includes(req.headers.authorization ?? '')) return reply(401, { message: 'Bad credentials' });
      const list = new RegExp(`^/repos/${repository}/issues/(\\d+)/comments$`).exec(url.pathname);
      const one = new RegExp(`^/repos/${repository}/issues/comments/(\\d+)$`).exec(url.pathname);
      /** One page of `all` with GitHub's Link header; other query parameters (e.g. `name`) are kept. */
      const paginate = <T>(all: T[]): { slice: T[]; headers: Record<string, string> } => {
        const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page') ?? 30)));
        const page = Math.max(1, Number(url.searchParams.get('page') ?? 1));
        const last = Math.max(1, Math.ceil(all.length / perPage));
        const links: string[] = [];
        const link = (p: number, rel: string) => {
          const q = new URLSearchParams(url.searchParams);
          q.set('per_page', String(perPage));
          q.set('page', String(p));
          return `<${origin}${url.pathname}?${q}>; rel="${rel}"`;
        };
        if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
        if (page > 1) links.push(link(1, 'first'), link(page - 1, 'prev'));
        return { slice: all.slice((page - 1) * perPage, page * perPage), headers: links.length ? { link: links.join(', ') } : {} };
      };
      if (list && req.method === 'GET') {
        const { slice, headers } = paginate(comments.filter((c) => c.issue === Number(list[1])));
        return reply(200, slice.map(view), headers);
      }
      if (url.pathname.startsWith(`/repos/${repository}/actions/`) && !state.actionsRead) {
        return reply(403, { message: 'Resource not accessible by integration' });
      }
      if (url.pathname === `/repos/${repository}/actions/artifacts` && req.method === 'GET') {
        const name = url.searchParams.get('name');
        const all = allArtifacts().filter((a) => name === null || a.name === name);
        const { slice, headers } = paginate(all);
        return reply(200, { total_count: all.length, artifacts: slice.map(artifactView) }, headers);
      }
      const zip = new RegExp(`^/repos/${repository}/actions/artifacts/(\\d+)/zip$`).exec(url.pathname);
      if (zip && req.method === 'GET') {
        const a = allArtifacts().find((x) => x.id === Number(zip[1]));
        if (!a) return reply(404, { message: 'Not Found' });
        if (a.expired) return reply(410, { message: 'Artifact has expired' });
        if (!opts.artifacts || !a.downloadable) return reply(404, { message: 'Not Found' });
        // GitHub answers with a short-lived signed URL of the blob store.
        return reply(302, null, { location: `${opts.artifacts.url}/devstoreaccount1/artifacts/${a.id}.zip?sig=read` });
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
