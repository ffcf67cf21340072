// JKL502 with what only the repository tells: the globals of a shared library kept beside the Jenkinsfile.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { join } from 'node:path';
import { lintPath, lintText, workspace } from './helpers.js';

const JENKINSFILE = "node {\n  chekout scm\n}\n";

it('flags a near miss of a catalog step', async () => {
  const r = await lintText(JENKINSFILE);
  assert.deepEqual(
    r.diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character} ${d.message}`),
    [`JKL502 1:2 Unknown step "chekout": did you mean "checkout"? Jenkins stops the build there: No such DSL method 'chekout' found among steps`],
  );
});

it("leaves alone a global of the repository's own shared library (vars/*.groovy at its root)", async () => {
  const r = await lintText(JENKINSFILE, { files: { 'vars/chekout.groovy': 'def call() { checkout scm }\n' } });
  assert.deepEqual(r.diagnostics, []);
});

it('leaves alone a name the config lists in jenkins.globals (a library loaded by the Jenkins, not the repository)', async () => {
  const dir = workspace({ Jenkinsfile: JENKINSFILE, '.jenkinsfile-lint.yaml': 'jenkins:\n  globals: [chekout]\n' });
  assert.deepEqual((await lintPath(join(dir, 'Jenkinsfile'), { root: dir })).diagnostics, []);
});

it('reads a slip on `this.` as one, and takes no `key:`, `@Annotation` or member call for a step', async () => {
  const r = await lintText("node {\n  this.chekout(scm)\n  timeout(time: 1, unit: 'HOURS') { echo 'x' }\n  if (env.X.contains('y')) { echo 'y' }\n}\n");
  assert.deepEqual(
    r.diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}`),
    ['JKL502 1:7'],
  );
  // `unit` is a slip of `junit`, `contains` of `container`: as a key and a member they are no calls.
  const keysOnly = await lintText("node {\n  timeout(time: 1, unit: 'HOURS') { echo 'x' }\n  if (env.X.contains('y')) { echo 'y' }\n}\n");
  assert.deepEqual(keysOnly.diagnostics, []);
});
