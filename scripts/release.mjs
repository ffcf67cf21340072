// Cuts a release: `node scripts/release.mjs <version>` on a clean checkout of main.
// Sets the version of the npm package, the extension and the workspace (package.json files and the
// lockfile), turns CHANGELOG.md's "## Unreleased" into "## <version> (<date>)", points the README's
// pre-commit snippet at the new tag, commits that as "Release <version>" and tags the commit
// v<version>: the tag users pin as the pre-commit `rev`.
// Publishing and pushing are the next steps, by hand (README, Releasing).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const version = process.argv[2];
const fail = (message) => {
  process.stderr.write(`release: ${message}\n`);
  process.exit(1);
};
if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version ?? '')) fail('usage: node scripts/release.mjs <major.minor.patch>');
const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
if (git('status', '--porcelain')) fail('the working tree has changes; commit or stash them first');
const tag = `v${version}`;
if (git('tag', '--list', tag)) fail(`tag ${tag} exists already`);

const changelogPath = join(root, 'CHANGELOG.md');
const changelog = readFileSync(changelogPath, 'utf8');
if (!/^## Unreleased\n\n- /m.test(changelog)) fail('CHANGELOG.md has no "## Unreleased" section with entries to release');
writeFileSync(changelogPath, changelog.replace(/^## Unreleased$/m, `## ${version} (${new Date().toISOString().slice(0, 10)})`));

const readmePath = join(root, 'README.md');
writeFileSync(readmePath, readFileSync(readmePath, 'utf8').replace(/^(\s+rev: )v\S+/m, `$1${tag}`));

const editJson = (file, edit) => {
  const path = join(root, file);
  const data = JSON.parse(readFileSync(path, 'utf8'));
  edit(data);
  writeFileSync(path, JSON.stringify(data, null, 2) + '\n');
};
for (const dir of ['.', 'server', 'client']) editJson(join(dir, 'package.json'), (p) => (p.version = version));
editJson('package-lock.json', (lock) => {
  lock.version = version;
  for (const key of ['', 'server', 'client']) lock.packages[key].version = version;
});

git('add', 'CHANGELOG.md', 'README.md', 'package.json', 'server/package.json', 'client/package.json', 'package-lock.json');
git('commit', '-q', '-m', `Release ${version}`);
git('tag', '-a', tag, '-m', `jenkinsfile-linter ${version}`);
process.stdout.write(`Tagged ${tag}. Next: npm ci && npm test && npm publish -w server && npm run package && git push origin main ${tag}\n`);
