// The user's own Jenkins decides what the catalog holds: its plugin list (with what those plugins
// require) narrows the built-in catalog, a GDSL export it serves replaces the steps, and
// `jenkins.globals` names what is never unknown. Configs and GDSL files on disk, read by the real
// loader, the CLI and the language server.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { builtinCatalog } from '../server/out/catalog/catalog.js';
import { catalogFor } from '../server/out/catalog/for-jenkins.js';
import { ConfigLoader } from '../server/out/host/load-config.js';
import { CLI, REPO, workspace } from './helpers.js';
import { LspClient } from './lsp-client.js';
import { kanikoPipeline } from './samples.js';

const GDSL = join(REPO, 'test', 'fixtures', 'catalog-config', 'jenkins.gdsl');
const CLEAN = kanikoPipeline('ghcr.io/osscontainertools/kaniko:debug');

/** The Jenkins model of a repository holding `config` as .jenkinsfile-lint.yaml (and `files`), as the CLI loads it. */
function jenkinsOf(config: string, files: Record<string, string> = {}) {
  const dir = workspace({ '.git/HEAD': '', '.jenkinsfile-lint.yaml': config, ...files });
  copyFileSync(GDSL, join(dir, 'jenkins.gdsl'));
  return new ConfigLoader().forFile(join(dir, 'Jenkinsfile')).config.jenkins;
}

const pluginsOf = (jenkins: ReturnType<typeof jenkinsOf>) => [...new Set(catalogFor(jenkins).entries.map((e) => e.plugin))].sort();

/** The CLI's stderr in a repository with `config` and `files`, the folder shown as <dir>; it must exit 2. */
function configErrors(config: string, files: Record<string, string>) {
  const dir = workspace({ '.git/HEAD': '', Jenkinsfile: CLEAN, '.jenkinsfile-lint.yaml': config, ...files });
  const r = spawnSync(process.execPath, [CLI, 'Jenkinsfile'], { cwd: dir, encoding: 'utf8' });
  assert.equal(r.status, 2, r.stdout);
  return r.stderr.split(dir).join('<dir>');
}

describe('the catalog narrowed to the configured plugins', () => {
  it('keeps Jenkins core and the closure of the listed plugins over what they require', () => {
    // workflow-aggregator's pom requires eleven plugins; pipeline-model-definition brings
    // credentials-binding, workflow-multibranch brings branch-api, and so on. Not lockable-resources.
    const jenkins = jenkinsOf('jenkins:\n  plugins: [workflow-aggregator]\n');
    assert.deepEqual(pluginsOf(jenkins), [
      'branch-api',
      'core',
      'credentials',
      'credentials-binding',
      'pipeline-build-step',
      'pipeline-groovy-lib',
      'pipeline-input-step',
      'pipeline-milestone-step',
      'pipeline-model-definition',
      'pipeline-stage-step',
      'workflow-basic-steps',
      'workflow-cps',
      'workflow-durable-task-step',
      'workflow-job',
      'workflow-multibranch',
      'workflow-scm-step',
    ]);
    const catalog = catalogFor(jenkins);
    assert.equal(catalog.get('step', 'lock'), undefined);
    for (const step of ['echo', 'sh', 'node', 'input', 'stage', 'build', 'milestone', 'library', 'withCredentials']) assert.ok(catalog.get('step', step), step);
    assert.equal(catalog.get('agent', 'kubernetes'), undefined);
    assert.equal(catalog.complete, true);
  });

  it('reads the list from a pluginsFile, and follows a plugin between: ws-cleanup requires matrix-project, which requires junit', () => {
    const jenkins = jenkinsOf('jenkins:\n  pluginsFile: plugins.txt\n', { 'plugins.txt': '# the image\nws-cleanup:0.48\nlockable-resources:1327.ved786b_a_197e0\n' });
    assert.deepEqual(jenkins.plugins, ['ws-cleanup', 'lockable-resources']);
    assert.deepEqual(pluginsOf(jenkins), ['core', 'credentials', 'junit', 'lockable-resources', 'ws-cleanup']);
    assert.ok(catalogFor(jenkins).get('step', 'lock'));
    assert.ok(catalogFor(jenkins).get('step', 'junit'));
  });

  it('is complete only when the catalog has data for every listed plugin', () => {
    assert.equal(catalogFor(jenkinsOf('jenkins:\n  plugins: [kubernetes, workflow-aggregator, ssh-credentials]\n')).complete, true);
    assert.equal(catalogFor(jenkinsOf('jenkins:\n  plugins: [kubernetes, matrix-auth]\n')).complete, false);
    assert.equal(catalogFor(jenkinsOf('jenkins:\n  clouds: [kubernetes]\n')).complete, false);
  });

  it('is the built-in catalog when the config says nothing of plugins, GDSL or globals, and is built once per Jenkins', () => {
    assert.equal(catalogFor(jenkinsOf('jenkins:\n  clouds: [kubernetes]\n')), builtinCatalog());
    assert.equal(catalogFor({}), builtinCatalog());
    const jenkins = jenkinsOf('jenkins:\n  plugins: [kubernetes]\n');
    // Also when editor settings merged over the config copy the model.
    assert.equal(catalogFor({ ...jenkins, clouds: ['eks'] }), catalogFor(jenkins));
    assert.notEqual(catalogFor({ ...jenkins, plugins: ['kubernetes'] }), catalogFor(jenkins));
    assert.ok(catalogFor(jenkins).get('agent', 'kubernetes'));
  });
});

describe('a GDSL export of the Jenkins', () => {
  const jenkins = jenkinsOf('jenkins:\n  gdsl: jenkins.gdsl\n');
  const catalog = catalogFor(jenkins);

  it("decides the steps: the export's, then the metastep symbols and the steps it could not describe", () => {
    assert.deepEqual(
      catalog.all('step').map((e) => e.symbol),
      // The export's, in its order; then the built-in metasteps (left out of every export) and readFile (in its "Errors on").
      ['parallel', 'deployToCluster', 'echo', 'mail', 'node', 'retry', 'timeout', 'withCustomTool', 'getContext', 'dir', 'sh', 'withPorts'].concat(
        ['withAnt', 'configFileProvider', 'copyArtifacts', 'archiveArtifacts', 'fingerprint', 'kubeconfig', 'nodejs', 'withSonarQubeEnv', 'readFile', 'cleanWs'],
      ),
    );
    assert.equal(catalog.get('step', 'lock'), undefined);
    assert.equal(catalog.get('step', 'parallel'), builtinCatalog().get('step', 'parallel'));
    assert.equal(catalog.get('step', 'readFile'), builtinCatalog().get('step', 'readFile'));
    // Other kinds are the built-in catalog's.
    assert.equal(catalog.get('when', 'branch'), builtinCatalog().get('when', 'branch'));
  });

  it('adds a step only the export knows, its types mapped and the first two of a namedParams-only step required', () => {
    assert.deepEqual(catalog.get('step', 'deployToCluster'), {
      kind: 'step',
      symbol: 'deployToCluster',
      plugin: '',
      className: '',
      params: [
        { name: 'cluster', type: { kind: 'string' }, required: true },
        { name: 'image', type: { kind: 'string' }, required: true },
        { name: 'dryRun', type: { kind: 'boolean' }, required: false },
        { name: 'namespaces', type: { kind: 'list' }, required: false },
        { name: 'strategy', type: { kind: 'object' }, required: false },
        { name: 'timeoutMinutes', type: { kind: 'int', boxed: true }, required: false },
      ],
      takesBlock: false,
      needsLauncherOrFilePath: false,
      description: "Deploy to the company's cluster",
      example: 'deployToCluster(cluster: …, image: …)',
      displayName: "Deploy to the company's cluster",
    });
    assert.deepEqual(catalog.get('step', 'withPorts'), {
      kind: 'step',
      symbol: 'withPorts',
      plugin: '',
      className: '',
      params: [{ name: 'ports', type: { kind: 'list', of: { kind: 'int' } }, required: true }],
      takesBlock: true,
      needsLauncherOrFilePath: true,
      description: 'With ports open',
      example: 'withPorts(ports: …) { … }',
      displayName: 'With ports open',
    });
    assert.deepEqual(
      catalog.get('step', 'withCustomTool')?.params.map((p) => [p.name, p.type.kind, p.required]),
      [
        ['paths', 'object', false],
        ['version', 'string', false],
      ],
    );
  });

  it("replaces a built-in step's parameters, keeping the built-in details of those with the same name", () => {
    const builtinRetry = builtinCatalog().get('step', 'retry')!;
    const retry = catalog.get('step', 'retry')!;
    assert.deepEqual(builtinRetry.params.map((p) => p.name), ['count', 'conditions']);
    assert.deepEqual(retry.params, [builtinRetry.params[0]]);
    assert.equal(retry.example, 'retry(count: …) { … }');
    assert.equal(retry.plugin, 'workflow-basic-steps');
    // `unit` is written java.util.concurrent.TimeUnit: the built-in enum stays, with its description.
    assert.deepEqual(catalog.get('step', 'timeout'), builtinCatalog().get('step', 'timeout'));
    // Only subject and body are known required from the export; the rest are the built-in's.
    assert.deepEqual(catalog.get('step', 'mail'), builtinCatalog().get('step', 'mail'));
    assert.equal(catalog.get('step', 'sh')?.needsLauncherOrFilePath, true);
    assert.equal(catalog.get('step', 'getContext')?.advanced, true);
  });

  it('knows its global variables, and every step and symbol, but not post conditions or names nobody defines', () => {
    for (const name of ['env', 'params', 'currentBuild', 'docker', 'scm', 'pipeline', 'buildPlugin', 'deployToCluster', 'archiveArtifacts', 'usernamePassword', 'kubernetes'])
      assert.equal(catalog.isKnownName(name), true, name);
    for (const name of ['lock', 'unsuccessful', 'deployApp']) assert.equal(catalog.isKnownName(name), false, name);
    assert.equal(catalog.complete, false);
    assert.equal(catalogFor(jenkinsOf('jenkins:\n  gdsl: jenkins.gdsl\n  plugins: [workflow-aggregator]\n')).complete, true);
  });

  it('is not complete when the export could not describe a step the catalog lacks', () => {
    const gdsl = readFileSync(GDSL, 'utf8').replace('ReadFileStep', 'UnknownStep');
    assert.equal(catalogFor(jenkinsOf('jenkins:\n  gdsl: other.gdsl\n  plugins: [workflow-aggregator]\n', { 'other.gdsl': gdsl })).complete, false);
  });

  it('reads the doc of an export before 2023 in triple quotes, and shows the names read in --print-config', () => {
    const old = jenkinsOf('jenkins:\n  gdsl: old.gdsl\n', {
      'old.gdsl': "contributor(ctx) {\nmethod(name: 'echo', type: 'Object', params: [message:'java.lang.String'], doc: '''It's a message''')\n}\n",
    });
    assert.equal(catalogFor(old).get('step', 'echo')?.displayName, "It's a message");
    const dir = workspace({ '.git/HEAD': '', '.jenkinsfile-lint.yaml': 'jenkins:\n  gdsl: jenkins.gdsl\n' });
    copyFileSync(GDSL, join(dir, 'jenkins.gdsl'));
    const r = spawnSync(process.execPath, [CLI, '--print-config', 'Jenkinsfile'], { cwd: dir, encoding: 'utf8' });
    assert.deepEqual(JSON.parse(r.stdout).jenkins, {
      gdsl: {
        steps: ['parallel', 'deployToCluster', 'echo', 'mail', 'node', 'retry', 'timeout', 'withCustomTool', 'getContext', 'dir', 'sh', 'withPorts'],
        globals: ['docker', 'pipeline', 'env', 'params', 'currentBuild', 'scm', 'buildPlugin'],
        failedClasses: ['org.jenkinsci.plugins.workflow.steps.ReadFileStep'],
      },
    });
  });

  it('is not read in an untrusted workspace', () => {
    const dir = workspace({ '.git/HEAD': '' });
    copyFileSync(GDSL, join(dir, 'jenkins.gdsl'));
    assert.deepEqual(new ConfigLoader({ untrusted: true }).fromData({ jenkins: { gdsl: 'jenkins.gdsl' } }, 'settings', dir).jenkins, {});
  });
});

describe('jenkins.globals', () => {
  it('names steps and globals that are never unknown, with or without a GDSL export', () => {
    const catalog = catalogFor(jenkinsOf('jenkins:\n  globals: [deployApp, $notify]\n  plugins: [workflow-aggregator]\n'));
    assert.deepEqual([...catalog.globals], ['deployApp', '$notify']);
    assert.equal(catalog.isKnownName('deployApp'), true);
    assert.equal(catalog.isKnownName('echo'), true);
    assert.equal(catalog.isKnownName('lock'), false);
    const both = catalogFor(jenkinsOf('jenkins:\n  globals: [deployApp]\n  gdsl: jenkins.gdsl\n'));
    assert.deepEqual([...both.globals], ['docker', 'pipeline', 'env', 'params', 'currentBuild', 'scm', 'buildPlugin', 'deployApp']);
  });

  it('must be Groovy names', () => {
    assert.equal(
      configErrors('jenkins:\n  globals: [deployApp, deploy-app]\n', {}),
      'jenkinsfile-lint: <dir>/.jenkinsfile-lint.yaml:2:24: jenkins.globals[1]: must match pattern "^[A-Za-z_$][A-Za-z0-9_$]*$"\n',
    );
  });
});

describe('GDSL config errors', () => {
  it('reports a gdsl path that is missing or outside the workspace at the key that names it', () => {
    assert.equal(
      configErrors('jenkins:\n  gdsl: ci/jenkins.gdsl\n', {}),
      "jenkinsfile-lint: <dir>/.jenkinsfile-lint.yaml:2:9: jenkins.gdsl: gdsl 'ci/jenkins.gdsl' does not exist (looked relative to <dir>)\n",
    );
    assert.equal(
      configErrors('jenkins:\n  gdsl: ../jenkins.gdsl\n', {}),
      "jenkinsfile-lint: <dir>/.jenkinsfile-lint.yaml:2:9: jenkins.gdsl: gdsl '../jenkins.gdsl' points outside the workspace; the linter does not read it\n",
    );
    assert.equal(
      configErrors('jenkins:\n  gdsl: huge.gdsl\n', { 'huge.gdsl': 'x'.repeat(1024 * 1024 + 1) }),
      "jenkinsfile-lint: <dir>/.jenkinsfile-lint.yaml:2:9: jenkins.gdsl: gdsl 'huge.gdsl' is too large (1048577 bytes; the limit is 1048576)\n",
    );
  });

  it('reports where a GDSL file leaves the format, and a file that is no GDSL export at all', () => {
    assert.equal(
      configErrors('jenkins:\n  gdsl: jenkins.gdsl\n', {
        'jenkins.gdsl': "contributor(ctx) {\nmethod(name: 'echo', type: 'Object', params: [message:'java.lang.String'], doc: 'Print Message')\nmethod(name: 'sh', type: 'Object', params: [script:'java.lang.String' doc: 'Shell Script')\n}\n",
      }),
      "jenkinsfile-lint: <dir>/jenkins.gdsl:3:71: expected ',' or ']'\n",
    );
    assert.equal(
      configErrors('jenkins:\n  gdsl: jenkins.gdsl\n', { 'jenkins.gdsl': "method(name: 'echo', doc: 'Print Message)\n" }),
      'jenkinsfile-lint: <dir>/jenkins.gdsl:1:27: a string that does not end\n',
    );
    assert.equal(
      configErrors('jenkins:\n  gdsl: jenkins.gdsl\n', { 'jenkins.gdsl': 'kubernetes:4.0\nworkflow-aggregator:608\n' }),
      'jenkinsfile-lint: <dir>/jenkins.gdsl:1:1: is not a GDSL export of Jenkins: it declares no step (method(name: …)); save the one JENKINS_URL/pipeline-syntax/gdsl serves\n',
    );
    assert.equal(
      configErrors('jenkins:\n  gdsl: jenkins.gdsl\n', { 'jenkins.gdsl': "method(type: 'Object', params: [:], doc: 'Nameless')\n" }),
      "jenkinsfile-lint: <dir>/jenkins.gdsl:1:1: method(…) has no name: '…'\n",
    );
  });

  it('shows a broken GDSL file named in editor settings once, at its place', async () => {
    const dir = workspace({ '.git/HEAD': '', 'ci/jenkins.gdsl': "contributor(ctx) {\nproperty(type: 'x')\n}\n" });
    const c = await LspClient.start(dir, { debounceMs: 0, jenkinsfileLint: { jenkins: { gdsl: 'ci/jenkins.gdsl' } } }, { askable: false });
    try {
      c.open('Jenkinsfile', CLEAN);
      await c.waitFor(c.uri('Jenkinsfile'));
      assert.deepEqual(
        c.popups.map((p) => p.split(dir).join('<dir>')),
        ["jenkinsfile-lint: <dir>/ci/jenkins.gdsl:2:1: property(…) has no name: '…'"],
      );
    } finally {
      await c.stop();
    }
  });
});
