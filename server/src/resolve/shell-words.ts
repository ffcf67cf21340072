// Splits an `sh` script into commands and words the way a POSIX shell would, enough to read the
// Kaniko executor's flags: line continuations, quotes, `;` `&&` `||` `|` and newlines between
// commands, comments. Words that touch a GString interpolation are marked, never guessed at.

import { touchesPlaceholder, type MappedText } from '../extract/mapped-text.js';

export interface Word {
  text: string;
  /** [start, end) in the script text. */
  start: number;
  end: number;
  interpolated: boolean;
}

export function shellCommands(script: MappedText): Word[][] {
  const s = script.text;
  const commands: Word[][] = [];
  let words: Word[] = [];
  let cur: { text: string; start: number } | undefined;
  const endWord = (end: number) => {
    if (cur) words.push({ ...cur, end, interpolated: touchesPlaceholder(script, cur.start, end) });
    cur = undefined;
  };
  const endCommand = (end: number) => {
    endWord(end);
    if (words.length) commands.push(words);
    words = [];
  };
  const add = (ch: string, at: number) => {
    cur ??= { text: '', start: at };
    cur.text += ch;
  };
  let i = 0;
  while (i < s.length) {
    const ch = s[i]!;
    if (ch === '\\' && s[i + 1] === '\n') {
      i += 2; // line continuation
      continue;
    }
    if (ch === '\\' && i + 1 < s.length) {
      add(s[i + 1]!, i);
      i += 2;
      continue;
    }
    if (ch === "'") {
      const close = s.indexOf("'", i + 1);
      const end = close < 0 ? s.length : close;
      cur ??= { text: '', start: i };
      cur.text += s.slice(i + 1, end);
      i = end + 1;
      continue;
    }
    if (ch === '"') {
      cur ??= { text: '', start: i };
      i++;
      while (i < s.length && s[i] !== '"') {
        if (s[i] === '\\' && i + 1 < s.length && '"\\$`\n'.includes(s[i + 1]!)) i++;
        cur.text += s[i];
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
    add(ch, i);
    i++;
  }
  endCommand(s.length);
  return commands;
}

export interface ExecutorCall {
  /** The executor word and every word after it. */
  words: Word[];
  /** Flag name (without dashes, long form) → its values, each with the word it came from. */
  flags: Map<string, Array<{ value: string; word: Word }>>;
}

const SHORT: Record<string, string> = { d: 'destination', c: 'context', f: 'dockerfile', v: 'verbosity' };
const BOOLEAN = new Set(['no-push', 'cache', 'cleanup', 'force', 'insecure', 'skip-tls-verify', 'reproducible', 'single-snapshot', 'use-new-run', 'no-push-cache', 'insecure-pull', 'skip-tls-verify-pull', 'skip-unused-stages', 'compressed-caching']);

/** Several rules read the same scripts; each is split once per lint. */
const memo = new WeakMap<MappedText, ExecutorCall[]>();

/** Every `/kaniko/executor …` command in a script, with its flags read like cobra reads them. */
export function executorCalls(script: MappedText): ExecutorCall[] {
  const known = memo.get(script);
  if (known) return known;
  const out: ExecutorCall[] = [];
  memo.set(script, out);
  for (const cmd of shellCommands(script)) {
    // Skip leading environment assignments (`KANIKO_X=1 /kaniko/executor …`).
    let k = 0;
    while (k < cmd.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(cmd[k]!.text)) k++;
    const exe = cmd[k];
    if (!exe || !/(^|\/)kaniko\/executor$|^executor$/.test(exe.text)) continue;
    const words = cmd.slice(k);
    const flags = new Map<string, Array<{ value: string; word: Word }>>();
    for (let j = 1; j < words.length; j++) {
      const w = words[j]!;
      const m = /^(--?)([A-Za-z][\w-]*)(?:=(.*))?$/s.exec(w.text);
      if (!m) continue;
      const name = m[1] === '-' && m[2]!.length === 1 ? (SHORT[m[2]!] ?? m[2]!) : m[2]!;
      let value = m[3];
      if (value === undefined) {
        if (BOOLEAN.has(name)) value = 'true';
        else if (words[j + 1] && !words[j + 1]!.text.startsWith('-')) value = words[++j]!.text;
        else value = '';
      }
      const list = flags.get(name) ?? [];
      list.push({ value, word: w });
      flags.set(name, list);
    }
    out.push({ words, flags });
  }
  return out;
}
