// Splits an `sh` script into commands and words the way a POSIX shell would, enough to read the
// Kaniko executor's flags: line continuations, quotes, `;` `&&` `||` `|` and newlines between
// commands, comments. What a GString interpolation or a shell expansion puts in a word is unknown:
// each word says how much of it is written out, and nothing after that is guessed at.

import type { MappedText } from '../extract/mapped-text.js';

export interface Word {
  text: string;
  /** [start, end) in the script text. */
  start: number;
  end: number;
  /**
   * How many leading characters of `text` are written out; the rest come after a GString
   * interpolation or a shell expansion (`$…`, backquotes) and say nothing of the value.
   */
  literal: number;
}

function isLiteral(w: Word): boolean {
  return w.literal === w.text.length;
}

/** Which characters of the script stand for an interpolation. */
function placeholderMask(script: MappedText): Uint8Array {
  const mask = new Uint8Array(script.text.length);
  for (const [s, e] of script.placeholders) mask.fill(1, s, e);
  return mask;
}

export function shellCommands(script: MappedText): Word[][] {
  const s = script.text;
  const interpolated = placeholderMask(script);
  const commands: Word[][] = [];
  let words: Word[] = [];
  let cur: { text: string; start: number; literal?: number } | undefined;
  const endWord = (end: number) => {
    if (cur) words.push({ text: cur.text, start: cur.start, end, literal: cur.literal ?? cur.text.length });
    cur = undefined;
  };
  const endCommand = (end: number) => {
    endWord(end);
    if (words.length) commands.push(words);
    words = [];
  };
  /** Appends the character read at `at`; `expands`: a `$` or backquote the shell expands there. */
  const add = (ch: string, at: number, expands = false) => {
    cur ??= { text: '', start: at };
    if ((expands || interpolated[at]) && cur.literal === undefined) cur.literal = cur.text.length;
    cur.text += ch;
  };
  const expansion = (ch: string) => ch === '$' || ch === '`';
  let i = 0;
  while (i < s.length) {
    const ch = s[i]!;
    if (ch === '\\' && s[i + 1] === '\n') {
      i += 2; // line continuation
      continue;
    }
    if (ch === '\\' && i + 1 < s.length) {
      cur ??= { text: '', start: i };
      add(s[i + 1]!, i + 1);
      i += 2;
      continue;
    }
    if (ch === "'") {
      const close = s.indexOf("'", i + 1);
      const end = close < 0 ? s.length : close;
      cur ??= { text: '', start: i };
      // The shell expands nothing here, but Groovy has already put its interpolations in.
      for (let k = i + 1; k < end; k++) add(s[k]!, k);
      i = end + 1;
      continue;
    }
    if (ch === '"') {
      cur ??= { text: '', start: i };
      i++;
      while (i < s.length && s[i] !== '"') {
        if (s[i] === '\\' && s[i + 1] === '\n') i++; // a line continuation, inside quotes too
        else if (s[i] === '\\' && i + 1 < s.length && '"\\$`'.includes(s[i + 1]!)) add(s[++i]!, i);
        else add(s[i]!, i, expansion(s[i]!));
        i++;
      }
      i++;
      continue;
    }
    if (ch === '#' && !cur) {
      while (i < s.length && s[i] !== '\n') i++;
      continue;
    }
    if (ch === '\n' || ch === ';' || ch === '|' || ch === '&') {
      endCommand(i);
      i++;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r') {
      endWord(i);
      i++;
      continue;
    }
    add(ch, i, expansion(ch));
    i++;
  }
  endCommand(s.length);
  return commands;
}

export interface FlagValue {
  value: string;
  /** The flag's word: `--destination` or `--destination=…`. */
  word: Word;
  /** The word the value was read from: the flag's own (`--flag=value`), the next one, or none (`--cache`). */
  valueWord?: Word;
  /** How many leading characters of `value` are written out (see Word.literal). */
  literal: number;
}

export interface ExecutorCall {
  /** The executor word and every word after it. */
  words: Word[];
  /** Flag name (without dashes, long form) → its values. */
  flags: Map<string, FlagValue[]>;
  /** Words an interpolation or expansion may turn into any flags: not a flag's value, not written out. */
  unknown: Word[];
}

const SHORT: Record<string, string> = { d: 'destination', c: 'context', f: 'dockerfile', v: 'verbosity' };
/** The executor's boolean flags (cmd/executor/cmd/root.go): they never take the next word as their value. */
const BOOLEAN = new Set([
  'no-push', 'cache', 'cleanup', 'force', 'insecure', 'skip-tls-verify', 'reproducible', 'single-snapshot', 'use-new-run', 'no-push-cache',
  'insecure-pull', 'skip-tls-verify-pull', 'skip-unused-stages', 'compressed-caching', 'cache-copy-layers', 'cache-run-layers',
  'ignore-var-run', 'whitelist-var-run', 'force-build-metadata', 'log-timestamp',
]);

/**
 * Several rules read the same scripts, and the editor lints the same scripts on every keystroke: the
 * calls depend on the script's text and where its interpolations are (positions are in that text),
 * so each is split once while it stays. Bounded: emptied when it holds too much script.
 */
const memo = new Map<string, { placeholders: string; calls: ExecutorCall[] }>();
let memoChars = 0;

/** Every `/kaniko/executor …` command in a script, with its flags read like cobra reads them. */
export function executorCalls(script: MappedText): ExecutorCall[] {
  const placeholders = script.placeholders.join(';');
  const known = memo.get(script.text);
  if (known?.placeholders === placeholders) return known.calls;
  if (memoChars > 4_000_000) {
    memo.clear();
    memoChars = 0;
  }
  const out: ExecutorCall[] = [];
  memo.set(script.text, { placeholders, calls: out });
  memoChars += script.text.length;
  for (const cmd of shellCommands(script)) {
    // Skip leading environment assignments (`KANIKO_X=1 /kaniko/executor …`).
    let k = 0;
    while (k < cmd.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(cmd[k]!.text)) k++;
    const exe = cmd[k];
    if (!exe || !/(^|\/)kaniko\/executor$|^executor$/.test(exe.text)) continue;
    const words = cmd.slice(k);
    const flags = new Map<string, FlagValue[]>();
    const unknown: Word[] = [];
    for (let j = 1; j < words.length; j++) {
      const w = words[j]!;
      const m = /^(--?)([A-Za-z][\w-]*)(?:=(.*))?$/s.exec(w.text);
      const nameEnd = m ? m[1]!.length + m[2]!.length : 0;
      if (!m || w.literal < nameEnd) {
        if (!isLiteral(w)) unknown.push(w);
        continue;
      }
      const name = m[1] === '-' && m[2]!.length === 1 ? (SHORT[m[2]!] ?? m[2]!) : m[2]!;
      let entry: FlagValue;
      if (m[3] !== undefined) entry = { value: m[3], word: w, valueWord: w, literal: Math.max(0, w.literal - nameEnd - 1) };
      else if (BOOLEAN.has(name)) entry = { value: 'true', word: w, literal: 'true'.length };
      else if (words[j + 1] && !words[j + 1]!.text.startsWith('-')) {
        const next = words[++j]!;
        entry = { value: next.text, word: w, valueWord: next, literal: next.literal };
      } else entry = { value: '', word: w, literal: 0 };
      const list = flags.get(name) ?? [];
      list.push(entry);
      flags.set(name, list);
    }
    out.push({ words, flags, unknown });
  }
  return out;
}
