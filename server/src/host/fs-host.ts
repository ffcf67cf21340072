// The file-system host the CLI and the language server inject into the core: reads files a
// Jenkinsfile names, strictly inside the workspace and under a size cap.

import { existsSync, lstatSync, readdirSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Host, ReadResult } from '../core/host.js';
import { readRegularFile } from './read-file.js';
import { runShellcheck } from './shellcheck-process.js';

/** Largest file the linter reads for a `yamlFile` (a pod spec is a few KB). */
export const MAX_REFERENCED_FILE_BYTES = 1024 * 1024;

/** The nearest enclosing git root of a file, else its folder: where Jenkins' SCM checkout starts. */
export function workspaceRootOf(file: string): string {
  const start = dirname(resolve(file));
  return repositoryRootOf(start) ?? start;
}

/** The nearest folder at or above `dir` that holds a `.git` (a folder, or a worktree's file), if any; not above `within`. */
export function repositoryRootOf(dir: string, within?: string): string | undefined {
  const start = resolve(dir);
  if (within !== undefined && !inside(resolve(within), start)) return undefined;
  for (let d = start; ; d = dirname(d)) {
    if (existsSync(join(d, '.git'))) return d;
    if (dirname(d) === d || (within !== undefined && d === resolve(within))) return undefined;
  }
}

function inside(root: string, p: string): boolean {
  const rel = relative(root, p);
  return rel === '' || (!rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel));
}

export interface FsHostOptions {
  /** The workspace root (an editor's workspace folder); by default the Jenkinsfile's git root. */
  root?: string;
  maxBytes?: number;
  /** An untrusted workspace (an editor's restricted mode): read nothing a file names. */
  untrusted?: boolean;
  /** Run ShellCheck when the config asks (the CLI does; tests choose), or run it this way (the language server's cache). */
  shellcheck?: boolean | NonNullable<Host['shellcheck']>;
}

export class FsHost implements Host {
  private readonly globals = new Map<string, string[]>();
  private readonly roots = new Map<string, string>();
  /** The same answer by the file's name as given: resolving the path was most of a lookup. */
  private readonly fileRoots = new Map<string, string>();
  private readonly repositories = new Map<string, string | undefined>();
  private readonly workspacePaths = new Map<string, string | undefined>();

  readonly shellcheck?: Host['shellcheck'];

  constructor(private readonly options: FsHostOptions = {}) {
    // Not in an untrusted workspace, where nothing is run on its behalf.
    if (options.shellcheck && !options.untrusted) this.shellcheck = options.shellcheck === true ? runShellcheck : options.shellcheck;
  }

  libraryGlobals(jenkinsfile: string): readonly string[] {
    if (this.options.untrusted) return [];
    const root = this.rootFor(jenkinsfile);
    let names = this.globals.get(root);
    if (!names) {
      try {
        names = readdirSync(join(root, 'vars')).filter((f) => f.endsWith('.groovy')).map((f) => f.slice(0, -'.groovy'.length));
      } catch {
        names = []; // no vars/ folder: no library here
      }
      this.globals.set(root, names);
    }
    return names;
  }

  readReferencedFile(relativePath: string, jenkinsfile: string, rootOnly = false): ReadResult {
    const root = this.rootFor(jenkinsfile);
    const folder = dirname(resolve(jenkinsfile));
    // Only a .git inside the workspace counts: nothing above it is looked at.
    const repo = this.options.root ? this.repositoryRoot(folder, root) : this.repositoryRoot(folder);
    const fromRoot = resolve(repo ?? root, relativePath);
    if (rootOnly) return this.read(relativePath, [fromRoot], root, 'yamlFile', 'looked relative to the repository root');
    if (!repo) return this.read(relativePath, [fromRoot, resolve(folder, relativePath)], root, 'yamlFile', "looked relative to the repository root and to the Jenkinsfile's folder");
    // Jenkins reads from the repository root alone; the folder is tried only to say where the file is.
    const atRoot = this.read(relativePath, [fromRoot], root, 'yamlFile', 'looked relative to the repository root');
    if (atRoot.ok || atRoot.reason !== 'missing') return atRoot;
    const besidePath = resolve(folder, relativePath);
    if (!inside(repo, besidePath)) return atRoot;
    const beside = this.read(relativePath, [besidePath], root, 'yamlFile', "looked relative to the Jenkinsfile's folder");
    return beside.ok ? { ...beside, fromRoot: relative(repo, besidePath).split(sep).join('/') } : atRoot;
  }

  /** Asked once per lint: kept per file (the path arithmetic was a tenth of a small file's lint). */
  workspacePath(file: string): string | undefined {
    if (this.workspacePaths.has(file)) return this.workspacePaths.get(file);
    const root = this.rootFor(file);
    const path = resolve(file);
    const answer = inside(root, path) ? relative(root, path).split(sep).join('/') : undefined;
    this.workspacePaths.set(file, answer);
    return answer;
  }

  /** Reads a file named relative to `dir` (e.g. a CasC file named by the config), inside the workspace. */
  readWorkspaceFile(relativePath: string, dir: string, what: string): ReadResult {
    return this.read(relativePath, [resolve(dir, relativePath)], this.rootFor(join(dir, 'x')), what, `looked relative to ${dir}`);
  }

  /**
   * Asked several times for every file linted, each folder's answer is looked up once per host (a
   * `.git` created while the language server runs is seen after a restart).
   */
  private rootFor(file: string): string {
    if (this.options.root) return resolve(this.options.root);
    let root = this.fileRoots.get(file);
    if (root !== undefined) return root;
    const dir = dirname(resolve(file));
    root = this.roots.get(dir) ?? workspaceRootOf(file);
    this.roots.set(dir, root);
    this.fileRoots.set(file, root);
    return root;
  }

  private repositoryRoot(dir: string, within?: string): string | undefined {
    const key = `${dir}\0${within ?? ''}`;
    if (!this.repositories.has(key)) this.repositories.set(key, repositoryRootOf(dir, within));
    return this.repositories.get(key);
  }

  private read(shown: string, candidates: string[], root: string, what: string, where: string): ReadResult {
    if (this.options.untrusted) return { ok: false, reason: 'untrusted', message: `${what} '${shown}' is not read in an untrusted workspace` };
    const lexicalOk = candidates.filter((c) => inside(root, c));
    if (!lexicalOk.length) {
      return { ok: false, reason: 'outside-workspace', message: `${what} '${shown}' points outside the workspace; the linter does not read it` };
    }
    const path = lexicalOk.find((c) => existsSync(c));
    if (!path) {
      if (lexicalOk.some(isSymlink)) return { ok: false, reason: 'unreadable', message: `${what} '${shown}' is a symbolic link that leads nowhere (broken or looping)` };
      return { ok: false, reason: 'missing', message: `${what} '${shown}' does not exist (${where})` };
    }
    let real: string;
    try {
      real = realpathSync(path);
    } catch (e) {
      return { ok: false, reason: 'unreadable', message: `${what} '${shown}' cannot be read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
    }
    if (!inside(realpathSync(root), real)) {
      return { ok: false, reason: 'outside-workspace', message: `${what} '${shown}' is a link to a file outside the workspace; the linter does not read it` };
    }
    return readCapped(real, shown, what, this.options.maxBytes ?? MAX_REFERENCED_FILE_BYTES);
  }
}

function isSymlink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

function readCapped(path: string, shown: string, what: string, maxBytes: number): ReadResult {
  const r = readRegularFile(path, maxBytes);
  return r.ok ? { ok: true, path, text: r.text } : { ok: false, reason: r.reason, message: `${what} '${shown}' ${r.message}` };
}
