/**
 * A loopback stand-in for GitHub's artifact backend, written from the protocol the official
 * @actions/artifact client speaks: Twirp JSON on /twirp/github.actions.results.api.v1.
 * ArtifactService/*, and an Azure block-blob store behind the signed upload URL
 * (PUT ?comp=block&blockid=..., then PUT ?comp=blocklist). It is strict on purpose: blocks must
 * be committed in the order the SDK numbered them, every listed block must have been staged,
 * and FinalizeArtifact's size and sha256 must match the committed blob. Several workflow runs,
 * and several jobs of one run, can share one server (`newRun(run, job)`): each job gets its own
 * runtime token; names are unique per run, and any job of a run lists, downloads and deletes
 * the artifacts its other jobs uploaded (a matrix's merge job).
 */
import * as crypto from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StoredArtifact {
  id: number;
  name: string;
  runBackendId: string;
  jobBackendId: string;
  /** The committed zip, null until the block list is committed. */
  blob: Buffer | null;
  /** Block ids in the order they were staged (uploads may run in parallel). */
  stagedOrder: string[];
  /** Sizes of the committed blocks, in commit order. */
  committedBlockSizes: number[];
  finalized: boolean;
  size: number | null;
  digest: string | null;
  createdAt: string;
  /** CreateArtifact's expires_at (set from retention-days), null when absent. */
  expiresAt: string | null;
  deleted: boolean;
}

export interface RequestLogEntry {
  method: string;
  path: string;
  query: string;
  status: number;
}

export interface ArtifactServer {
  url: string;
  artifacts: StoredArtifact[];
  log: RequestLogEntry[];
  /** Problems the server refused (wrong order, bad hash, ...): tests assert this stays empty. */
  violations: string[];
  /** The token of the server's first run. */
  runtimeToken: string;
  /** A job of a workflow run (a new run, or another job of a known one) on the same store: its runtime token. */
  newRun(runBackendId: string, jobBackendId?: string): string;
  close(): Promise<void>;
}

const SERVICE = '/twirp/github.actions.results.api.v1.ArtifactService/';

function b64url(s: string): string {
  return Buffer.from(s).toString('base64url');
}

/** An unsigned JWT whose `scp` claim is what the client decodes to find its run and job. */
export function makeRuntimeToken(runBackendId: string, jobBackendId: string): string {
  const header = b64url(JSON.stringify({ alg: 'none', typ: 'JWT' }));
  const payload = b64url(
    JSON.stringify({ scp: `Actions.ExampleScope Actions.Results:${runBackendId}:${jobBackendId}`, exp: 4102444800 }),
  );
  return `${header}.${payload}.sig`;
}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** The SDK names block i as base64(<prefix><i padded to 6 digits>). */
function blockIndex(id: string): { prefix: string; index: number } | null {
  const raw = Buffer.from(id, 'base64').toString('utf8');
  const m = /^(.*?)(\d{6})$/.exec(raw);
  return m ? { prefix: m[1], index: Number(m[2]) } : null;
}

export async function startArtifactServer(opts: { runBackendId?: string; jobBackendId?: string } = {}): Promise<ArtifactServer> {
  const runBackendId = opts.runBackendId ?? 'run-backend-1';
  const jobBackendId = opts.jobBackendId ?? 'job-backend-1';
  const runtimeToken = makeRuntimeToken(runBackendId, jobBackendId);
  const runs = new Map<string, { run: string; job: string }>([[runtimeToken, { run: runBackendId, job: jobBackendId }]]);
  const artifacts: StoredArtifact[] = [];
  const blocks = new Map<number, Map<string, Buffer>>();
  const log: RequestLogEntry[] = [];
  const violations: string[] = [];
  let nextId = 1000;
  let origin = '';

  function twirp(method: string, body: Record<string, unknown>, ids: { run: string; job: string }): { status: number; json: unknown } {
    const live = (name: string) => artifacts.find((a) => a.name === name && !a.deleted && a.runBackendId === ids.run);
    const err = (status: number, code: string, msg: string) => ({ status, json: { code, msg } });
    // A job uploads as itself; it lists, downloads and deletes any artifact of its run, naming
    // the job that uploaded it (the client sends the ids ListArtifacts gave it).
    const uploading = method === 'CreateArtifact' || method === 'FinalizeArtifact';
    if (body.workflow_run_backend_id !== ids.run || (uploading && body.workflow_job_run_backend_id !== ids.job)) {
      return err(400, 'invalid_argument', 'backend ids do not match the runtime token');
    }
    const named = (a: StoredArtifact | undefined) => (a && a.jobBackendId === body.workflow_job_run_backend_id ? a : undefined);
    switch (method) {
      case 'CreateArtifact': {
        const name = String(body.name ?? '');
        if (!name) return err(400, 'invalid_argument', 'name is required');
        if (body.version !== 4 && body.version !== 7) return err(400, 'invalid_argument', `unexpected version ${String(body.version)}`);
        if (live(name)) return err(409, 'already_exists', `an artifact with this name already exists on the workflow run`);
        const a: StoredArtifact = {
          id: nextId++,
          name,
          runBackendId: ids.run,
          jobBackendId: ids.job,
          blob: null,
          stagedOrder: [],
          committedBlockSizes: [],
          finalized: false,
          size: null,
          digest: null,
          createdAt: new Date().toISOString(),
          expiresAt: typeof body.expires_at === 'string' ? body.expires_at : null,
          deleted: false,
        };
        artifacts.push(a);
        blocks.set(a.id, new Map());
        return { status: 200, json: { ok: true, signed_upload_url: `${origin}/devstoreaccount1/artifacts/${a.id}.zip?sig=upload` } };
      }
      case 'FinalizeArtifact': {
        const a = artifacts.find((x) => x.name === body.name && x.runBackendId === ids.run && !x.deleted && !x.finalized);
        if (!a) return err(404, 'not_found', 'no artifact being uploaded under this name');
        if (!a.blob) return err(400, 'invalid_argument', 'the blob was never committed');
        const size = Number(body.size);
        if (size !== a.blob.length) {
          violations.push(`FinalizeArtifact size ${size} != committed ${a.blob.length}`);
          return err(400, 'invalid_argument', 'size mismatch');
        }
        const hash = (body.hash as { value?: string } | string | undefined) ?? '';
        const value = typeof hash === 'string' ? hash : (hash.value ?? '');
        const expected = 'sha256:' + crypto.createHash('sha256').update(a.blob).digest('hex');
        if (value !== expected) {
          violations.push(`FinalizeArtifact hash ${value} != ${expected}`);
          return err(400, 'invalid_argument', 'hash mismatch');
        }
        a.finalized = true;
        a.size = size;
        a.digest = value;
        return { status: 200, json: { ok: true, artifact_id: String(a.id) } };
      }
      case 'ListArtifacts': {
        const nameFilter = (body.name_filter as string | { value?: string } | undefined) ?? undefined;
        const name = typeof nameFilter === 'string' ? nameFilter : nameFilter?.value;
        const idFilter = (body.id_filter as string | number | { value?: string | number } | undefined) ?? undefined;
        const idRaw = typeof idFilter === 'object' ? idFilter?.value : idFilter;
        const id = idRaw === undefined ? undefined : Number(idRaw);
        const list = artifacts
          .filter((a) => a.finalized && !a.deleted && a.runBackendId === ids.run && (name === undefined || a.name === name) && (id === undefined || a.id === id))
          .map((a) => ({
            workflow_run_backend_id: a.runBackendId,
            workflow_job_run_backend_id: a.jobBackendId,
            database_id: String(a.id),
            name: a.name,
            size: String(a.size),
            created_at: a.createdAt,
            digest: a.digest,
          }));
        return { status: 200, json: { artifacts: list } };
      }
      case 'GetSignedArtifactURL': {
        const a = named(live(String(body.name)));
        if (!a || !a.finalized) return err(404, 'not_found', 'artifact not found');
        return { status: 200, json: { signed_url: `${origin}/devstoreaccount1/artifacts/${a.id}.zip?sig=read` } };
      }
      case 'DeleteArtifact': {
        const a = named(live(String(body.name)));
        if (!a) return err(404, 'not_found', 'artifact not found');
        a.deleted = true;
        return { status: 200, json: { ok: true, artifact_id: String(a.id) } };
      }
      default:
        return err(404, 'bad_route', `no method ${method}`);
    }
  }

  async function blob(req: http.IncomingMessage, url: URL, res: http.ServerResponse): Promise<number> {
    const m = /^\/devstoreaccount1\/artifacts\/(\d+)\.zip$/.exec(url.pathname);
    const a = m ? artifacts.find((x) => x.id === Number(m[1])) : undefined;
    const send = (status: number, headers: Record<string, string> = {}, body?: Buffer | string) => {
      res.writeHead(status, { 'x-ms-request-id': crypto.randomUUID(), 'x-ms-version': '2025-01-05', ...headers });
      res.end(body);
      return status;
    };
    if (!a) return send(404, {}, 'no such blob');
    const comp = url.searchParams.get('comp');
    if (req.method === 'GET') {
      if (url.searchParams.get('sig') !== 'read' || !a.blob || !a.finalized) return send(403, {}, 'not readable');
      return send(200, { 'content-type': 'application/zip', 'content-length': String(a.blob.length) }, a.blob);
    }
    if (req.method !== 'PUT' || url.searchParams.get('sig') !== 'upload') return send(405);
    if (a.finalized) return send(409, {}, 'already finalized');
    const body = await readBody(req);
    const staged = blocks.get(a.id)!;
    if (comp === 'block') {
      const id = url.searchParams.get('blockid') ?? '';
      if (!blockIndex(id)) {
        violations.push(`block id ${id} does not follow the SDK's numbering`);
        return send(400);
      }
      staged.set(id, body);
      a.stagedOrder.push(id);
      return send(201, { 'content-md5': crypto.createHash('md5').update(body).digest('base64') });
    }
    if (comp === 'blocklist') {
      const ids = [...body.toString('utf8').matchAll(/<(Latest|Committed|Uncommitted)>([^<]*)<\/\1>/g)].map((x) => x[2]);
      const parsed = ids.map(blockIndex);
      for (let i = 0; i < ids.length; i++) {
        const p = parsed[i];
        if (!staged.has(ids[i])) {
          violations.push(`block ${ids[i]} committed but never staged`);
          return send(400);
        }
        if (!p || p.index !== i || p.prefix !== parsed[0]!.prefix) {
          violations.push(`block list out of order at position ${i}: ${ids[i]}`);
          return send(400);
        }
      }
      const parts = ids.map((id) => staged.get(id)!);
      a.committedBlockSizes = parts.map((p) => p.length);
      a.blob = Buffer.concat(parts);
      return send(201, { etag: `"${crypto.randomUUID()}"`, 'last-modified': new Date().toUTCString() });
    }
    // A single-shot upload (no blocks).
    a.blob = body;
    a.committedBlockSizes = [body.length];
    return send(201, { etag: `"${crypto.randomUUID()}"`, 'last-modified': new Date().toUTCString() });
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    const done = (status: number): void => {
      log.push({ method: req.method ?? '', path: url.pathname, query: url.search, status });
    };
    void (async () => {
      try {
        if (url.pathname.startsWith(SERVICE)) {
          const method = url.pathname.slice(SERVICE.length);
          if (req.method !== 'POST') {
            res.writeHead(405).end();
            return done(405);
          }
          const ids = runs.get((req.headers.authorization ?? '').replace(/^Bearer /, ''));
          if (!ids) {
            res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 'unauthenticated', msg: 'bad token' }));
            return done(401);
          }
          const body = JSON.parse((await readBody(req)).toString('utf8') || '{}') as Record<string, unknown>;
          const out = twirp(method, body, ids);
          res.writeHead(out.status, { 'content-type': 'application/json' }).end(JSON.stringify(out.json));
          return done(out.status);
        }
        done(await blob(req, url, res));
      } catch (e) {
        violations.push(`server error: ${(e as Error).message}`);
        res.writeHead(500).end();
        done(500);
      }
    })();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    artifacts,
    log,
    violations,
    runtimeToken,
    newRun(run, job = `${run}-job`) {
      const token = makeRuntimeToken(run, job);
      runs.set(token, { run, job });
      return token;
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
