// Golden tests: every fixture under test/fixtures/<CODE>/ is linted and its diagnostics compared with
// the `.expected.json` beside it. Regenerate on an intended change: UPDATE_GOLDENS=1 npm test
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { builtinCatalog } from '../server/out/catalog/catalog.js';
import { DECLARATIVE_OPTIONS } from '../server/out/core/kubernetes-options.js';
import { RULES } from '../server/out/rules/index.js';
import { ConfigLoader } from '../server/out/host/load-config.js';
import { filesUnder, flatten, lintPath, REPO, type Flat } from './helpers.js';

const FIXTURES = join(REPO, 'test', 'fixtures');
const update = process.env.UPDATE_GOLDENS === '1';

// Shared-library fixtures are `.groovy` files (a `vars/` step), the others `.Jenkinsfile`s.
const FIXTURE = /\.(Jenkinsfile|groovy)$/;
const fixturesOf = (dir: string) => filesUnder(dir, (p) => FIXTURE.test(p));
const goldenOf = (fixture: string) => fixture.replace(FIXTURE, '.expected.json');

/**
 * A rule's fixtures are linted as a repository of their own, as Jenkins checks one out: a copy with
 * a `.git` at its top (git cannot store one), so that yamlFile paths resolve from the rule's folder.
 */
function asRepository(dir: string): string {
  const copy = join(mkdtempSync(join(tmpdir(), 'jkl-fixtures-')), basename(dir));
  cpSync(dir, copy, { recursive: true });
  writeFileSync(join(copy, '.git'), 'gitdir: nowhere\n');
  return copy;
}

/**
 * The code table of DESIGN.md, plus the codes added in its families since (README, Design: JKL105, JKL213, JKL601,
 * JKL602): codes are stable and never reused.
 */
const DESIGN_CODES = [
  'JKL001', 'JKL002', 'JKL003', 'JKL004', 'JKL005', 'JKL101', 'JKL102', 'JKL103', 'JKL104', 'JKL105', 'JKL201', 'JKL202', 'JKL203', 'JKL204', 'JKL205', 'JKL206', 'JKL207',
  'JKL208', 'JKL209', 'JKL210', 'JKL211', 'JKL212', 'JKL213', 'JKL301', 'JKL302', 'JKL303', 'JKL304', 'JKL305', 'JKL306', 'JKL401', 'JKL402', 'JKL403', 'JKL404', 'JKL405', 'JKL406', 'JKL407', 'JKL408', 'JKL409', 'JKL410', 'JKL501', 'JKL502', 'JKL601', 'JKL602', 'JKL901', 'JKL902',
];

it('registers exactly one rule for every code of the design table, in order', () => {
  assert.deepEqual(RULES.map((r) => r.code), DESIGN_CODES);
});

it("documents in kubernetes-options.ts exactly the kubernetes agent's options the catalog has (JKL201 checks the catalog's)", () => {
  const fromCatalog = builtinCatalog().get('agent', 'kubernetes')!.params.map((p) => p.name);
  assert.deepEqual([...DECLARATIVE_OPTIONS].sort(), [...fromCatalog].sort());
});

for (const rule of RULES) {
  const dir = join(FIXTURES, rule.code);
  describe(`${rule.code} ${rule.name}`, () => {
    it('has fixtures that hit and fixtures that deliberately do not', () => {
      assert.ok(existsSync(dir), `missing ${dir}`);
      const expectations = fixturesOf(dir).map((f) => JSON.parse(readFileSync(goldenOf(f), 'utf8')) as Flat[]);
      assert.ok(expectations.some((e) => e.some((d) => d.code === rule.code)), 'no fixture produces this code');
      assert.ok(expectations.some((e) => !e.some((d) => d.code === rule.code)), 'no fixture shows a deliberate non-hit');
    });
    it('has a docs page with what, why, example and fix', () => {
      const doc = readFileSync(join(REPO, 'docs', 'rules', `${rule.code}.md`), 'utf8');
      assert.match(doc, new RegExp(`^# ${rule.code} ${rule.name}`));
      for (const section of ['## What it does', '## Why', '## Example', '## How to fix']) assert.ok(doc.includes(section), `${rule.code}.md lacks "${section}"`);
    });
    const repo = existsSync(dir) ? asRepository(dir) : dir;
    for (const file of fixturesOf(dir)) {
      it(file.slice(dir.length + 1), async () => {
        // The config is the one where the fixture lives (test/fixtures/.jenkinsfile-lint.yaml, or its folder's).
        const result = await lintPath(join(repo, relative(dir, file)), { config: new ConfigLoader().forFile(file).config });
        const actual = flatten(result.diagnostics, repo);
        const goldenPath = goldenOf(file);
        if (update) writeFileSync(goldenPath, JSON.stringify(actual, null, 2) + '\n');
        assert.deepEqual(actual, JSON.parse(readFileSync(goldenPath, 'utf8')));
      });
    }
  });
}
