#!/usr/bin/env node
// Pins every repository in sources.json to the commit its local mirror has (HEAD of the default
// branch) and records the version that commit carries, then rewrites sources.json.
//
//   node scripts/catalog/pin.mjs [--mirrors /work/.mirror] [--only owner/name,…] [--dry-run]
//
// Version, in this order:
//   1. a release tag pointing at the commit (prefixes such as "git-" or "ws-cleanup-" dropped);
//   2. the pom's concrete <revision> (e.g. 5.10.2) + the pom's <changelist> when that is "-SNAPSHOT";
//   3. otherwise (JEP-229 versions such as 1098.v808b_fd7f8cf4 are computed at release time and
//      cannot be read from the commit) the commit date, "YYYY-MM-DD", and `after` names the newest
//      release tag the commit descends from.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { findGitDir } from './model.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => { const k = args.indexOf(name); return k >= 0 ? args[k + 1] : dflt; };
const mirrors = opt('--mirrors', '/work/.mirror');
const only = opt('--only', null)?.split(',');
const dryRun = args.includes('--dry-run');
const file = join(here, 'sources.json');
const config = JSON.parse(readFileSync(file, 'utf8'));

for (const src of config.sources) {
  if (only && !only.includes(src.repo)) continue;
  const gitDir = findGitDir(mirrors, src.repo);
  if (!gitDir) { console.error(`no mirror of ${src.repo}`); process.exitCode = 1; continue; }
  const git = (...a) => execFileSync('git', ['--git-dir', gitDir, ...a], { encoding: 'utf8' }).trim();
  const commit = git('rev-parse', 'HEAD^{commit}');
  const date = git('log', '-1', '--format=%cs', commit);
  const tags = git('tag', '--points-at', commit).split('\n').filter(Boolean).sort();
  let version = null;
  let after;
  if (tags.length) version = tagVersion(tags[tags.length - 1], src);
  if (!version) {
    const pomPath = src.pom ?? 'pom.xml';
    let pom = '';
    try { pom = git('show', `${commit}:${pomPath}`); } catch { pom = ''; }
    const revision = /<revision>([^<]+)<\/revision>/.exec(pom)?.[1];
    const changelist = /<changelist>([^<]*)<\/changelist>/.exec(pom)?.[1];
    if (revision && /^\d+(\.\d+)*$/.test(revision) && changelist === '-SNAPSHOT') version = `${revision}-SNAPSHOT`;
  }
  if (!version) {
    version = date;
    try { after = tagVersion(git('describe', '--tags', '--abbrev=0', commit), src); } catch { after = undefined; }
  }
  src.commit = commit;
  src.version = version;
  src.date = date;
  if (after) src.after = after; else delete src.after;
  console.log(`${src.repo.padEnd(48)} ${commit.slice(0, 12)} ${version}${after ? ` (after ${after})` : ''}`);
}

if (!dryRun) writeFileSync(file, JSON.stringify(config, null, 2) + '\n');

function tagVersion(tag, src) {
  const name = src.repo.split('/')[1].replace(/-plugin$/, '');
  return tag.replace(new RegExp(`^(${name}|${src.plugin}|jenkins|release|v)-?`, 'i'), '') || null;
}
