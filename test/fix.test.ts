// `jenkinsfile-lint --fix` on every rule fixture that offers a fix: the fixed findings are gone,
// nothing new appears, a second run changes nothing, and line endings and the BOM survive.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { describe, it } from 'node:test';
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

function fix(file: string) {
  return spawnSync(process.execPath, [CLI, '--fix', '--format', 'json', file], { encoding: 'utf8' });
}

const key = (d: Flat) => `${d.code} ${d.message}`;

describe('--fix', () => {
  const withFixes = filesUnder(FIXTURES, (p) => p.endsWith('.Jenkinsfile')).filter((f) => (JSON.parse(readFileSync(f.replace(/\.Jenkinsfile$/, '.expected.json'), 'utf8')) as Flat[]).some((d) => d.fix));

  it('has fixtures with fixes for every fixable rule', () => {
    const codes = new Set(withFixes.flatMap((f) => (JSON.parse(readFileSync(f.replace(/\.Jenkinsfile$/, '.expected.json'), 'utf8')) as Flat[]).filter((d) => d.fix).map((d) => d.code)));
    assert.deepEqual([...codes].sort(), ['JKL003', 'JKL101', 'JKL201', 'JKL204', 'JKL208', 'JKL302', 'JKL303', 'JKL401', 'JKL402', 'JKL404', 'JKL406', 'JKL407', 'JKL409', 'JKL501']);
  });

  for (const original of withFixes) {
    it(relative(FIXTURES, original), async () => {
      const dir = copyFixtures();
      const file = join(dir, relative(FIXTURES, original));
      const before = flatten((await lintPath(file)).diagnostics, dirname(file));
      const r = fix(file);
      assert.equal(r.stderr, '');
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
});
