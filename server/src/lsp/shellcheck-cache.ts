// ShellCheck for the language server: never awaited by a lint. A lint whose scripts ShellCheck has
// already read gets its comments at once; otherwise the run starts in the background once the
// document has been quiet for a moment (one at a time per document, the latest scripts next) and
// the document is linted again when it ends. An edit stops a run under way.

import type { Host, ShellcheckRun } from '../core/host.js';

type Run = NonNullable<Host['shellcheck']>;
/** Runs ShellCheck; aborting `signal` stops the run (its promise then settles soon, its answer unused). */
type Runner = (scripts: readonly string[], exclude: readonly string[], signal: AbortSignal) => Promise<ShellcheckRun>;

/**
 * How long a document must be left alone (no edit, its scripts unchanged) before ShellCheck reads
 * them, as bash-language-server waits (DEBOUNCE_MS = 500). Started after every keystroke, its process (and the lint again
 * when it ended) competed with the next keystroke's lint for the CPU: p95 27–30 ms against 13 without,
 * measured side by side on a loaded machine.
 */
export const SHELLCHECK_QUIET_MS = 500;

export class ShellcheckCache {
  private readonly docs = new Map<
    string,
    {
      /** The scripts of the run that is running or last ran, and what it found. */
      key: string;
      done?: ShellcheckRun;
      running: boolean;
      /** Stops the run under way. */
      stop?: AbortController;
      next?: () => void;
      /** The scripts the latest lint asked about. */
      wanted?: string;
      waiting?: NodeJS.Timeout;
    }
  >();

  constructor(
    private readonly run: Runner,
    /** Lint the document again: its scripts' comments are ready. */
    private readonly ready: (uri: string) => void,
    private readonly quietMs = SHELLCHECK_QUIET_MS,
  ) {}

  /** The host's `shellcheck` for one document. */
  for(uri: string): Run {
    return (scripts, exclude) => {
      const key = JSON.stringify([scripts, exclude]);
      const doc = this.docs.get(uri) ?? { key: '', running: false };
      this.docs.set(uri, doc);
      doc.wanted = key;
      if (doc.key === key && doc.done) return Promise.resolve(doc.done);
      const pending: ShellcheckRun = { ok: false, reason: 'pending', message: 'ShellCheck has not read these scripts yet' };
      if (doc.key === key && doc.running) return Promise.resolve(pending);
      const start = () => {
        doc.key = key;
        delete doc.done;
        doc.running = true;
        const stop = (doc.stop = new AbortController());
        const failed = (e: unknown): ShellcheckRun => ({ ok: false, reason: 'failed', message: `shellcheck could not run: ${(e as Error)?.message ?? e}` });
        void this.run(scripts, exclude, stop.signal).catch(failed).then((done) => {
          doc.running = false;
          delete doc.stop;
          if (this.docs.get(uri) !== doc) return; // closed meanwhile
          if (stop.signal.aborted) {
            // Stopped by an edit. The lint of that edit asks for its own scripts; one that asked for
            // these while the run was ending was told to wait: the quiet period starts now.
            if (doc.wanted === key) this.wait(doc, start);
            return;
          }
          if (doc.key === key) doc.done = done;
          const next = doc.next;
          delete doc.next;
          if (next) next();
          // Scripts changed since it started: a lint now could not use its findings, so none is made
          // (it would compete with the user's next keystroke); the run of the new scripts will ask.
          else if (doc.wanted === key) this.ready(uri);
        });
      };
      // Each change of the scripts (and each edit, see interrupt) starts the wait again.
      this.wait(doc, start);
      return Promise.resolve(pending);
    };
  }

  /**
   * The document was edited: a run under way is stopped, and a wait or a queued run is dropped; the
   * lint of the edit asks for the scripts it finds (none, when the edit removed them), and they are
   * read once the document has been left alone for the quiet period. A run's process took the CPU
   * from the lint of the keystroke (a 1,014-line file's p50 went from 2.7 to 6.4 ms, and to 15 ms for
   * the first keystroke after a pause, measured side by side on 2 cores).
   */
  interrupt(uri: string): void {
    const doc = this.docs.get(uri);
    if (!doc) return;
    doc.stop?.abort();
    clearTimeout(doc.waiting);
    delete doc.waiting;
    delete doc.next;
    delete doc.wanted;
  }

  /** Starts the quiet period again, and `start` at its end (after the run under way, if any). */
  private wait(doc: { waiting?: NodeJS.Timeout; running: boolean; next?: () => void }, start: () => void): void {
    clearTimeout(doc.waiting);
    doc.waiting = setTimeout(() => {
      delete doc.waiting;
      if (doc.running) doc.next = start;
      else start();
    }, this.quietMs).unref();
  }

  close(uri: string): void {
    clearTimeout(this.docs.get(uri)?.waiting);
    this.docs.get(uri)?.stop?.abort();
    this.docs.delete(uri);
  }
}
