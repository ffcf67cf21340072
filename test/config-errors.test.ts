// A broken configuration is reported so a person can act on it: every problem at once, each at its
// file:line:column with its key, unknown keys with a did-you-mean; editor settings with the key
// path. The real CLI on config files on disk, and the real language server over stdio.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { CLI, workspace } from './helpers.js';
import { LspClient } from './lsp-client.js';
import { kanikoPipeline } from './samples.js';

const CLEAN = kanikoPipeline('ghcr.io/osscontainertools/kaniko:debug');

/** Runs the CLI in a repository with `config` written to `name`; its stderr, with the folder shown as <dir>. */
function configErrors(name: string, config: string, extra: Record<string, string> = {}) {
  const dir = workspace({ '.git/HEAD': '', Jenkinsfile: CLEAN, [name]: config, ...extra });
  const r = spawnSync(process.execPath, [CLI, 'Jenkinsfile'], { cwd: dir, encoding: 'utf8' });
  assert.equal(r.status, 2, r.stdout);
  return r.stderr.split(dir).join('<dir>');
}

describe('config errors', () => {
  it('lists every problem of a YAML config, each with file:line:column, its key, and a did-you-mean for keys', () => {
    const stderr = configErrors(
      '.jenkinsfile-lint.yaml',
      ['rules:', '  JKL302: loud', '  container-not-in-po: off', 'jenkins:', '  cloud: [eks]', '  templates:', '    - {label: maven}', 'clouds: [eks]', ''].join('\n'),
    );
    assert.equal(
      stderr,
      [
        'jenkinsfile-lint: <dir>/.jenkinsfile-lint.yaml:2:11: rules.JKL302: must be one of off, info, warning, error',
        'jenkinsfile-lint: <dir>/.jenkinsfile-lint.yaml:3:3: rules.container-not-in-po: unknown rule "container-not-in-po"; did you mean "container-not-in-pod"?',
        'jenkinsfile-lint: <dir>/.jenkinsfile-lint.yaml:5:3: jenkins.cloud: unknown key; did you mean "clouds"?',
        'jenkinsfile-lint: <dir>/.jenkinsfile-lint.yaml:7:7: jenkins.templates[0]: needs a "name"',
        'jenkinsfile-lint: <dir>/.jenkinsfile-lint.yaml:8:1: clouds: unknown key; did you mean "jenkins.clouds"?',
        '',
      ].join('\n'),
    );
  });

  it('finds the lines and columns of a JSON config too, and of a syntax error', () => {
    assert.equal(
      configErrors('.jenkinsfile-lint.json', '{\n  "rules": {"JKL999": "off"},\n  "ignor": ["vendor/**"]\n}\n'),
      'jenkinsfile-lint: <dir>/.jenkinsfile-lint.json:2:13: rules.JKL999: unknown rule "JKL999"\n' +
        'jenkinsfile-lint: <dir>/.jenkinsfile-lint.json:3:3: ignor: unknown key; did you mean "ignore"?\n',
    );
    assert.equal(configErrors('.jenkinsfile-lint.json', '{\n  "rules": {"JKL302": "off",}\n}\n'), 'jenkinsfile-lint: <dir>/.jenkinsfile-lint.json:2:29: not valid JSON: Expected double-quoted property name\n');
    assert.match(configErrors('.jenkinsfile-lint.yaml', 'rules:\n  JKL302: [off\n'), /^jenkinsfile-lint: <dir>\/\.jenkinsfile-lint\.yaml:\d+:\d+: not valid YAML: /);
  });

  it('reports the files the config names at the key that names them, and every bad line of a plugins.txt', () => {
    assert.equal(
      configErrors('.jenkinsfile-lint.yaml', 'jenkins:\n  casc: ci/jenkins.yaml\n  pluginsFile: plugins.txt\n', { 'plugins.txt': 'kubernetes:4.0\nnot a plugin\n  bad id!\n' }),
      "jenkinsfile-lint: <dir>/.jenkinsfile-lint.yaml:2:9: jenkins.casc: casc 'ci/jenkins.yaml' does not exist (looked relative to <dir>)\n" +
        'jenkinsfile-lint: <dir>/plugins.txt:2:1: "not a plugin" is not a plugin id\n' +
        'jenkinsfile-lint: <dir>/plugins.txt:3:3: "bad id!" is not a plugin id\n',
    );
  });

  it('names the key path of a problem in editor settings, every problem once', async () => {
    const dir = workspace({ '.git/HEAD': '' });
    const c = await LspClient.start(dir, { debounceMs: 0, jenkinsfileLint: { rules: { 'kaniko-archive-image': 'off' }, jenkins: { cloud: ['eks'] } } }, { askable: false });
    try {
      c.open('Jenkinsfile', CLEAN);
      await c.waitFor(c.uri('Jenkinsfile'));
      assert.deepEqual(c.popups, [
        'jenkinsfile-lint: the jenkinsfileLint settings: jenkins.cloud: unknown key; did you mean "clouds"?\n' +
          'the jenkinsfileLint settings: rules.kaniko-archive-image: unknown rule "kaniko-archive-image"; did you mean "kaniko-archived-image"?',
      ]);
    } finally {
      await c.stop();
    }
  });
});
