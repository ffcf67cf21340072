// Throughput: every Jenkinsfile of ../shared/corpus linted in one process, per file, against bare
// tree-sitter parsing of the same files in the same run (though the linter asks for a tree only
// where its lexer had to guess; treeFiles says how many).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = join(root, '..', 'shared', 'corpus');
const out = (p) => import(pathToFileURL(join(root, 'server', 'out', p)).href);
const { lint } = await out('core/lint.js');
const { defaultConfig } = await out('core/config.js');
const { FsHost } = await out('host/fs-host.js');
const { getParser } = await out('parse/parser.js');
const { TokenReader } = await out('extract/reader.js');
const { forgetPodYamls } = await out('resolve/resolve.js');

/** The files below `dir` whose name passes `keep`, read, in sorted order ([] when `dir` is absent). */
function filesUnder(dir, keep) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && keep(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort()
    .map((file) => ({ file, text: readFileSync(file, 'utf8') }));
}

export function corpusFiles() {
  const pipeline = (name) => /jenkinsfile|\.groovy$/i.test(name) && !/\.(ya?ml|md|tsv|json)$/.test(name);
  return ['kubernetes-plugin', 'pipeline-model-definition', 'wild'].flatMap((top) => filesUnder(join(corpus, top), pipeline));
}

/** The rule fixtures: different files from the corpus, to warm the JIT on before measuring. */
const fixtureFiles = () => filesUnder(join(root, 'test', 'fixtures'), (name) => name.endsWith('.Jenkinsfile'));

/** Passes over the corpus (the first one included) after which the linter's speed has settled. */
const STEADY_AFTER = 10;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function throughput() {
  const files = corpusFiles();
  if (!files.length) return undefined;
  const host = new FsHost();
  const config = defaultConfig();
  const parser = await getParser();
  const pass = async () => {
    // Pod YAML parses are memoized by their text: forgotten before each pass, so every pass parses
    // and validates every pod, as a run over files never seen does.
    forgetPodYamls();
    const t0 = performance.now();
    for (const f of files) await lint(f.text, { file: f.file, host, config });
    return performance.now() - t0;
  };
  // The first pass over the corpus, with the JIT warmed on other files (the rule fixtures) only.
  const fixtures = fixtureFiles();
  for (let i = 0; i < 3; i++) for (const f of fixtures) await lint(f.text, { file: f.file, host, config });
  const passes = [await pass()];
  // V8 goes on optimizing the linter for about ten passes over this corpus (measured 2026-12-01, µs
  // per file: 1775 963 728 511 513 509 443 420 410 352 368 335 307 …), so the passes right after the
  // first measure its warm-up (reported as such), and the steady state is the median of passes 11–15.
  // Each of those is followed by a bare parse of the corpus, so that the ratio compares passes taken
  // moments apart: this machine's speed drifts by 2× within minutes.
  while (passes.length < STEADY_AFTER) passes.push(await pass());
  const parses = [];
  while (passes.length < STEADY_AFTER + 5) {
    passes.push(await pass());
    const t0 = performance.now();
    for (const f of files) parser.parse(f.text).delete();
    parses.push(performance.now() - t0);
  }
  const [firstMs] = passes;
  const warmupMs = median(passes.slice(1, 4));
  const lintMs = median(passes.slice(STEADY_AFTER));
  const parseMs = median(parses);
  const treeFiles = files.filter((f) => new TokenReader(f.text).guessed).length;
  return {
    files: files.length,
    treeFiles,
    firstPassPerFileMs: firstMs / files.length,
    warmupPerFileMs: warmupMs / files.length,
    perFileMs: lintMs / files.length,
    filesPerSecond: (files.length / lintMs) * 1000,
    parsePerFileMs: parseMs / files.length,
    ratio: lintMs / parseMs,
  };
}
