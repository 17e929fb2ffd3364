import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** A maker of temporary directories for one test file; all of them are removed when its tests end. */
export function tempDirs(): (prefix: string) => string {
  const made: string[] = [];
  afterAll(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
  return (prefix) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
}
