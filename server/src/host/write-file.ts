// Writes a fixed file atomically and safely: a temporary file with an unpredictable name, created
// exclusively (never through a link planted at its name) in the target's own folder, given the
// target's mode, then renamed over the target. A link is fixed where it points; a read-only file,
// a file that is not valid UTF-8 or one that changed since it was linted is refused, untouched.

import { isUtf8 } from 'node:buffer';
import { accessSync, closeSync, constants, fchmodSync, fchownSync, fstatSync, openSync, realpathSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { readRegularFile } from './read-file.js';

/** Why a fixed file was not written; the message completes "<file> …". */
export class FixNotWritten extends Error {}

/** Largest file --fix rewrites (the linter reads no larger Jenkinsfile). */
const MAX_FIX_BYTES = 64 * 1024 * 1024;

/**
 * Writes `fixed` over `path`. `linted` is the text the fixes were computed on (BOM stripped): the
 * file must still hold exactly that, as valid UTF-8, or nothing is written.
 */
export function writeFixed(path: string, linted: string, fixed: string): void {
  let target: string;
  try {
    target = realpathSync(path);
  } catch (e) {
    throw new FixNotWritten(`was not fixed: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const current = readRegularFile(target, MAX_FIX_BYTES);
  if (!current.ok) throw new FixNotWritten(`was not fixed: it ${current.message}`);
  // Decoding replaced bytes that are not UTF-8; writing the text back would change every one of them.
  if (!isUtf8(current.bytes)) throw new FixNotWritten('was not fixed: it is not valid UTF-8, and a rewrite would change bytes that no fix touches');
  if (current.text !== linted) throw new FixNotWritten('was not fixed: it changed while it was being linted');
  const bom = current.bytes[0] === 0xef && current.bytes[1] === 0xbb && current.bytes[2] === 0xbf ? '\uFEFF' : '';

  let fd = -1;
  try {
    fd = openSync(target, constants.O_RDONLY);
    const st = fstatSync(fd);
    closeSync(fd);
    fd = -1;
    // Not writable by us, or by anyone (root may write anything, but the owner made it read-only).
    if ((st.mode & 0o222) === 0 || !writable(target)) throw new FixNotWritten('was not fixed: it is read-only');
    const tmp = join(dirname(target), `.${basename(target)}.${randomHex()}.jenkinsfile-lint.tmp`);
    // O_EXCL fails on any existing name, a symbolic link included; O_NOFOLLOW says so twice.
    fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
    try {
      const data = Buffer.from(bom + fixed, 'utf8');
      for (let off = 0; off < data.length; ) off += writeSync(fd, data, off, data.length - off);
      fchmodSync(fd, st.mode & 0o7777);
      try {
        fchownSync(fd, st.uid, st.gid);
      } catch {
        // Only root may give a file away; otherwise it stays the writer's, as with any editor's save.
      }
      closeSync(fd);
      fd = -1;
      renameSync(tmp, target);
    } catch (e) {
      if (fd >= 0) closeSync(fd);
      fd = -1;
      unlinkSync(tmp);
      throw e;
    }
  } catch (e) {
    if (fd >= 0) closeSync(fd);
    if (e instanceof FixNotWritten) throw e;
    throw new FixNotWritten(`was not fixed: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Loaded on the first write: node:crypto costs every start a few milliseconds, and only --fix needs it. */
function randomHex(): string {
  const { randomBytes } = createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return randomBytes(8).toString('hex');
}
