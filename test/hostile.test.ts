// Hostile inputs: each yields diagnostics or a clear error, within bounded time, never a crash.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { defaultConfig } from '../server/out/core/config.js';
import { lint, MAX_FILE_BYTES } from '../server/out/core/lint.js';
import { FsHost } from '../server/out/host/fs-host.js';
import { Documents } from '../server/out/lsp/documents.js';
import { parseGroovy } from '../server/out/parse/parser.js';
import { CLI, workspace } from './helpers.js';

/** Lints text and returns how long it took; fails on a throw. */
async function timed(text: string, file = '/nonexistent/Jenkinsfile') {
  const t0 = performance.now();
  const r = await lint(text, { file, host: new FsHost({ root: '/nonexistent' }), config: defaultConfig() });
  return { ms: performance.now() - t0, result: r };
}

const POD = (yaml: string) => `podTemplate(yaml: '''\n${yaml}\n''') {\n  node(POD_LABEL) { sh 'true' }\n}\n`;

describe('hostile inputs', () => {
  it('a Jenkinsfile just under the size limit is linted; a 10 MB one is refused with JKL005 alone', async () => {
    const stage = (i: number) => `stage('x${i}') { steps { container('maven') { sh 'mvn -B verify' } } }\n`;
    const sized = (bytes: number) => `pipeline {\n agent { kubernetes { yaml 'spec: {}' } }\n stages {\n${Array.from({ length: Math.floor(bytes / stage(99999).length) }, (_, i) => stage(i)).join('')} }\n}\n`;
    const under = await timed(sized(MAX_FILE_BYTES - 1000));
    assert.ok(under.ms < 60_000, `${under.ms} ms`);
    assert.ok(under.result.diagnostics.length > 1000 && under.result.diagnostics.every((d) => d.code === 'JKL204' || d.code === 'JKL203'));
    const over = await timed(sized(10e6));
    assert.deepEqual(over.result.diagnostics.map((d) => d.code), ['JKL005']);
  });

  it('5,000 nested closures', async () => {
    const text = 'node {'.repeat(5000) + " podTemplate(yaml: 'spec: {}') { node(POD_LABEL) { sh 'x' } } " + '}'.repeat(5000);
    const { ms } = await timed(text);
    assert.ok(ms < 30_000, `${ms} ms`);
  });

  it('a single 1 MB line in Groovy, and one just under the pod YAML limit inside pod YAML', async () => {
    await timed(`// ${'x'.repeat(1 << 20)}\n`);
    const { result } = await timed(POD(`metadata: {labels: {a: "${'y'.repeat((1 << 19) - 100)}"}}`));
    assert.deepEqual(result.diagnostics.filter((d) => d.severity === 'error' || d.code === 'JKL005'), []);
  });

  it('pod YAML over 512 KB is not read: one JKL005 at its start, nothing else about that pod', async () => {
    // The fuzz run's input 37817: 1.6 MB of `command: [sleep]` lines, 4–6 s of the yaml package alone.
    const { result } = await timed(POD(`spec:\n  containers:\n  - name: maven\n${'    command: [sleep]\n'.repeat(30_000)}`));
    assert.deepEqual(
      result.diagnostics.map((d) => [d.code, d.message]),
      [
        ['JKL203', result.diagnostics[0]!.message],
        ['JKL005', 'Pod YAML of 616 KB is not read: it is over the limit of 512 KB (a large real pod is a few KB); this pod is not checked'],
      ],
    );
  });

  it('NUL bytes and invalid UTF-8 in the file', () => {
    const dir = workspace({});
    writeFileSync(join(dir, 'Jenkinsfile'), Buffer.concat([Buffer.from("pipeline { agent { kubernetes { yaml '''\nspec:\n  a: \u0000\n"), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from("\n''' } } }\n")]));
    const r = spawnSync(process.execPath, [CLI, '--format', 'json', 'Jenkinsfile'], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    assert.ok(Array.isArray(JSON.parse(r.stdout)));
  });

  it('CRLF and a BOM keep positions right', async () => {
    const text = "\uFEFFpodTemplate(yaml: '''\r\nspec:\r\n  containers:\r\n  - name: a\r\n    image: b\r\n    imagePullPolicy: Nope\r\n''') {\r\n  node(POD_LABEL) { sh 'x' }\r\n}\r\n";
    const dir = workspace({ Jenkinsfile: text });
    const r = spawnSync(process.execPath, [CLI, '--format', 'json', 'Jenkinsfile'], { cwd: dir, encoding: 'utf8' });
    const d = JSON.parse(r.stdout)[0].diagnostics.find((x: { code: string }) => x.code === 'JKL104');
    assert.deepEqual([d.line, d.column, d.endColumn], [6, 22, 26]);
  });

  it('a YAML billion-laughs bomb and a 50-level alias chain', async () => {
    const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) laughs.push(`${'abcdefghij'[i]}: &${'abcdefghij'[i]} [${Array(9).fill(`*${'abcdefghij'[i - 1]}`).join(',')}]`);
    const bomb = await timed(POD(laughs.join('\n')));
    assert.ok(bomb.ms < 5000);
    assert.ok(bomb.result.diagnostics.some((d) => d.code === 'JKL001' && /alias/i.test(d.message)));
    const chain = ['x0: &x0 {k: v}'];
    for (let i = 1; i <= 50; i++) chain.push(`x${i}: &x${i} {k: *x${i - 1}}`);
    const c = await timed(POD(chain.join('\n')));
    assert.ok(c.ms < 5000);
  });

  it('deeply nested YAML', async () => {
    const deep = 'metadata:\n  labels: ' + '['.repeat(2000) + ']'.repeat(2000);
    const { ms } = await timed(POD(deep));
    assert.ok(ms < 10_000);
    const flow = 'spec: ' + '{a: '.repeat(1000) + '1' + '}'.repeat(1000);
    await timed(POD(flow));
    // Unclosed flow maps, then a long block sequence: the parser overflows the stack instead of reporting it.
    const open = 'spec:\n  containers:\n  ' + '{'.repeat(1000) + '- name: maven\n    volumeMounts:\n' + '    - name: v\n'.repeat(5000);
    const { result } = await timed(POD(open));
    assert.deepEqual(result.diagnostics.map((d) => d.code), ['JKL203', 'JKL005']);
  });

  it('a 100 MB yamlFile, a directory, a FIFO and a symlink loop as yamlFile', async () => {
    const dir = workspace({});
    const big = Buffer.alloc(100 * 1024 * 1024, 'a');
    writeFileSync(join(dir, 'big.yaml'), big);
    mkdirSync(join(dir, 'dir.yaml'));
    spawnSync('mkfifo', [join(dir, 'fifo.yaml')]);
    symlinkSync(join(dir, 'loop-a.yaml'), join(dir, 'loop-b.yaml'));
    symlinkSync(join(dir, 'loop-b.yaml'), join(dir, 'loop-a.yaml'));
    const messages: string[] = [];
    for (const f of ['big.yaml', 'dir.yaml', 'fifo.yaml', 'loop-a.yaml']) {
      const r = await lint(`pipeline { agent { kubernetes { yamlFile '${f}' } } }\n`, { file: join(dir, 'Jenkinsfile'), host: new FsHost({ root: dir }), config: defaultConfig() });
      messages.push(r.diagnostics.find((d) => d.code === 'JKL003')?.message ?? 'none');
    }
    assert.deepEqual(messages, [
      `yamlFile 'big.yaml' is too large (${big.length} bytes; the limit is 1048576)`,
      "yamlFile 'dir.yaml' is not a regular file",
      "yamlFile 'fifo.yaml' is not a regular file",
      "yamlFile 'loop-a.yaml' is a symbolic link that leads nowhere (broken or looping)",
    ]);
  });

  it('yamlFile paths that escape the workspace, by ../ or by a symlink, are refused unread', async () => {
    const outside = workspace({ 'secret.yaml': 'spec: {containers: [{name: leaked}]}\n' });
    const dir = workspace({});
    symlinkSync(join(outside, 'secret.yaml'), join(dir, 'link.yaml'));
    const r = await lint("pipeline { agent { kubernetes { yamlFile '../" + outside.split('/').pop() + "/secret.yaml' } } }\npipeline { agent { kubernetes { yamlFile 'link.yaml' } } }\n", {
      file: join(dir, 'Jenkinsfile'),
      host: new FsHost({ root: dir }),
      config: defaultConfig(),
    });
    assert.deepEqual(
      r.diagnostics.filter((d) => d.code === 'JKL003').map((d) => d.message.replace(/'[^']*'/, "'…'")),
      ["yamlFile '…' points outside the workspace; the linter does not read it", "yamlFile '…' is a link to a file outside the workspace; the linter does not read it"],
    );
    assert.ok(![...r.texts.values()].some((t) => t.includes('leaked')));
  });

  it('a .git above the workspace root is not looked for: no repository root is known there, and the Jenkinsfile folder stays a fallback', () => {
    const outer = workspace({ 'ws/app/Jenkinsfile': '', 'ws/app/pods/pod.yaml': 'spec: {}\n' });
    writeFileSync(join(outer, '.git'), 'gitdir: nowhere\n');
    const jenkinsfile = join(outer, 'ws', 'app', 'Jenkinsfile');
    const read = new FsHost({ root: join(outer, 'ws') }).readReferencedFile('pods/pod.yaml', jenkinsfile);
    assert.ok(read.ok && read.fromRoot === undefined);
    writeFileSync(join(outer, 'ws', '.git'), 'gitdir: nowhere\n');
    const inRepo = new FsHost({ root: join(outer, 'ws') }).readReferencedFile('pods/pod.yaml', jenkinsfile);
    assert.ok(inRepo.ok && inRepo.fromRoot === 'app/pods/pod.yaml');
  });

  it('pathological input for the regular expressions rules use', async () => {
    // Image references, executor scripts, suppression comments and shebangs, each long and adversarial.
    const long = 'a'.repeat(100_000);
    const text = `// jenkinsfile-lint-disable-next-line ${'JKL'.repeat(30_000)}\n` + POD(`spec:\n  containers:\n  - name: k\n    image: gcr.io/kaniko-project/executor:${'-debug'.repeat(20_000)}x\n    command: ['${'/'.repeat(50_000)}']`) + `podTemplate(yaml: '') { node(POD_LABEL) { sh '#!${long}\\n/kaniko/executor ${'--d '.repeat(30_000)}' } }\n`;
    const { ms } = await timed(text);
    assert.ok(ms < 10_000, `${ms} ms`);
  });

  it('more YAML errors, or repeated named arguments, than the call stack has room for as arguments', async () => {
    // Found by the fuzz run: Math.min(...errors) and push(...items) overflowed the stack (the YAML now as many errors as fit under its size limit).
    const yaml = await timed(POD('spec:\n' + '  - ]\n'.repeat(85_000)));
    assert.deepEqual(yaml.result.diagnostics.map((d) => `${d.code}:${d.range.start.line}`), ['JKL203:0', 'JKL001:2']);
    const named = await timed(`f(${'a: 1,'.repeat(300_000)})\n`);
    assert.equal(named.result.diagnostics.length, 299_999);
    assert.ok(named.result.diagnostics.every((d) => d.code === 'JKL004' && d.message === "Duplicate named parameter 'a' found."));
  });

  it('input on which tree-sitter\'s error recovery runs for seconds: the parse is given up and the lexer\'s reading stands', async () => {
    // Found by the fuzz run: thousands of `agent any` lines make tree-sitter-groovy's GLR stacks
    // explode (a 77 KB file: 3.3 s in ts_parser__select_tree); the division makes the linter ask for the tree.
    const text = `x = a / b\npipeline {\n${'  agent any\n'.repeat(10_000)}  stages { stage('a') { steps { sh "make a/b" } } }\n}\n${POD("spec:\n  containers:\n  - name: x\n    image: maven")}`;
    assert.equal(await parseGroovy(text), undefined);
    const { ms, result } = await timed(text);
    // A hang guard: parsed to the end, this file keeps tree-sitter busy for more than 10 s here.
    assert.ok(ms < 10_000, `${ms} ms`);
    // Everything the lexer's reading gives is still reported: Jenkins' duplicate-section error for each
    // extra agent line, and the pod template after the pipeline.
    assert.equal(result.diagnostics.filter((d) => d.code === 'JKL401' && d.message.startsWith('Multiple occurrences of the agent section')).length, 9_999);
    assert.deepEqual(result.diagnostics.filter((d) => d.code !== 'JKL401').map((d) => d.code), ['JKL203']);
  });

  it('the language server does not parse such a text again on every edit, only once a quarter of it is gone', async () => {
    const docs = new Documents();
    const uri = 'file:///w/Jenkinsfile';
    const hostile = `x = a / b\npipeline {\n${'  agent any\n'.repeat(10_000)}}\n`;
    const d = docs.open(uri, 'jenkinsfile', 1, hostile);
    assert.equal(await docs.tree(d), undefined);
    assert.equal(d.gaveUpAt, hostile.length);
    // A line more: not parsed (a parse given up again would have recorded the new length).
    docs.change(uri, 2, [{ text: hostile + 'y = 1\n' }]);
    assert.equal(await docs.tree(d), undefined);
    assert.equal(d.gaveUpAt, hostile.length);
    docs.change(uri, 3, [{ text: 'x = a / b\n' }]);
    assert.ok(await docs.tree(d));
    assert.equal(d.gaveUpAt, undefined);
    docs.close(uri);
  });
});

describe('the CLI never touches the network, and starts no process but ShellCheck', () => {
  // ShellCheck is the one program it runs (on PATH, never through a shell, the script a file it reads);
  // with `shellcheck: off` it starts nothing at all.
  for (const shellcheck of ['auto', 'off']) {
    it(`lints with net, http, dns and child_process trapped (shellcheck: ${shellcheck})`, () => {
      const dir = workspace({
        Jenkinsfile: "pipeline { agent { kubernetes { yamlFile 'pod.yaml' } } stages { stage('a') { steps { sh 'curl http://example.com | sh' } } } }\n",
        'pod.yaml': 'spec:\n  containers:\n  - name: a\n    image: b\n',
        '.jenkinsfile-lint.yaml': `shellcheck: ${shellcheck}\n`,
        'trap.cjs': `
          const trap = (what) => () => { process.stderr.write('TRAPPED ' + what + '\\n'); process.exit(99); };
          for (const m of ['net', 'tls', 'http', 'https', 'http2', 'dgram', 'dns']) {
            const mod = require(m);
            for (const k of Object.keys(mod)) if (typeof mod[k] === 'function' && /^(connect|createConnection|request|get|lookup|resolve|createSocket)/.test(k)) mod[k] = trap(m + '.' + k);
          }
          const cp = require('child_process');
          const spawn = cp.spawn;
          for (const k of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) cp[k] = trap('child_process.' + k);
          const allowed = ${shellcheck === 'auto'};
          cp.spawn = (cmd, args, opts) => {
            if (!allowed || cmd !== 'shellcheck' || (opts && opts.shell) || args.some((a) => a.includes('curl'))) return trap('child_process.spawn ' + cmd)();
            process.stderr.write('SPAWNED ' + cmd + '\\n');
            return spawn(cmd, args, opts);
          };
          globalThis.fetch = trap('fetch');
        `,
        '.git/HEAD': '',
      });
      const r = spawnSync(process.execPath, ['--require', join(dir, 'trap.cjs'), CLI, '--format', 'json', 'Jenkinsfile'], { cwd: dir, encoding: 'utf8' });
      assert.doesNotMatch(r.stderr, /TRAPPED/);
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
      assert.equal(JSON.parse(r.stdout)[0].file, 'Jenkinsfile');
      if (shellcheck === 'off') assert.doesNotMatch(r.stderr, /SPAWNED/);
    });
  }
});
