// What the core asks of its environment. The CLI and the language server inject a file-system host
// (host/fs-host.ts); tests may inject their own. The core itself never touches the file system.

export type ReadResult =
  | {
      ok: true;
      path: string;
      text: string;
      /**
       * Set when the file was found only relative to the Jenkinsfile's folder although the repository
       * root is known: its path from that root, the one Jenkins' readTrusted needs ('/'-separated).
       */
      fromRoot?: string;
    }
  | { ok: false; reason: 'missing' | 'outside-workspace' | 'too-large' | 'not-a-file' | 'unreadable' | 'untrusted'; message: string };

export interface Host {
  /**
   * Reads a file a Jenkinsfile names (`yamlFile 'p'`), resolved as Jenkins' readTrusted does:
   * relative to the repository root. The Jenkinsfile's folder is tried too: where no repository root
   * is known, as a fallback; where one is, to say where the file is (`fromRoot`). `rootOnly` (shared
   * library code, which runs in the caller's checkout) tries the root alone. Never outside the workspace.
   */
  readReferencedFile(relativePath: string, jenkinsfile: string, rootOnly?: boolean): ReadResult;
  /** The file's path from the root of its workspace ('/'-separated), when the host knows that root. */
  workspacePath?(file: string): string | undefined;
  /**
   * The global variables of a shared library kept in the Jenkinsfile's repository (`vars/*.groovy`
   * at its root): steps the catalog cannot know.
   */
  libraryGlobals?(jenkinsfile: string): readonly string[];
  /**
   * Runs ShellCheck over the scripts (each one a file's text), all in one run: its comments for each
   * script, in order. Absent on a host that cannot run programs; the core only asks.
   */
  shellcheck?(scripts: readonly string[], exclude: readonly string[]): Promise<ShellcheckRun>;
}

/** ShellCheck's `--format=json1` comment; line and column 1-based, a tab one column. */
export interface ShellcheckComment {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  level: 'error' | 'warning' | 'info' | 'style';
  code: number;
  message: string;
}

/**
 * `pending`: the language server's host runs it in the background and lints again when it is done.
 * `cancelled`: stopped before it ended (the language server's user edited the document meanwhile).
 */
export type ShellcheckRun = { ok: true; comments: ShellcheckComment[][] } | { ok: false; reason: 'missing' | 'timeout' | 'failed' | 'pending' | 'cancelled'; message: string };
