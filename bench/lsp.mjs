// Editor benchmarks.
// - latency: didChange → publishDiagnostics on a 1,000-line Jenkinsfile, the server run in this
//   process over in-memory streams with no debounce; against bare tree-sitter parsing of the file.
// - requests: completion, signature help and hover on the same file, after each edit is linted.
// - memory: the real server process's RSS over many edits to one document.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';
import { bigJenkinsfile } from './lsp-fixture.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { createConnection } = await import(pathToFileURL(join(root, 'node_modules', 'vscode-languageserver', 'lib', 'node', 'main.js')).href);
const { startServer } = await import(pathToFileURL(join(root, 'server', 'out', 'lsp', 'server.js')).href);
const { getParser } = await import(pathToFileURL(join(root, 'server', 'out', 'parse', 'parser.js')).href);
const { SHELLCHECK_QUIET_MS } = await import(pathToFileURL(join(root, 'server', 'out', 'lsp', 'shellcheck-cache.js')).href);

const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const uri = 'file:///bench/Jenkinsfile';

/**
 * A client whose settings set `shellcheck` (off unless a benchmark measures it: with ShellCheck on,
 * a document is published again when ShellCheck is done, which `published(version)` tells apart).
 */
function client(reader, writer, shellcheck = 'off') {
  const conn = createMessageConnection(new StreamMessageReader(reader), new StreamMessageWriter(writer));
  let waiting = [];
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    const now = waiting.filter((w) => w.version === undefined || w.version === p.version);
    waiting = waiting.filter((w) => !now.includes(w));
    now.forEach((w) => w.resolve(p));
  });
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({ shellcheck })));
  conn.onRequest('client/registerCapability', () => null);
  conn.listen();
  /** The next publish (of that document version, when given). */
  const published = (version) => new Promise((resolve) => waiting.push({ version, resolve }));
  const init = async () => {
    // The server asks for settings (where `shellcheck` is) only of a client that says it answers.
    await conn.sendRequest('initialize', { processId: null, rootUri: null, capabilities: { workspace: { configuration: true } }, initializationOptions: { debounceMs: 0 } });
    await conn.sendNotification('initialized', {});
  };
  return { conn, published, init };
}

/** Initializes the server and opens the 1,000-line Jenkinsfile, once it is linted. */
async function openBig(c) {
  await c.init();
  const text = bigJenkinsfile();
  const p = c.published();
  await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'jenkinsfile', version: 1, text } });
  await p;
  return text;
}

/** Replaces the `${i}` digit of the first destination with the edit number: a real one-character edit. */
function edit(text, n) {
  const at = text.indexOf('app:0') + 4;
  return { range: { start: lineCol(text, at), end: lineCol(text, at + 1) }, text: String(n % 10) };
}
function lineCol(text, offset) {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length - 1, character: offset - before.lastIndexOf('\n') - 1 };
}

/**
 * `shellcheck: 'auto'`: each edit changes an sh script. `pauses`: the server runs ShellCheck on
 * scripts left alone for its quiet period, so the edits come in bursts of five with a pause just past
 * that period between them, each burst starting while ShellCheck runs, as when the user types again
 * after a moment. The same typing with `shellcheck: 'off'` is its baseline: the first keystroke after
 * a pause is slower whatever runs.
 */
export async function latency(edits = 300, shellcheck = 'off', pauses = false) {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  startServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient)));
  const c = client(toClient, toServer, shellcheck);
  const text = await openBig(c);
  let p;
  const times = [];
  // The first edits also pay for V8 compiling the linter's code; an editor's server runs for hours,
  // so those are left out and the steady state is measured.
  const warmup = 100;
  for (let i = 0; i < warmup + edits; i++) {
    p = c.published(i + 2);
    const t0 = performance.now();
    await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: i + 2 }, contentChanges: [edit(text, i)] });
    await p;
    if (i >= warmup) times.push(performance.now() - t0);
    if (pauses && i % 5 === 4) await new Promise((resolve) => setTimeout(resolve, SHELLCHECK_QUIET_MS + 20));
  }
  // Baseline: a full (non-incremental) tree-sitter parse of the same text, in the same process.
  const parser = await getParser();
  const parse = [];
  for (let i = 0; i < 50; i++) {
    const t0 = performance.now();
    parser.parse(text).delete();
    parse.push(performance.now() - t0);
  }
  c.conn.dispose();
  return { lines: text.split('\n').length, p50: pct(times, 0.5), p95: pct(times, 0.95), parseP50: pct(parse, 0.5) };
}

/**
 * Completion (a step name begun in a steps body: the whole step list with its documentation),
 * signature help and hover (on `sh`) in the 1,000-line Jenkinsfile, each asked once after every
 * edit has been linted, so the first of them also reads the new text.
 */
export async function requests(edits = 300) {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  startServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient)));
  const c = client(toClient, toServer);
  const text = await openBig(c);
  const sh = lineCol(text, text.indexOf("sh 'mvn"));
  const asks = {
    completion: ['textDocument/completion', { ...sh, character: sh.character + 1 }],
    signatureHelp: ['textDocument/signatureHelp', { ...sh, character: sh.character + 5 }],
    hover: ['textDocument/hover', sh],
  };
  const times = { completion: [], signatureHelp: [], hover: [] };
  const warmup = 100;
  for (let i = 0; i < warmup + edits; i++) {
    const p = c.published();
    await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: i + 2 }, contentChanges: [edit(text, i)] });
    await p;
    for (const [name, [method, position]] of Object.entries(asks)) {
      const t0 = performance.now();
      await c.conn.sendRequest(method, { textDocument: { uri }, position });
      if (i >= warmup) times[name].push(performance.now() - t0);
    }
  }
  c.conn.dispose();
  return Object.fromEntries(Object.entries(times).map(([name, xs]) => [name, { p50: pct(xs, 0.5), p95: pct(xs, 0.95) }]));
}

function rssKb(pid) {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);
}

/**
 * The real server process's RSS over `edits` edits of one document (`text`, each edit from `edit`),
 * sampled every `every` edits; growth is measured from the first sample.
 */
async function rssOverEdits(text, edit, edits, every) {
  const proc = spawn(process.execPath, [join(root, 'server', 'bin', 'jenkinsfile-language-server.cjs'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const c = client(proc.stdout, proc.stdin);
  await c.init();
  let p = c.published();
  await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'jenkinsfile', version: 1, text } });
  await p;
  const samples = [];
  for (let i = 0; i < edits; i++) {
    p = c.published();
    await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: i + 2 }, contentChanges: [edit(text, i)] });
    await p;
    if ((i + 1) % every === 0 || i + 1 === edits) samples.push({ edits: i + 1, rssKb: rssKb(proc.pid) });
  }
  c.conn.dispose();
  proc.kill();
  return { samples, growth: samples[samples.length - 1].rssKb / samples[0].rssKb - 1 };
}

export function memory(edits = 10_000) {
  return rssOverEdits(bigJenkinsfile(), edit, edits, 1000);
}

/**
 * A document holding 0.45 MB of inline pod YAML (just under the size past which pod YAML is not
 * read), each edit changing one character inside it: every edit is new YAML to parse, and the
 * parse memo must stay within its byte budget.
 */
export function memoryLargeYaml(edits = 60) {
  const labels = Array.from({ length: 20_000 }, (_, i) => `    k${i}: value-${i}`).join('\n');
  const text = `pipeline {\n  agent { kubernetes { yaml '''\nmetadata:\n  labels:\n    edited: v0\n${labels}\n''' } }\n  stages { stage('a') { steps { sh 'x' } } }\n}\n`;
  const at = text.indexOf('edited: v0') + 'edited: v'.length;
  const change = (t, n) => ({ range: { start: lineCol(t, at), end: lineCol(t, at + 1) }, text: String(n % 10) });
  return rssOverEdits(text, change, edits, 10);
}
