// Writes a fixed file atomically (a temporary file in the same folder, then rename), keeping its
// mode and its byte-order mark.

import { chmodSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** `linted` is the text the fixes were computed on (BOM already stripped); refuses if the file changed since. */
export function writeFixed(path: string, linted: string, fixed: string): void {
  const current = readFileSync(path, 'utf8');
  const bom = current.startsWith('\uFEFF') ? '\uFEFF' : '';
  if (current.slice(bom.length) !== linted) throw new Error(`${path} changed while it was being fixed; not written`);
  const tmp = join(dirname(path), `.${basename(path)}.jenkinsfile-lint-${process.pid}.tmp`);
  try {
    writeFileSync(tmp, bom + fixed, { mode: statSync(path).mode });
    chmodSync(tmp, statSync(path).mode);
    renameSync(tmp, path);
  } finally {
    rmSync(tmp, { force: true });
  }
}
