// Mutation fuzzing of the core: corpus Jenkinsfiles and rule fixtures, mutated the ways real files go
// wrong, must always lint without a throw, in bounded time, with well-formed diagnostics.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { defaultConfig } from '../server/out/core/config.js';
import { LineIndex } from '../server/out/core/line-index.js';
import { lint } from '../server/out/core/lint.js';
import { FsHost } from '../server/out/host/fs-host.js';
import { CORPUS, filesUnder, REPO } from './helpers.js';

/** mulberry32: a small seeded PRNG, so every failure reproduces from its seed. */
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seeds(): string[] {
  const keep = (path: string) => /jenkinsfile|\.groovy$/i.test(basename(path)) && !path.endsWith('.json');
  return [join(CORPUS, 'kubernetes-plugin'), join(CORPUS, 'wild'), join(REPO, 'test', 'fixtures')].flatMap((dir) => filesUnder(dir, keep).map((p) => readFileSync(p, 'utf8')));
}

const SNIPPETS = ["'", '"', "'''", '"""', '{', '}', '(', ')', '[', ']', '${', '$/', '/', '\\', '\n', '\t', '\r\n', '\u0000', '\uFEFF', '😀', 'é', '\u2028',
  ': ', '- ', '  ', '#', '//', '/*', '*/', '99999999999999999999999999', '-1e309', '0644', '&a', '*a', '<<: *a', '!!binary', '? ', '|', '>',
  'container(', "container('", 'podTemplate(', 'kubernetes {', 'yaml ', 'node(POD_LABEL)', 'sh ', '/kaniko/executor ', '--destination', 'jenkinsfile-lint-disable-next-line '];

/** Openers and their closers to nest: brackets, GString interpolations, templates, YAML flow and blocks. */
const NESTERS: ReadonlyArray<readonly [string, string]> = [
  ['[', ']'], ['(', ')'], ['{', '}'], ['"${', '}"'], ["podTemplate(yaml: 'spec: {}') {\n", '}\n'], ['node {', '}'], ['container(', ')'],
  ['a: [', ']'], ['{a: ', '}'], ['- ', ''], ['  x:\n', ''],
];

export function mutate(text: string, r: () => number): string {
  let t = text;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const at = () => Math.floor(r() * (t.length + 1));
  const rounds = 1 + Math.floor(r() * 5);
  for (let i = 0; i < rounds; i++) {
    const lines = t.split('\n');
    const line = Math.floor(r() * lines.length);
    switch (Math.floor(r() * 11)) {
      case 0: { // flip a byte (character)
        const p = at();
        t = t.slice(0, p) + String.fromCharCode(Math.floor(r() * 0x3000)) + t.slice(p + 1);
        break;
      }
      case 1: // truncate
        t = t.slice(0, at());
        break;
      case 2: // delete a line
        lines.splice(line, 1);
        t = lines.join('\n');
        break;
      case 3: // duplicate a line
        lines.splice(line, 0, lines[line] ?? '');
        t = lines.join('\n');
        break;
      case 4: { // insert an unbalanced quote, brace, or a token of the DSL
        const p = at();
        t = t.slice(0, p) + pick(SNIPPETS) + t.slice(p);
        break;
      }
      case 5: // re-indent a line (YAML indentation)
        lines[line] = ' '.repeat(Math.floor(r() * 9)) + (lines[line] ?? '').trimStart();
        t = lines.join('\n');
        break;
      case 6: // a huge number
        lines[line] = (lines[line] ?? '').replace(/\d+/, '9'.repeat(1 + Math.floor(r() * 400)));
        t = lines.join('\n');
        break;
      case 7: // unicode
        t = t.slice(0, at()) + pick(['\u0301', '\uD83D', '\uDE00', '\u200B', 'ß', '中文', '\uFFFF']) + t.slice(at());
        break;
      case 9: { // nesting thousands deep, closed or not: no input depth may reach the call stack
        const p = at();
        const [open, close] = pick(NESTERS);
        const depth = 50 + Math.floor(r() * 5000);
        t = t.slice(0, p) + open.repeat(depth) + (r() < 0.5 ? close.repeat(depth) : '') + t.slice(p);
        break;
      }
      case 10: // the same content two, four or eight times, or one line thousands of times
        // Rounds compound: past a few MB the next would outgrow a string (the size cap is tested on its own).
        if (t.length > 2_000_000) break;
        if (r() < 0.5) t = t.repeat(2 << Math.floor(r() * 3));
        else {
          const copies = 1000 + Math.floor(r() * 20_000);
          const one = lines[line] ?? '';
          // A long line (a doubled one-line file) thousands of times would outgrow a string too.
          if ((one.length + 1) * copies > 4_000_000) break;
          lines.splice(line, 0, ...Array<string>(copies).fill(one));
          t = lines.join('\n');
        }
        break;
      default: // swap two lines
        if (lines.length > 1) {
          const other = Math.floor(r() * lines.length);
          [lines[line], lines[other]] = [lines[other]!, lines[line]!];
          t = lines.join('\n');
        }
    }
  }
  return t;
}

const host = new FsHost({ root: '/nonexistent-fuzz-root' });

/** Lints one input and returns what is wrong with the outcome, or undefined. */
export async function check(text: string, boundMs: number): Promise<string | undefined> {
  const t0 = performance.now();
  let result;
  try {
    result = await lint(text, { file: '/nonexistent-fuzz-root/Jenkinsfile', host, config: defaultConfig() });
  } catch (e) {
    return `threw: ${(e as Error).stack}`;
  }
  const ms = performance.now() - t0;
  if (ms > boundMs) return `took ${ms.toFixed(0)} ms`;
  // One line index per file, not per diagnostic: a large file with many findings stays linear here too.
  const indexes = new Map<string, LineIndex>();
  for (const d of result.diagnostics) {
    if (!/^JKL\d{3}$/.test(d.code) || !d.message || !['error', 'warning', 'info'].includes(d.severity)) return `malformed diagnostic ${JSON.stringify(d)}`;
    if (d.message.startsWith('Internal error')) return d.message;
    const fileText = result.texts.get(d.file);
    if (fileText === undefined) return `diagnostic in an unknown file ${d.file}`;
    let lines = indexes.get(d.file);
    if (!lines) indexes.set(d.file, (lines = new LineIndex(fileText)));
    const { start, end } = d.range;
    const inside = (p: { line: number; character: number }) => p.line >= 0 && p.character >= 0 && p.line < lines.lineCount && lines.offset(p) - lines.offset({ line: p.line, character: 0 }) === p.character;
    if (!inside(start) || !inside(end) || start.line > end.line || (start.line === end.line && start.character > end.character)) return `range outside the document: ${JSON.stringify(d.range)} (${d.code})`;
  }
  return undefined;
}
