// How a POSIX shell reads each character of a script: plain, inside double quotes (where `$` still
// expands), or literal (single quotes, `$'…'`, an escaped character, a comment, a quoted heredoc's
// body). Enough to tell where `${…}` reaches the shell's parameter expansion, and what a fix written
// at some place in the script must look like.

export const enum Quoting {
  Plain = 0,
  Double = 1,
  /** Not expanded: single-quoted, escaped, a comment, a quoted heredoc body. */
  Literal = 2,
  /** Inside single quotes: `'` ends it (a fix there must close and reopen them). */
  Single = 3,
}

export function shellQuoting(s: string): Uint8Array {
  const q = new Uint8Array(s.length);
  const heredocs: Array<{ word: string; quoted: boolean; tabs: boolean }> = [];
  let i = 0;
  const wordStart = (k: number) => k === 0 || /[\s;&|()<>]/.test(s[k - 1]!);
  while (i < s.length) {
    const ch = s[i]!;
    if (ch === '\n' && heredocs.length) {
      i = heredocBodies(s, i + 1, heredocs, q);
      heredocs.length = 0;
      continue;
    }
    if (ch === '\\') {
      q[i] = Quoting.Plain;
      if (i + 1 < s.length) q[i + 1] = Quoting.Literal;
      i += 2;
      continue;
    }
    if (ch === "'" || (ch === '$' && s[i + 1] === "'")) {
      const ansi = ch === '$';
      const open = ansi ? i + 1 : i;
      let j = open + 1;
      while (j < s.length && s[j] !== "'") j += ansi && s[j] === '\\' ? 2 : 1;
      q.fill(Quoting.Single, open + 1, Math.min(j, s.length));
      i = j + 1;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      while (j < s.length && s[j] !== '"') {
        q[j] = Quoting.Double;
        if (s[j] === '\\' && j + 1 < s.length) q[++j] = Quoting.Literal;
        j++;
      }
      i = j + 1;
      continue;
    }
    if (ch === '#' && wordStart(i)) {
      while (i < s.length && s[i] !== '\n') q[i++] = Quoting.Literal;
      continue;
    }
    if (ch === '<' && s[i + 1] === '<' && s[i + 2] !== '<') {
      const m = /^<<(-?)[ \t]*(?:'([^'\n]*)'|"([^"\n]*)"|\\?([A-Za-z0-9_.-]+))/.exec(s.slice(i, i + 200));
      if (m) {
        const word = m[2] ?? m[3] ?? m[4]!;
        heredocs.push({ word, quoted: m[2] !== undefined || m[3] !== undefined || m[0].includes('\\'), tabs: m[1] === '-' });
        i += m[0].length;
        continue;
      }
    }
    i++;
  }
  return q;
}

/** Marks the bodies of the heredocs opened on the line before `from`; returns where reading goes on. */
function heredocBodies(s: string, from: number, docs: Array<{ word: string; quoted: boolean; tabs: boolean }>, q: Uint8Array): number {
  let i = from;
  for (const d of docs) {
    while (i < s.length) {
      const eol = s.indexOf('\n', i);
      const end = eol < 0 ? s.length : eol;
      const line = s.slice(i, end);
      if ((d.tabs ? line.replace(/^\t+/, '') : line) === d.word) {
        i = end + 1;
        break;
      }
      // An unquoted heredoc expands `$` as double quotes do (its `"` are plain characters).
      q.fill(d.quoted ? Quoting.Literal : Quoting.Double, i, end);
      if (!d.quoted) for (let k = i; k + 1 < end; k++) if (s[k] === '\\') q[++k] = Quoting.Literal;
      i = end + 1;
    }
  }
  return i;
}
