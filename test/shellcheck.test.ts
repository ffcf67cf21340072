// ShellCheck on sh scripts: findings at their exact Jenkinsfile position for every Groovy string form,
// the dialect a script runs in, suppressions and config by SC code, and what happens when ShellCheck is
// off, missing, slow or still running. Needs the `shellcheck` program (Debian's); skipped without it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { defaultConfig, type Config } from '../server/out/core/config.js';
import type { Host, ShellcheckRun } from '../server/out/core/host.js';
import { lint } from '../server/out/core/lint.js';
import { FsHost } from '../server/out/host/fs-host.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusFiles, HAVE_CORPUS } from './corpus-helpers.js';
import { CLI, CORPUS, workspace } from './helpers.js';
import { LspClient } from './lsp-client.js';
import type { CodeAction } from 'vscode-languageserver';

const HAVE_SHELLCHECK = spawnSync('shellcheck', ['--version']).status === 0;

const FILE = '/workspace/Jenkinsfile';

async function run(text: string, opts: { config?: Partial<Config>; host?: Host } = {}) {
  const config = { ...defaultConfig(), ...opts.config };
  const result = await lint(text, { file: FILE, host: opts.host ?? new FsHost({ shellcheck: true, root: '/workspace' }), config });
  return {
    result,
    found: result.diagnostics.map((d) => `${d.code} ${d.severity} ${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1}`),
  };
}

/** A host that answers ShellCheck with `answer` and counts how often it is asked. */
function fakeHost(answer: ShellcheckRun): Host & { asked: number } {
  const host = {
    asked: 0,
    readReferencedFile: () => ({ ok: false as const, reason: 'missing' as const, message: 'no' }),
    shellcheck: () => {
      host.asked++;
      return Promise.resolve(answer);
    },
  };
  return host;
}

describe('ShellCheck', { skip: HAVE_SHELLCHECK ? false : 'shellcheck is not installed' }, () => {
  // Each script has one SC2086 (an unquoted $1): it must land exactly on `$1` in the Jenkinsfile.
  const forms: Array<[string, string, string]> = [
    ["'…'", "node { sh 'echo $1' }", 'SC2086 info 1:17-1:19'],
    ['"…" (an escaped $: the range covers its escape; a Groovy interpolation before it)', 'node { sh "echo ${x} \\$1" }', 'SC2086 info 1:22-1:25'],
    ["'''…'''", "node {\n  sh '''\n    echo a\n    echo\t$1\n  '''\n}", 'SC2086 info 4:10-4:12'],
    ['"""…"""', 'node {\n  sh """\n    echo \\"${x}\\" \\$1\n  """\n}', 'SC2086 info 3:19-3:22'],
    ['.stripIndent()', "node {\n  sh '''\n      cd /tmp\n      echo $1\n  '''.stripIndent()\n}", 'SC2086 info 4:12-4:14'],
    ['concatenation', "node {\n  sh 'echo a && ' +\n     \"echo ${x} \" + 'echo $1'\n}", 'SC2086 info 3:27-3:29'],
    ['an escape before it', "node { sh 'echo \\'a\\' $1' }", 'SC2086 info 1:23-1:25'],
  ];
  for (const [form, text, expected] of forms) {
    it(`lands on the exact position in a ${form} script`, async () => {
      assert.deepEqual((await run(text)).found, [expected]);
    });
  }

  it("carries ShellCheck's code, message and wiki link; severities map error/warning/info (style as info)", async () => {
    const { result } = await run("node {\n  sh '''\n    [ -n x ] || echo $1\n    a=`date`\n  '''\n}");
    const d = result.diagnostics.map((x) => [x.code, x.severity, x.href, x.message]);
    assert.deepEqual(d, [
      ['SC2157', 'error', 'https://www.shellcheck.net/wiki/SC2157', 'Argument to -n is always true due to literal strings.'],
      ['SC2086', 'info', 'https://www.shellcheck.net/wiki/SC2086', 'Double quote to prevent globbing and word splitting.'],
      ['SC2034', 'warning', 'https://www.shellcheck.net/wiki/SC2034', 'a appears unused. Verify use (or export if used externally).'],
      ['SC2006', 'info', 'https://www.shellcheck.net/wiki/SC2006', 'Use $(...) notation instead of legacy backticks `...`.'],
    ]);
  });

  it('says nothing where a Groovy interpolation stands, whatever its value', async () => {
    assert.deepEqual((await run('node { sh "rm -rf ${dir}/build && cp ${src} $WORKSPACE" }')).found, []);
  });

  it('checks POSIX sh (Jenkins runs `sh -xe`), bash after a #!/bin/bash line, in container(shell: bash) or a template shell, and skips other interpreters', async () => {
    assert.deepEqual((await run("node { sh '[[ -n \"$X\" ]] && echo ok' }")).found, ['SC3010 warning 1:12-1:25']);
    assert.deepEqual((await run("node { sh '''#!/bin/bash\n[[ -n \"$X\" ]] && echo ok''' }")).found, []);
    assert.deepEqual((await run("podTemplate { node(POD_LABEL) { container(name: 'b', shell: '/bin/bash') { sh '[[ -n \"$X\" ]] && echo ok' } } }")).found.filter((f) => f.startsWith('SC')), []);
    const template = (shell: string) => `podTemplate(containers: [containerTemplate(name: 'b', image: 'bash:5', command: 'sleep', args: '99d', shell: '${shell}')]) { node(POD_LABEL) { container('b') { sh '[[ -n "$X" ]] && echo ok' } } }`;
    assert.deepEqual((await run(template('/usr/local/bin/bash'))).found.filter((f) => f.startsWith('SC')), []);
    assert.deepEqual((await run(template('/bin/sh'))).found.filter((f) => f.startsWith('SC')), ['SC3010 warning 1:164-1:177']);
    assert.deepEqual((await run("node { sh '''#!/usr/bin/env python3\nprint($1)''' }")).found, []);
    // `cd` that fails stops a `sh -xe` script: SC2164 is not reported for it.
    assert.deepEqual((await run("node { sh 'cd build' }")).found, []);
    assert.deepEqual((await run("node { sh '''#!/bin/sh\ncd build''' }")).found, ['SC2164 warning 2:1-2:9']);
  });

  it('leaves out what it cannot know: the environment Jenkins sets (SC2154)', async () => {
    assert.deepEqual((await run("node { sh 'echo \"$version\"' }")).found, []);
  });

  it('is suppressed by code like our rules, and an unused SC suppression is reported only when ShellCheck ran', async () => {
    const text = "node {\n  // jenkinsfile-lint-disable-next-line SC2086 -- globbing wanted\n  sh 'echo $1'\n  // jenkinsfile-lint-disable-next-line sc2034\n  sh 'echo ok'\n}";
    assert.deepEqual((await run(text)).found, ['JKL901 warning 4:41-4:47']);
    assert.deepEqual((await run(text, { config: { shellcheck: 'off' } })).found, []);
    assert.deepEqual((await run(text, { host: fakeHost({ ok: false, reason: 'pending', message: 'running' }) })).found, []);
  });

  it('takes SC codes in the config: off, or another severity', async () => {
    assert.deepEqual((await run("node { sh 'echo $1' }", { config: { rules: { SC2086: 'off' } } })).found, []);
    assert.deepEqual((await run("node { sh 'echo $1' }", { config: { rules: { SC2086: 'error' } } })).found, ['SC2086 error 1:17-1:19']);
  });

  it('runs once per file, all scripts together, and not at all without sh scripts', async () => {
    const host = fakeHost({ ok: true, comments: [[], [], []] });
    await run("node { sh 'a'; sh 'b'; sh \"c\"; bat 'd' }", { host });
    assert.equal(host.asked, 1);
    await run("node { echo 'a' }", { host });
    assert.equal(host.asked, 1);
  });

  it('is silent when missing (auto), an error when missing and asked for (on), and a timeout is an error', async () => {
    const missing: ShellcheckRun = { ok: false, reason: 'missing', message: 'shellcheck is not installed (not found on PATH)' };
    assert.equal((await run("node { sh 'echo $1' }", { host: fakeHost(missing) })).result.shellcheck, undefined);
    assert.equal((await run("node { sh 'echo $1' }", { host: fakeHost(missing), config: { shellcheck: 'on' } })).result.shellcheck?.error, missing.message);
    const slow: ShellcheckRun = { ok: false, reason: 'timeout', message: 'shellcheck did not finish within 10000 ms' };
    assert.equal((await run("node { sh 'echo $1' }", { host: fakeHost(slow) })).result.shellcheck?.error, slow.message);
  });

  it('kills its process when the run is stopped, and answers that it was', async () => {
    const { runShellcheck } = await import('../server/out/host/shellcheck-process.js');
    // A script ShellCheck reads for minutes: only a killed process ends before the 10-second limit.
    const script = Array.from({ length: 20_000 }, (_, i) => `echo $x${i} | grep foo > /tmp/f${i}`).join('\n');
    const stop = new AbortController();
    const running = runShellcheck([script], [], stop.signal);
    setTimeout(() => stop.abort(), 200);
    assert.deepEqual(await running, { ok: false, reason: 'cancelled', message: 'the run was stopped: the document was edited' });
    const stopped = new AbortController();
    stopped.abort();
    assert.equal(((await runShellcheck(['echo 1'], [], stopped.signal)) as { reason: string }).reason, 'cancelled');
  });

  it('is not asked when off, nor by a host that cannot run programs', async () => {
    const host = fakeHost({ ok: true, comments: [[]] });
    await run("node { sh 'echo $1' }", { host, config: { shellcheck: 'off' } });
    assert.equal(host.asked, 0);
    assert.deepEqual((await run("node { sh 'echo $1' }", { host: new FsHost({ root: '/workspace' }) })).found, []);
  });
});

describe('ShellCheck in the language server', { skip: HAVE_SHELLCHECK ? false : 'shellcheck is not installed' }, () => {
  it('publishes the diagnostics without waiting for ShellCheck, then again with its findings', async () => {
    const text = "node {\n  withCredentials([string(credentialsId: 't', variable: 'TOKEN')]) {\n    sh \"curl -u ${TOKEN} x\"\n    sh 'echo $1'\n  }\n}\n";
    const c = await LspClient.start(workspace({ Jenkinsfile: text, '.git/HEAD': '' }));
    try {
      c.open('Jenkinsfile', text);
      const first = await c.waitFor(c.uri('Jenkinsfile'));
      assert.deepEqual(first.map((d) => d.code), ['JKL601']);
      const later = await c.waitFor(c.uri('Jenkinsfile'), (p) => p.diagnostics.some((d) => String(d.code).startsWith('SC')));
      const sc = later.find((d) => d.code === 'SC2086')!;
      const actions = (await c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: c.uri('Jenkinsfile') }, range: sc.range, context: { diagnostics: [sc] } })) as CodeAction[];
      assert.deepEqual(actions.map((a) => a.edit?.changes?.[c.uri('Jenkinsfile')]?.[0]?.newText), ['    // jenkinsfile-lint-disable-next-line SC2086\n']);
      assert.deepEqual(
        later.map((d) => [d.code, d.range.start.line, d.range.start.character, d.codeDescription?.href]),
        [
          ['JKL601', 2, 16, 'https://github.com/jenkinsfile-lint/jenkinsfile-lint/blob/main/docs/rules/JKL601.md'],
          ['SC2086', 3, 13, 'https://www.shellcheck.net/wiki/SC2086'],
        ],
      );
    } finally {
      await c.stop();
    }
  });
});

describe('ShellCheck in the editor and the CLI', { skip: HAVE_SHELLCHECK ? false : 'shellcheck is not installed' }, () => {
  it("offers ShellCheck's own directive for a line inside a multi-line script, where a Groovy comment would be script", async () => {
    const text = "node {\n  sh '''\n    echo ok\n    echo $1\n  '''\n}\n";
    const c = await LspClient.start(workspace({ Jenkinsfile: text, '.git/HEAD': '' }));
    try {
      c.open('Jenkinsfile', text);
      const [sc] = await c.waitFor(c.uri('Jenkinsfile'), (p) => p.diagnostics.length > 0);
      const actions = (await c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: c.uri('Jenkinsfile') }, range: sc!.range, context: { diagnostics: [sc] } })) as CodeAction[];
      assert.deepEqual(actions.map((a) => [a.title, a.edit?.changes?.[c.uri('Jenkinsfile')]?.[0]?.newText]), [['Disable SC2086 for this line', '    # shellcheck disable=SC2086\n']]);
    } finally {
      await c.stop();
    }
  });

  it('takes SC codes in --rule and --explain, and names them as rules in SARIF with their wiki page', () => {
    const dir = workspace({ Jenkinsfile: "node { sh 'echo $1' }\n" });
    const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8' });
    assert.equal(cli('--rule', 'sc2086:off', 'Jenkinsfile').stdout.trim(), '1 file: 0 pipelines, 0 pod templates; no problems');
    assert.equal(cli('--explain', 'SC2086').stdout, "SC2086 is ShellCheck's: https://www.shellcheck.net/wiki/SC2086\n");
    const sarif = JSON.parse(cli('--format', 'sarif', 'Jenkinsfile').stdout) as { runs: Array<{ tool: { driver: { rules: Array<{ id: string; helpUri: string }> } }; results: Array<{ ruleId: string; ruleIndex: number }> }> };
    const run = sarif.runs[0]!;
    const result = run.results.find((r) => r.ruleId === 'SC2086')!;
    assert.equal(run.tool.driver.rules[result.ruleIndex]!.helpUri, 'https://www.shellcheck.net/wiki/SC2086');
  });
});

describe('ShellCheck over the corpus', { skip: !HAVE_SHELLCHECK ? 'shellcheck is not installed' : !HAVE_CORPUS ? 'no corpus' : false }, () => {
  it("reports no error on the valid kubernetes-plugin and pipeline-model-definition files but overrideYaml's malformed test", async () => {
    const errors: string[] = [];
    const host = new FsHost({ shellcheck: true });
    for (const rel of corpusFiles().filter((f) => f.startsWith('kubernetes-plugin/') || (f.startsWith('pipeline-model-definition/') && !f.includes('/errors/')))) {
      const file = join(CORPUS, rel);
      const r = await lint(readFileSync(file, 'utf8'), { file, host, config: defaultConfig() });
      assert.equal(r.shellcheck?.error, undefined, rel);
      for (const d of r.diagnostics) if (d.code.startsWith('SC') && d.severity === 'error') errors.push(`${rel.split('/').pop()}:${d.range.start.line + 1} ${d.code}`);
    }
    // `sh '["$VAR1" != "$VAR2"]'`: no spaces inside the brackets. It passes only because both variables
    // are empty there (the pod's env is mis-indented), which makes the command `[ != ]`.
    assert.deepEqual(errors.sort(), ['overrideYaml.groovy:17 SC1020', 'overrideYaml.groovy:17 SC1035', 'overrideYaml.groovy:17 SC1072', 'overrideYaml.groovy:17 SC1073']);
  });
});

/**
 * A language-server ShellCheck cache over a fake run that ends when told to, and that settles as
 * stopped when aborted, as the process runner does; quiet period 20 ms.
 */
async function stoppableCache() {
  const { ShellcheckCache } = await import('../server/out/lsp/shellcheck-cache.js');
  const runs: Array<{ scripts: string[]; signal: AbortSignal; end: () => void }> = [];
  const ready: string[] = [];
  const done: ShellcheckRun = { ok: true, comments: [[]] };
  const cache = new ShellcheckCache(
    (scripts, _exclude, signal) =>
      new Promise<ShellcheckRun>((resolve) => {
        runs.push({ scripts: [...scripts], signal, end: () => resolve(done) });
        signal.addEventListener('abort', () => resolve({ ok: false, reason: 'cancelled', message: 'stopped' }));
      }),
    (uri) => ready.push(uri),
    20,
  );
  const uri = 'file:///a/Jenkinsfile';
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  return { cache, runs, ready, done, uri, check: cache.for(uri), sleep };
}

describe('ShellCheck in the language server, while the user types', () => {
  it("reads a document's scripts once they have been left alone for the quiet period, the latest of them only", async () => {
    const { ShellcheckCache } = await import('../server/out/lsp/shellcheck-cache.js');
    const runs: string[][] = [];
    const ready: string[] = [];
    const done: ShellcheckRun = { ok: true, comments: [[]] };
    const cache = new ShellcheckCache(
      (scripts) => {
        runs.push([...scripts]);
        return Promise.resolve(done);
      },
      (uri) => ready.push(uri),
      50,
    );
    const check = cache.for('file:///a/Jenkinsfile');
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    // Three keystrokes, each before the quiet period is over: nothing runs meanwhile.
    for (const script of ['echo 1', 'echo 12', 'echo 123']) {
      assert.equal((await check([script], [])).ok, false);
      await sleep(10);
    }
    assert.deepEqual(runs, []);
    await sleep(200);
    assert.deepEqual(runs, [['echo 123']]);
    assert.deepEqual(ready, ['file:///a/Jenkinsfile']);
    // The lint after it gets the comments at once, and nothing runs again for the same scripts.
    assert.equal(await check(['echo 123'], []), done);
    await sleep(100);
    assert.deepEqual(runs, [['echo 123']]);
    cache.close('file:///a/Jenkinsfile');
  });

  it('lints again when a run ends only if the scripts are still the ones it read', async () => {
    const { ShellcheckCache } = await import('../server/out/lsp/shellcheck-cache.js');
    const ends: Array<() => void> = [];
    const ready: string[] = [];
    const done: ShellcheckRun = { ok: true, comments: [[]] };
    const cache = new ShellcheckCache(
      () => new Promise<ShellcheckRun>((resolve) => ends.push(() => resolve(done))),
      (uri) => ready.push(uri),
      20,
    );
    const check = cache.for('file:///a/Jenkinsfile');
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    await check(['echo 1'], []);
    await sleep(100);
    assert.equal(ends.length, 1);
    // The user types while ShellCheck reads the old script: its end makes no lint.
    await check(['echo 12'], []);
    ends[0]!();
    await sleep(10);
    assert.deepEqual(ready, []);
    // The new script, once left alone, is read, and its end makes one.
    await sleep(100);
    assert.equal(ends.length, 2);
    ends[1]!();
    await sleep(10);
    assert.deepEqual(ready, ['file:///a/Jenkinsfile']);
    assert.equal(await check(['echo 12'], []), done);
    cache.close('file:///a/Jenkinsfile');
  });
  it('stops a run under way when the document is edited, and reads the scripts again once it is quiet', async () => {
    const { cache, runs, ready, done, uri, check, sleep } = await stoppableCache();
    await check(['echo 1'], []);
    await sleep(60);
    assert.equal(runs.length, 1);
    // An edit elsewhere in the file: the run is stopped, its end makes no lint and is not kept.
    cache.interrupt(uri);
    assert.equal(runs[0]!.signal.aborted, true);
    assert.equal((await check(['echo 1'], [])).ok, false);
    await sleep(5);
    assert.deepEqual(ready, []);
    // The same scripts are read again after the quiet period, and that run's end makes the lint.
    await sleep(60);
    assert.equal(runs.length, 2);
    assert.deepEqual(runs[1]!.scripts, ['echo 1']);
    runs[1]!.end();
    await sleep(5);
    assert.deepEqual(ready, [uri]);
    assert.equal(await check(['echo 1'], []), done);
    // An edit with nothing running stops nothing and starts nothing.
    cache.interrupt(uri);
    await sleep(60);
    assert.equal(runs.length, 2);
    cache.close(uri);
  });

  it('after an edit starts nothing at once: a queued run waits for the quiet period, and scripts the edit removed are not read again', async () => {
    const { cache, runs, ready, uri, check, sleep } = await stoppableCache();
    await check(['echo 1'], []);
    await sleep(60);
    // A lint that is no edit (the settings changed) asks for other scripts while the run goes on: queued.
    await check(['echo 2'], []);
    await sleep(60);
    assert.equal(runs.length, 1);
    // An edit: the run is stopped and the queued one does not start at once.
    cache.interrupt(uri);
    await sleep(5);
    assert.equal(runs.length, 1);
    // The edit's lint asks for the scripts it has; they are read after the quiet period.
    await check(['echo 2'], []);
    await sleep(60);
    assert.deepEqual(runs.map((r) => r.scripts), [['echo 1'], ['echo 2']]);
    // An edit that removed the scripts: its lint asks for none, and the stopped run is not made again.
    cache.interrupt(uri);
    await sleep(60);
    assert.equal(runs.length, 2);
    assert.deepEqual(ready, []);
    cache.close(uri);
  });
});
