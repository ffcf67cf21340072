// Standard output without process.stdout where the answer is plain: creating that stream loads
// Node's stream modules, ~8 ms of a ~200 ms cold start (bench/cold-start.mjs, --cpu-prof), for a
// report that is one write.

import { fstatSync, statSync, writeSync } from 'node:fs';

/** Whether standard output is a terminal. A pipe, a file or /dev/null is told by fstat alone. */
export function stdoutIsTerminal(): boolean {
  try {
    const out = fstatSync(1);
    if (!out.isCharacterDevice() || out.rdev === statSync('/dev/null').rdev) return false;
  } catch {
    // No fstat answer (no fd 1, or no /dev/null): ask the stream.
  }
  return !!process.stdout.isTTY;
}

// On Windows a console shows raw UTF-8 in its code page (nodejs/node#24550): the stream writes UTF-16 there.
let stream: NodeJS.WriteStream | undefined = process.platform === 'win32' ? streamWithoutEpipe() : undefined;

function streamWithoutEpipe(): NodeJS.WriteStream {
  // A reader that closed the pipe early (`… | head`) wants no more output, not a stack trace.
  return process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
  });
}

/** Writes all of `text` to standard output, in order with what was written before. */
export function writeStdout(text: string): void {
  if (stream) {
    stream.write(text);
    return;
  }
  let rest = Buffer.from(text, 'utf8');
  try {
    while (rest.length) rest = rest.subarray(writeSync(1, rest));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EPIPE') return;
    if (code !== 'EAGAIN') throw e;
    // A non-blocking pipe (set so by another process sharing it) that is full: the stream waits for it.
    stream = streamWithoutEpipe();
    stream.write(rest);
  }
}
