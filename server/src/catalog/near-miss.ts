// Whether a name the catalog does not know is a slip of one it does (`timestamp` for `timestamps`,
// `chekout` for `checkout`): tighter than a did-you-mean, since it turns an uncertain finding into a
// certain one. A real name from a plugin the catalog lacks must not pass for a typo (`withAWS` is two
// edits from `withAnt`), so short names allow one edit and only names of 8 or more allow two.

import { distance } from 'fastest-levenshtein';

export function nearMiss(name: string, candidates: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  const allowed = Math.min(2, Math.max(1, Math.floor(name.length / 4)));
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    // The distance is at least the difference in length: most candidates are ruled out unread.
    if (Math.abs(c.length - name.length) > allowed) continue;
    if (c.toLowerCase() === lower) return c;
    const d = name.length < 4 ? Infinity : distance(name, c);
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return bestD <= allowed ? best : undefined;
}
