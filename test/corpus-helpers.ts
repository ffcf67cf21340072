// Reading ../shared/corpus in place. wild/ files are linted inside a temporary repository laid out
// as their MANIFEST says (Jenkinsfile and the yamlFile companions at their paths in the repo), so
// that `yamlFile` resolves as it does in Jenkins' checkout.

import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { analyze, type Analysis } from '../server/out/core/lint.js';
import { defaultConfig } from '../server/out/core/config.js';
import { FsHost } from '../server/out/host/fs-host.js';
import { CORPUS, filesUnder, flatten, lintPath, workspace, type Flat } from './helpers.js';

export const HAVE_CORPUS = existsSync(join(CORPUS, 'MANIFEST.tsv'));
export const SKIP_REASON = HAVE_CORPUS ? false : `corpus not found at ${CORPUS} (it ships beside the repository in ../shared/corpus)`;

const PIPELINE_FILE = /jenkinsfile|\.groovy$/i;

/** Every pipeline file of the corpus, relative to it (pod YAML, docs and companions excluded). */
export function corpusFiles(): string[] {
  const keep = (path: string) => !path.split(sep).includes('companions') && PIPELINE_FILE.test(basename(path)) && !/\.(ya?ml|md|tsv|json)$/.test(path);
  return ['kubernetes-plugin', 'pipeline-model-definition', 'wild']
    .flatMap((top) => filesUnder(join(CORPUS, top), keep))
    .map((p) => relative(CORPUS, p))
    .sort();
}

interface ManifestRow {
  local: string;
  pathInRepo: string;
}

let manifest: ManifestRow[] | undefined;
function manifestRows(): ManifestRow[] {
  manifest ??= readFileSync(join(CORPUS, 'MANIFEST.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((l) => l.split('\t'))
    .map((c) => ({ local: c[0]!, pathInRepo: c[2]! }));
  return manifest;
}

/** Where a corpus file is linted: its own place, or (wild/) a temporary repository with its companions. */
export function placeCorpusFile(rel: string): { file: string; root?: string; base: string } {
  if (rel.startsWith('kubernetes-plugin/')) return { file: join(CORPUS, rel), root: join(CORPUS, 'kubernetes-plugin'), base: CORPUS };
  if (!rel.startsWith('wild/')) return { file: join(CORPUS, rel), base: CORPUS };
  const rows = manifestRows();
  const own = rows.find((r) => r.local === rel);
  const id = rel.slice('wild/'.length).split('-')[0]!;
  const files: Record<string, string> = { [own?.pathInRepo ?? 'Jenkinsfile']: readFileSync(join(CORPUS, rel), 'utf8') };
  for (const r of rows) if (r.local.startsWith(`wild/companions/${id}-`)) files[r.pathInRepo] = readFileSync(join(CORPUS, r.local), 'utf8');
  const dir = workspace(files);
  mkdirSync(join(dir, '.git'));
  return { file: join(dir, own?.pathInRepo ?? 'Jenkinsfile'), root: dir, base: dir };
}

/** Lints a corpus file with no configuration; files in the result are relative to the corpus file's place. */
export async function lintCorpusFile(rel: string): Promise<Flat[]> {
  const where = placeCorpusFile(rel);
  const result = await lintPath(where.file, { ...(where.root ? { root: where.root } : {}), config: defaultConfig() });
  return flatten(result.diagnostics, where.base).map((d) => ({ ...d, file: d.file === relative(where.base, where.file) ? rel : d.file }));
}

/** Per pod template: the line of `kubernetes`/`podTemplate` and its containers, or why there are none to read. */
/** The analysis of a corpus file in its place (no configuration). */
export async function corpusAnalysis(rel: string): Promise<Analysis & { text: string }> {
  const where = placeCorpusFile(rel);
  const text = readFileSync(where.file, 'utf8');
  return { text, ...(await analyze(text, { file: where.file, host: new FsHost(where.root ? { root: where.root } : {}) })) };
}

export async function corpusTemplates(rel: string): Promise<string[]> {
  const { text, pods } = await corpusAnalysis(rel);
  return pods.map((p) => {
    const line = text.slice(0, p.template.call.start).split('\n').length;
    const what = p.notStatic ? 'not static' : p.fileProblem ? 'unreadable yamlFile' : p.containers.map((c) => c.name ?? '${…}').join(', ');
    return `${line} ${p.template.call.name}: ${what}`;
  });
}
