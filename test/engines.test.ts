// The supported Node (the workspace's engines) must install every package of the lockfile cleanly:
// `npm ci` warns EBADENGINE for a package that wants a newer Node (as @vscode/vsce 4 wanted 22).
// The workspace asks for 20.18.1 because vsce's cheerio and undici do; the npm package, which has
// no dependencies, runs on 20.12 (server/package.json).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import semver from 'semver';
import { REPO } from './helpers.js';

const read = (p: string) => JSON.parse(readFileSync(join(REPO, p), 'utf8'));

it("installs on the oldest Node the project supports: every locked package's engines accept it", () => {
  const oldest = semver.minVersion(read('package.json').engines.node)!.version;
  const lock = read('package-lock.json') as { packages: Record<string, { engines?: { node?: string } }> };
  const refusing = Object.entries(lock.packages)
    .filter(([, p]) => typeof p.engines?.node === 'string' && !semver.satisfies(oldest, p.engines.node, { includePrerelease: true }))
    .map(([path, p]) => `${path} (node ${p.engines!.node})`);
  assert.deepEqual(refusing, [], `these want a newer Node than ${oldest}`);
});
