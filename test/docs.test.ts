// What the documentation tells users must be what we ship: the npm package's own name in every
// install and npx line (the name `jenkinsfile-lint` belongs to an unrelated package), a pre-commit
// `rev` that is the tag the release script creates for the current version, a quick start that
// runs as written and prints what it says, and a rules table with every rule.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { it } from 'node:test';
import { RULES } from '../server/out/rules/index.js';
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

const README = readFileSync(join(REPO, 'README.md'), 'utf8');

it("runs the quick start's lint command as written, with the registry unreachable, and prints the summary the README shows", () => {
  const [first] = /## Quick start\n\n```sh\n([\s\S]*?)```/.exec(README)![1]!.split('\n');
  // `npm ci` is the installation this test runs in; the rest is the command, without its comment.
  const command = first!.replace(/^npm ci && /, '').replace(/\s+#.*$/, '');
  const r = spawnSync('sh', ['-c', command], { cwd: REPO, encoding: 'utf8', env: { ...process.env, npm_config_registry: 'http://127.0.0.1:9/', NO_COLOR: '1' } });
  assert.equal(r.status, 1, r.stderr);
  const shown = /report ends with what it checked and found:\n\n```\n(.*)\n```/.exec(README)![1];
  assert.equal(r.stdout.trimEnd().split('\n').pop(), shown);
});

it('lists every rule in the "What it checks" table, linked to its page, with its name, default severity and whether it fixes', () => {
  const section = README.slice(README.indexOf('## What it checks'), README.indexOf('### Limits'));
  const rows = [...section.matchAll(/^\| \[(\w+)\]\(docs\/rules\/(\w+)\.md\) \| ([\w-]+) \| (\w+) \| .* \|(.*)\|$/gm)];
  assert.deepEqual(
    rows.map(([, code, page, name, severity, fix]) => ({ code, page, name, severity, fixable: fix!.match(/\b(?:un)?safe\b/g) ?? [] })),
    RULES.map((r) => ({ code: r.code, page: r.code, name: r.name, severity: r.severity, fixable: r.fixable ?? [] })),
  );
});
