// `jenkinsfile-lint --fix-unsafe` on every rule fixture that offers a fix: the fixed findings are
// gone, nothing new appears, a second run changes nothing, and line endings and the BOM survive.
// `--fix` applies only the safe fixes; `--fix-dry-run` prints the diff and writes nothing.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { applyPatch } from 'diff';
import { RULES } from '../server/out/rules/index.js';
import { CLI, filesUnder, flatten, lintPath, REPO, type Flat } from './helpers.js';

const FIXTURES = join(REPO, 'test', 'fixtures');

/** A copy of the fixture tree (configs and yamlFiles included) in a temporary folder with a .git root. */
function copyFixtures(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jkl-fix-'));
  cpSync(FIXTURES, dir, { recursive: true });
  cpSync(join(FIXTURES, '.jenkinsfile-lint.yaml'), join(dir, '.jenkinsfile-lint.yaml'));
  writeFileSync(join(dir, '.git'), 'gitdir: nowhere\n');
  return dir;
}

function fix(file: string, how = '--fix-unsafe') {
  return spawnSync(process.execPath, [CLI, how, '--format', 'json', file], { encoding: 'utf8' });
}

const key = (d: Flat) => `${d.code} ${d.message}`;

describe('--fix', () => {
  const withFixes = filesUnder(FIXTURES, (p) => p.endsWith('.Jenkinsfile')).filter((f) => (JSON.parse(readFileSync(f.replace(/\.Jenkinsfile$/, '.expected.json'), 'utf8')) as Flat[]).some((d) => d.fix));

  it('has fixtures with each kind of fix (safe, unsafe) that each fixable rule declares', () => {
    const kinds = new Map<string, Set<string>>();
    for (const f of withFixes) {
      for (const d of JSON.parse(readFileSync(f.replace(/\.Jenkinsfile$/, '.expected.json'), 'utf8')) as Flat[]) {
        if (d.fix) kinds.set(d.code, (kinds.get(d.code) ?? new Set()).add(d.fix.safe ? 'safe' : 'unsafe'));
      }
    }
    assert.deepEqual(
      Object.fromEntries([...kinds].sort().map(([code, k]) => [code, [...k].sort()])),
      Object.fromEntries(RULES.filter((r) => r.fixable).map((r) => [r.code, [...r.fixable!]])),
    );
  });

  for (const original of withFixes) {
    it(relative(FIXTURES, original), async () => {
      const dir = copyFixtures();
      const file = join(dir, relative(FIXTURES, original));
      const before = flatten((await lintPath(file)).diagnostics, dirname(file));
      const r = fix(file);
      assert.match(r.stderr, /^jenkinsfile-lint: fixed [1-9]\d* problems? in 1 file\n$/);
      const after = flatten((await lintPath(file)).diagnostics, dirname(file));
      // A fix may take a consequence with it (steps wrapped, the stage has something to do): what is
      // left is a subset of the findings without a fix.
      const unfixed = new Set(before.filter((d) => !d.fix).map(key));
      assert.deepEqual(after.map(key).filter((k) => !unfixed.has(k)), [], 'the fixed findings are gone and nothing new appears');
      const once = readFileSync(file, 'utf8');
      fix(file);
      assert.equal(readFileSync(file, 'utf8'), once, 'a second --fix changes nothing');
    });
  }

  it('keeps CRLF line endings and the byte-order mark', async () => {
    const dir = copyFixtures();
    const file = join(dir, 'JKL208', 'hit-exits.Jenkinsfile');
    writeFileSync(file, '\uFEFF' + readFileSync(file, 'utf8').replace(/\n/g, '\r\n'));
    fix(file);
    const fixed = readFileSync(file, 'utf8');
    assert.ok(fixed.startsWith('\uFEFF'), 'BOM kept');
    assert.equal(fixed.replace(/\r\n/g, '').includes('\n'), false, 'no bare LF introduced');
    assert.match(fixed, /image: maven:3\.9-eclipse-temurin-21\r\n {4}command: \[sleep\]\r\n {4}args: \[99d\]\r\n/);
    // The node container (cat without tty) has no automatic fix; the maven one is fixed.
    assert.deepEqual((await lintPath(file)).diagnostics.filter((d) => d.code === 'JKL208').map((d) => d.message.split(' ')[1]), ['"node"']);
  });

  it('leaves a file with nothing to fix untouched', () => {
    const dir = copyFixtures();
    const file = join(dir, 'JKL302', 'ok-debug-tags.Jenkinsfile');
    const mtime = statSync(file).mtimeMs;
    const text = readFileSync(file, 'utf8');
    fix(file);
    assert.equal(readFileSync(file, 'utf8'), text);
    assert.equal(statSync(file).mtimeMs, mtime);
  });

  it('--fix applies only the safe fixes and says how many more --fix-unsafe would apply', async () => {
    const dir = copyFixtures();
    const file = join(dir, 'JKL402', 'hit-section-typo.Jenkinsfile');
    const before = readFileSync(file, 'utf8');
    const r = fix(file, '--fix');
    const after = readFileSync(file, 'utf8');
    assert.match(r.stderr, /^jenkinsfile-lint: fixed 1 problem in 1 file; 1 more fix with --fix-unsafe\n$/);
    assert.notEqual(after, before);
    // The stage's steps are wrapped; the misspelt section keeps its name for the user to decide.
    const left = (await lintPath(file)).diagnostics.filter((d) => d.fix).map((d) => `${d.code} ${d.fix!.title} ${d.fix!.safe}`);
    assert.deepEqual(left, ['JKL402 Rename to "environment" false']);
  });

  it('--fix-dry-run prints the unified diff --fix would apply and writes nothing; the diff applies', () => {
    const dir = copyFixtures();
    const file = join(dir, 'JKL302', 'hit-no-debug-tag.Jenkinsfile');
    const before = readFileSync(file, 'utf8');
    const r = spawnSync(process.execPath, [CLI, '--fix-dry-run', 'JKL302/hit-no-debug-tag.Jenkinsfile'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 1);
    assert.equal(readFileSync(file, 'utf8'), before, 'nothing written');
    assert.match(r.stderr, /^jenkinsfile-lint: would fix [1-9]\d* problems? in 1 file\n$/);
    assert.match(r.stdout, /^--- a\/JKL302\/hit-no-debug-tag\.Jenkinsfile\n\+\+\+ b\/JKL302\/hit-no-debug-tag\.Jenkinsfile\n@@ /);
    fix(file, '--fix');
    assert.equal(applyPatch(before, r.stdout), readFileSync(file, 'utf8'), 'the diff is what --fix writes');
    const clean = spawnSync(process.execPath, [CLI, '--fix-dry-run', 'JKL302/hit-no-debug-tag.Jenkinsfile'], { cwd: dir, encoding: 'utf8' });
    assert.deepEqual([clean.status, clean.stdout], [0, '']);
  });
});
