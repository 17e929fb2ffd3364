/**
 * The set-up the action's e2e suites share: the shipped dist/ copied away from node_modules once
 * per suite, and per test a fresh loopback artifact service and REST stand-in, closed after it.
 * Call inside a describe; the fields are set by the time a test runs.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startArtifactServer, type ArtifactServer } from './artifact-server.js';
import { startGitHubApi, type GitHubApi } from './github-api.js';
import { copyDist } from './run-action.js';

export interface ActionFixture {
  actionDir: string;
  artifacts: ArtifactServer;
  api: GitHubApi;
}

/**
 * `restArtifacts`: the REST stand-in lists and serves the artifact service's artifacts.
 * `noViolations`: every test ends with the artifact service having seen no protocol violation.
 */
export function actionFixture(options: { restArtifacts?: boolean; noViolations?: boolean } = {}): ActionFixture {
  const f = {} as ActionFixture;
  beforeAll(() => {
    f.actionDir = copyDist();
  });
  afterAll(() => fs.rmSync(path.dirname(f.actionDir), { recursive: true, force: true }));
  beforeEach(async () => {
    f.artifacts = await startArtifactServer();
    f.api = await startGitHubApi(options.restArtifacts ? { artifacts: f.artifacts } : {});
  });
  afterEach(async () => {
    try {
      if (options.noViolations) expect(f.artifacts.violations).toEqual([]);
    } finally {
      await f.artifacts.close();
      await f.api.close();
    }
  });
  return f;
}
