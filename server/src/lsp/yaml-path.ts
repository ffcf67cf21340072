// The YAML path at a cursor, read from indentation alone, so that it works while the YAML is being
// typed and does not parse: the keys and list items above the cursor that enclose it.

export interface YamlCursor {
  /** Enclosing path, list items as '0' (e.g. ['spec', 'containers', '0']). */
  path: string[];
  /** When the cursor is in a value: its key (`imagePullPolicy: |`). */
  valueKey?: string;
  /** What has been typed of the key or value so far. */
  prefix: string;
}

const LINE = /^(\s*)(-\s+)?(?:(["']?)([\w./-]+)\3\s*:(?:\s+(.*))?)?/;

/** `lines`: the YAML's lines from its first one up to and including the cursor's; `column` on the last. */
export function yamlCursor(lines: string[], column: number): YamlCursor | undefined {
  const cur = lines[lines.length - 1]!.slice(0, column);
  let indent: number;
  let valueKey: string | undefined;
  let prefix: string;
  const value = /^(\s*(?:-\s+)?)([\w./-]+):\s+(\S*)$/.exec(cur);
  const key = /^(\s*(?:-\s+)?)([\w-]*)$/.exec(cur);
  if (value) {
    indent = value[1]!.length;
    valueKey = value[2]!;
    prefix = value[3]!;
  } else if (key) {
    indent = key[1]!.length;
    prefix = key[2]!;
  } else {
    return undefined;
  }
  const rev: string[] = [];
  // When the cursor is on a `- ` line it is inside that new list item.
  const dashHere = /^(\s*)-\s+/.exec(cur);
  let limit = dashHere ? dashHere[1]!.length : indent;
  let orEqual = false;
  if (dashHere) {
    rev.push('0');
    orEqual = true;
  }
  for (let i = lines.length - 2; i >= 0 && (limit > 0 || orEqual); i--) {
    const line = lines[i]!;
    if (!line.trim() || line.trim().startsWith('#')) continue;
    const m = LINE.exec(line)!;
    const col = m[1]!.length;
    const keyCol = col + (m[2]?.length ?? 0);
    const k = m[4];
    const nested = k !== undefined && (m[5] === undefined || /^[|>]/.test(m[5]) || m[5].startsWith('#'));
    if (k !== undefined && nested && (keyCol < limit || (orEqual && keyCol <= limit))) {
      rev.push(k);
      limit = keyCol;
      orEqual = false;
      if (m[2]) {
        rev.push('0');
        limit = col;
        orEqual = true;
      }
    } else if (m[2] && col < limit) {
      rev.push('0');
      limit = col;
      orEqual = true;
    }
  }
  return { path: rev.reverse(), ...(valueKey ? { valueKey } : {}), prefix };
}
