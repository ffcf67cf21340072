// The one way this program reads a file (a Jenkinsfile, a yamlFile, a config, a CasC or plugins
// file): a regular file, opened without blocking (a FIFO or device never wedges the reader), up to
// a size cap.

import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

export type FileRead =
  | { ok: true; bytes: Buffer; text: string }
  | { ok: false; reason: 'not-a-file' | 'too-large' | 'unreadable'; message: string; size?: number };

/** Reads `path` (following links) if it is a regular file of at most `maxBytes`; the text without a BOM. */
export function readRegularFile(path: string, maxBytes: number): FileRead {
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const st = fstatSync(fd);
    if (!st.isFile()) return { ok: false, reason: 'not-a-file', message: 'is not a regular file' };
    if (st.size > maxBytes) return { ok: false, reason: 'too-large', size: st.size, message: `is too large (${st.size} bytes; the limit is ${maxBytes})` };
    const bytes = Buffer.alloc(st.size);
    let read = 0;
    while (read < st.size) {
      const n = readSync(fd, bytes, read, st.size - read, read);
      if (n === 0) break;
      read += n;
    }
    const got = bytes.subarray(0, read);
    // Buffer's decoding, not TextDecoder: the global TextDecoder loads Node's encoding module on first
    // use, 2 ms of every cold start (bench/cold-start.mjs, --cpu-prof); both replace bad bytes with U+FFFD.
    return { ok: true, bytes: got, text: got.toString('utf8').replace(/^\uFEFF/, '') };
  } catch (e) {
    return { ok: false, reason: 'unreadable', message: `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

