// The language server's catalog features over a real stdio connection: completion of steps where a
// statement starts (Declarative steps, post conditions, script blocks, scripted pipelines), of the
// entries of options/triggers/parameters/tools, of parameter names in a call and of enum values in
// quotes; snippets for a client that takes them, plain names otherwise; signature help with the
// active parameter; hover on steps and parameters. Each document marks the cursor with ‸.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CompletionItem, Hover, MarkupContent, Position, SignatureHelp } from 'vscode-languageserver';
import { workspace } from './helpers.js';
import { LspClient } from './lsp-client.js';

const CURSOR = '‸';

/** Declarative: a cursor in each place that takes something different. */
const DECLARATIVE = {
  steps: `pipeline {
  agent any
  stages {
    stage('Build') {
      steps {
        tim‸
      }
    }
  }
}
`,
  postCondition: `pipeline {
  agent any
  stages { stage('Build') { steps { echo 'x' } } }
  post {
    failure {
      ‸
    }
  }
}
`,
  script: `pipeline {
  agent any
  stages { stage('Build') { steps { script {
    ‸
  } } } }
}
`,
  pipeline: `pipeline {
  agent any
  ‸
  stages { stage('Build') { steps { echo 'x' } } }
}
`,
  options: `pipeline {
  agent any
  options {
    ‸
  }
  stages { stage('Build') { steps { echo 'x' } } }
}
`,
  stageOptions: `pipeline {
  agent any
  stages {
    stage('Build') {
      options {
        ‸
      }
      steps { echo 'x' }
    }
  }
}
`,
  triggers: "pipeline {\n  agent any\n  triggers {\n    ‸\n  }\n  stages { stage('Build') { steps { echo 'x' } } }\n}\n",
  parameters: "pipeline {\n  agent any\n  parameters {\n    ‸\n  }\n  stages { stage('Build') { steps { echo 'x' } } }\n}\n",
  tools: "pipeline {\n  agent any\n  tools {\n    ‸\n  }\n  stages { stage('Build') { steps { echo 'x' } } }\n}\n",
};

const SCRIPTED = `node('linux') {
  stage('Build') {
    ‸
  }
}
`;

/** A document in the workspace and where its cursor is. */
interface Doc {
  file: string;
  position: Position;
}

describe('language server completion, signature help and hover from the Jenkins catalog', () => {
  let plain: LspClient;
  let snippets: LspClient;
  let n = 0;
  before(async () => {
    const root = workspace({ '.git/HEAD': '' });
    plain = await LspClient.start(root);
    snippets = await LspClient.start(root, { debounceMs: 0 }, { snippets: true });
  });
  after(async () => {
    await plain.stop();
    await snippets.stop();
  });

  /** Opens `marked` (the cursor at ‸) and waits for its first lint. */
  async function open(c: LspClient, marked: string): Promise<Doc> {
    const at = marked.indexOf(CURSOR);
    assert.ok(at >= 0, 'no cursor in the document');
    const file = `d${n++}/Jenkinsfile`;
    c.open(file, marked.replace(CURSOR, ''));
    await c.waitFor(c.uri(file));
    const lines = marked.slice(0, at).split('\n');
    return { file, position: { line: lines.length - 1, character: lines[lines.length - 1]!.length } };
  }

  async function complete(marked: string, c = plain): Promise<CompletionItem[]> {
    const d = await open(c, marked);
    return (await c.conn.sendRequest('textDocument/completion', { textDocument: { uri: c.uri(d.file) }, position: d.position })) as CompletionItem[];
  }
  const labels = async (marked: string, c = plain) => (await complete(marked, c)).map((i) => i.label);
  const item = (items: CompletionItem[], label: string) => {
    const i = items.find((x) => x.label === label);
    assert.ok(i, `no ${label} in ${items.map((x) => x.label).join()}`);
    return i;
  };

  it('completes steps where a statement starts: Declarative steps and post conditions, script blocks, scripted pipelines', async () => {
    const steps = await labels(DECLARATIVE.steps);
    for (const s of ['timeout', 'sh', 'echo', 'archiveArtifacts', 'withCredentials', 'script', 'node', 'parallel']) assert.ok(steps.includes(s), s);
    // Jenkins rejects these in a Declarative steps body; sections do not go there either.
    for (const s of ['stage', 'properties', 'stages', 'agent']) assert.ok(!steps.includes(s), s);
    assert.equal(steps.filter((s) => s === 'script').length, 1);
    const post = await labels(DECLARATIVE.postCondition);
    assert.ok(post.includes('archiveArtifacts') && post.includes('junit') && !post.includes('always'), post.join());
    // Anything goes in a script block and in a scripted pipeline.
    for (const marked of [DECLARATIVE.script, SCRIPTED]) {
      const all = await labels(marked);
      assert.ok(all.includes('stage') && all.includes('sh') && all.includes('podTemplate') && all.includes('properties'), all.join());
    }
    // Where only sections go, only sections are offered.
    const top = await labels(DECLARATIVE.pipeline);
    assert.ok(top.includes('stages') && top.includes('options') && !top.includes('sh') && !top.includes('timeout'), top.join());
  });

  it('completes steps while the brackets are not yet closed, where the lint reads no Declarative blocks', async () => {
    const open = `${DECLARATIVE.steps.slice(0, DECLARATIVE.steps.indexOf(CURSOR) + 1)}\n`;
    const steps = await labels(open);
    assert.ok(steps.includes('timeout') && steps.includes('sh'), steps.join());
    assert.ok(!steps.includes('stage') && !steps.includes('stages'), steps.join());
  });

  it('documents each step: signature, description, parameters with type and required, example, plugin and version', async () => {
    const timeout = item(await complete(DECLARATIVE.steps), 'timeout');
    assert.equal(timeout.kind, 3 /* Function */);
    assert.equal(timeout.detail, 'timeout(time: int, activity: boolean, unit: TimeUnit)');
    const doc = (timeout.documentation as MarkupContent).value;
    assert.equal((timeout.documentation as MarkupContent).kind, 'markdown');
    assert.match(doc, /^\*\*timeout\*\* \(step, takes a block\)\n\n```groovy\ntimeout\(time: int, activity: boolean, unit: TimeUnit\) \{ … \}\n```\n\nExecutes the code inside the block/);
    assert.match(doc, /\n- `time`: `int`, required\n- `activity`: `boolean`\n- `unit`: `TimeUnit` — `NANOSECONDS`, `MICROSECONDS`, `MILLISECONDS`, `SECONDS`, `MINUTES`, `HOURS`, `DAYS`\n/);
    assert.match(doc, /Example:\n```groovy\ntimeout\(time: 10, unit: 'MINUTES'\) \{ … \}\n```/);
    assert.match(doc, /\n\nPlugin: `workflow-basic-steps` \d{4}-\d{2}-\d{2}$/);
  });

  it('inserts the name alone for a client without snippets, the required parameters as a snippet for one with', async () => {
    const plainItems = await complete(DECLARATIVE.steps);
    for (const s of ['timeout', 'sh', 'deleteDir']) {
      assert.equal(item(plainItems, s).insertText, undefined);
      assert.equal(item(plainItems, s).insertTextFormat, undefined);
    }
    const steps = await complete(DECLARATIVE.steps, snippets);
    const insert = (items: CompletionItem[], label: string) => {
      const i = item(items, label);
      assert.equal(i.insertTextFormat, 2 /* Snippet */, label);
      return i.insertText;
    };
    assert.equal(insert(steps, 'timeout'), "timeout(time: ${1:10}, unit: '${2|MINUTES,NANOSECONDS,MICROSECONDS,MILLISECONDS,SECONDS,HOURS,DAYS|}') {\n\t$0\n}");
    assert.equal(insert(steps, 'sh'), "sh '${1:script}'");
    assert.equal(insert(steps, 'archiveArtifacts'), "archiveArtifacts '${1:artifacts}'");
    assert.equal(insert(steps, 'writeFile'), "writeFile(file: '${1:file}', text: '${2:text}')");
    assert.equal(insert(steps, 'dir'), "dir('${1:path}') {\n\t$0\n}");
    assert.equal(insert(steps, 'withCredentials'), 'withCredentials([${1}]) {\n\t$0\n}');
    assert.equal(insert(steps, 'timestamps'), 'timestamps {\n\t$0\n}');
    assert.equal(insert(steps, 'deleteDir'), 'deleteDir()');
    assert.equal(insert(steps, 'parallel'), 'parallel(${1:branch}: {\n\t$0\n})');
    assert.equal(insert(steps, 'script'), 'script {\n\t$0\n}');
    // In options a block step takes no block; tools and parameters are written as Jenkins' examples write them.
    assert.equal(insert(await complete(DECLARATIVE.options, snippets), 'timeout'), "timeout(time: ${1:10}, unit: '${2|MINUTES,NANOSECONDS,MICROSECONDS,MILLISECONDS,SECONDS,HOURS,DAYS|}')");
    assert.equal(insert(await complete(DECLARATIVE.options, snippets), 'disableConcurrentBuilds'), 'disableConcurrentBuilds()');
    assert.equal(insert(await complete(DECLARATIVE.tools, snippets), 'maven'), "maven '${1:name}'");
    assert.equal(insert(await complete(DECLARATIVE.parameters, snippets), 'string'), "string(name: '${1:name}')");
    assert.equal(insert(await complete(DECLARATIVE.triggers, snippets), 'cron'), "cron('${1:spec}')");
  });

  it('completes what options (at the top and in a stage), triggers, parameters and tools take', async () => {
    assert.deepEqual(await labels(DECLARATIVE.options), [
      'ansiColor', 'buildDiscarder', 'catchError', 'checkoutToSubdirectory', 'copyArtifactPermission', 'disableConcurrentBuilds', 'disableRestartFromStage',
      'disableResume', 'durabilityHint', 'lock', 'newContainerPerStage', 'overrideIndexTriggers', 'parallelsAlwaysFailFast', 'podTemplate', 'preserveStashes',
      'quietPeriod', 'rateLimitBuilds', 'retry', 'script', 'skipDefaultCheckout', 'skipStagesAfterUnstable', 'timeout', 'timestamps', 'waitUntil', 'warnError',
      'withContext', 'withCredentials', 'withDockerContainer', 'withEnv', 'wrap', 'ws',
    ]);
    // A stage takes the Declarative options that may be used in one and the block steps; no job properties.
    assert.deepEqual(await labels(DECLARATIVE.stageOptions), [
      'ansiColor', 'catchError', 'checkoutToSubdirectory', 'lock', 'podTemplate', 'retry', 'script', 'skipDefaultCheckout', 'timeout', 'timestamps', 'waitUntil',
      'warnError', 'withContext', 'withCredentials', 'withDockerContainer', 'withEnv', 'wrap', 'ws',
    ]);
    assert.deepEqual(await labels(DECLARATIVE.triggers), ['upstream', 'cron', 'pollSCM']);
    assert.deepEqual(await labels(DECLARATIVE.parameters), ['booleanParam', 'choice', 'credentials', 'file', 'gitParameter', 'text', 'password', 'run', 'string']);
    assert.deepEqual(await labels(DECLARATIVE.tools), ['ant', 'dockerTool', 'git', 'gradle', 'jdk', 'jgit', 'jgitapache', 'maven', 'nodejs']);
    const cron = item(await complete(DECLARATIVE.triggers), 'cron');
    assert.equal(cron.detail, 'cron(spec: String)');
  });

  it('completes the parameters not yet written in a call, required first, as `name: ` or a snippet of the value', async () => {
    const inTimeout = await complete(DECLARATIVE.steps.replace('tim‸', 'timeout(‸) { echo "x" }'));
    assert.deepEqual(inTimeout.map((i) => i.label), ['time', 'activity', 'unit']);
    assert.equal(item(inTimeout, 'time').detail, 'int, required');
    assert.equal(item(inTimeout, 'time').insertText, 'time: ');
    assert.match((item(inTimeout, 'unit').documentation as MarkupContent).value, /^\*\*unit\*\*: `TimeUnit`, optional — parameter of `timeout`\n\nOne of `NANOSECONDS`/);
    assert.deepEqual(await labels(DECLARATIVE.steps.replace('tim‸', "timeout(time: 5, ‸) { echo 'x' }")), ['activity', 'unit']);
    // Keys written after the cursor count too; a command call's arguments the same as parentheses'.
    assert.deepEqual(await labels(DECLARATIVE.steps.replace('tim‸', "sh(‸, returnStdout: true, script: 'make')")), ['encoding', 'label', 'returnStatus']);
    assert.deepEqual(await labels(DECLARATIVE.steps.replace('tim‸', "sh script: 'make', ret‸")), ['encoding', 'label', 'returnStatus', 'returnStdout']);
    // A function in a step's arguments, and an entry of parameters (a build parameter, not the credentials binding `string`).
    assert.deepEqual(await labels(DECLARATIVE.steps.replace('tim‸', "withCredentials([usernamePassword(credentialsId: 'c', ‸)]) { sh 'x' }")), ['usernameVariable', 'passwordVariable']);
    assert.deepEqual(await labels(DECLARATIVE.parameters.replace('‸', "string(name: 'V', ‸)")), ['defaultValue', 'description', 'trim']);
    const snippet = item(await complete(DECLARATIVE.steps.replace('tim‸', "timeout(time: 5, ‸) { echo 'x' }"), snippets), 'unit');
    assert.equal(snippet.insertText, "unit: '${1|MINUTES,NANOSECONDS,MICROSECONDS,MILLISECONDS,SECONDS,HOURS,DAYS|}'");
    assert.equal(snippet.insertTextFormat, 2);
  });

  it("completes an enum's constants inside the quotes of its value, named or the sole argument", async () => {
    const units = ['NANOSECONDS', 'MICROSECONDS', 'MILLISECONDS', 'SECONDS', 'MINUTES', 'HOURS', 'DAYS'];
    assert.deepEqual(await labels(DECLARATIVE.steps.replace('tim‸', "timeout(time: 5, unit: 'MIN‸') { echo 'x' }")), units);
    assert.deepEqual(await labels(DECLARATIVE.steps.replace('tim‸', "sleep time: 3, unit: '‸'")), units);
    assert.deepEqual(await labels(DECLARATIVE.options.replace('‸', "durabilityHint('‸')")), ['PERFORMANCE_OPTIMIZED', 'SURVIVABLE_NONATOMIC', 'MAX_SURVIVABILITY']);
    // Not in a string parameter's quotes.
    assert.deepEqual(await labels(DECLARATIVE.steps.replace('tim‸', "sh label: 'x‸', script: 'make'")), []);
  });

  it('gives signature help for step calls, the active parameter by its key or by position', async () => {
    const help = async (marked: string) => {
      const d = await open(plain, marked);
      return (await plain.conn.sendRequest('textDocument/signatureHelp', { textDocument: { uri: plain.uri(d.file) }, position: d.position })) as SignatureHelp | null;
    };
    const timeout = (await help(DECLARATIVE.steps.replace('tim‸', "timeout(time: 5, unit: 'M‸') { echo 'x' }")))!;
    assert.equal(timeout.signatures.length, 1);
    const sig = timeout.signatures[0]!;
    assert.equal(sig.label, 'timeout(time: int, activity: boolean, unit: TimeUnit)');
    assert.deepEqual(sig.parameters!.map((p) => sig.label.slice(...(p.label as [number, number]))), ['time: int', 'activity: boolean', 'unit: TimeUnit']);
    assert.equal(timeout.activeParameter, 2);
    assert.match((sig.parameters![2]!.documentation as MarkupContent).value, /One of `NANOSECONDS`/);
    assert.equal((await help(DECLARATIVE.steps.replace('tim‸', "timeout(‸) { echo 'x' }")))!.activeParameter, 0);
    // A command call, after the space that follows a comma: the second argument by position.
    const sh = (await help(SCRIPTED.replace('‸', "sh 'make', ‸")))!;
    assert.equal(sh.signatures[0]!.label, 'sh(script: String, encoding: String, label: String, returnStatus: boolean, returnStdout: boolean)');
    assert.equal(sh.activeParameter, 1);
    assert.equal((await help(SCRIPTED.replace('‸', "sh script: 'make', returnStdout: ‸")))!.activeParameter, 4);
    // In a block step's body the call around the cursor is the inner one; an unknown call has none.
    assert.equal((await help(SCRIPTED.replace('‸', "timeout(5) { echo ‸ }")))!.signatures[0]!.label, 'echo(message: String)');
    assert.equal(await help(SCRIPTED.replace('‸', 'myOwnStep(‸)')), null);
  });

  it('hovers on a step name (signature, description, plugin) and on a parameter name (type, required, values, description)', async () => {
    const hover = async (marked: string) => {
      const d = await open(plain, marked);
      const h = (await plain.conn.sendRequest('textDocument/hover', { textDocument: { uri: plain.uri(d.file) }, position: d.position })) as Hover | null;
      return (h?.contents as MarkupContent | undefined)?.value ?? '';
    };
    const step = await hover(DECLARATIVE.steps.replace('tim‸', "time‸out(time: 5, unit: 'MINUTES') { echo 'x' }"));
    assert.match(step, /^\*\*timeout\*\* \(step, takes a block\)\n\n```groovy\ntimeout\(time: int, activity: boolean, unit: TimeUnit\) \{ … \}\n```/);
    assert.match(step, /Plugin: `workflow-basic-steps`/);
    const unit = await hover(DECLARATIVE.steps.replace('tim‸', "timeout(time: 5, un‸it: 'MINUTES') { echo 'x' }"));
    assert.match(unit, /^\*\*unit\*\*: `TimeUnit`, optional — parameter of `timeout`\n\nOne of `NANOSECONDS`, `MICROSECONDS`, `MILLISECONDS`, `SECONDS`, `MINUTES`, `HOURS`, `DAYS`\n\n./);
    assert.match(await hover(SCRIPTED.replace('‸', "sh scr‸ipt: 'make', returnStdout: true")), /^\*\*script\*\*: `String`, required — parameter of `sh`/);
    // An entry of options is an option or job property first, a call nested in it a function.
    assert.match(await hover(DECLARATIVE.options.replace('‸', "buildDisc‸arder(logRotator(numToKeepStr: '5'))")), /^\*\*buildDiscarder\*\* \(job property \(an option\)\)/);
    assert.match(await hover(DECLARATIVE.options.replace('‸', "buildDiscarder(logRot‸ator(numToKeepStr: '5'))")), /^\*\*logRotator\*\* \(function\)/);
    assert.match(await hover(DECLARATIVE.triggers.replace('‸', "cr‸on('H 4 * * 1-5')")), /^\*\*cron\*\* \(trigger\)\n\n```groovy\ncron\(spec: String\)\n```/);
    assert.equal(await hover(SCRIPTED.replace('‸', 'myOwn‸Step()')), '');
  });
});
