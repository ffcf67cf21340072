// What the documentation tells users to run must be what we ship: the npm package's own name in
// every install and npx line (the name `jenkinsfile-lint` belongs to an unrelated package), and a
// pre-commit `rev` that is the tag the release script creates for the current version.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { it } from 'node:test';
import { filesUnder, REPO } from './helpers.js';

const PACKAGE = JSON.parse(readFileSync(join(REPO, 'server', 'package.json'), 'utf8')) as { name: string; version: string };
const DOCS = [join(REPO, 'README.md'), join(REPO, 'CHANGELOG.md'), join(REPO, 'server', 'README.md'), join(REPO, 'client', 'README.md'), ...filesUnder(join(REPO, 'docs'), (p) => p.endsWith('.md'))];

it('names the npm package in every npx and npm install line of the docs', () => {
  const wrong: string[] = [];
  for (const file of DOCS) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const where = `${relative(REPO, file)}: ${line.trim()}`;
      for (const m of line.matchAll(/\bnpx\b([^`'|&;]*)/g)) if (!m[1]!.includes(`--package=${PACKAGE.name} `)) wrong.push(where);
      for (const m of line.matchAll(/\bnpm (?:install|i) -g ([^\s`]+)/g)) if (m[1] !== PACKAGE.name) wrong.push(where);
    }
  }
  assert.deepEqual(wrong, []);
});

it("pins the pre-commit rev to the current version's release tag, and the changelog has its section", () => {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  assert.deepEqual([...readme.matchAll(/^\s+rev: (\S+)/gm)].map((m) => m[1]), [`v${PACKAGE.version}`]);
  for (const dir of ['.', 'client']) assert.equal(JSON.parse(readFileSync(join(REPO, dir, 'package.json'), 'utf8')).version, PACKAGE.version, `${dir}/package.json`);
  const changelog = readFileSync(join(REPO, 'CHANGELOG.md'), 'utf8');
  assert.match(changelog, new RegExp(`^## (Unreleased|${PACKAGE.version.replace(/\./g, '\\.')} )`, 'm'));
});
