// Turns the command line's files, directories and globs into the Jenkinsfiles to lint, honouring
// .gitignore and the config's `ignore:` list for what it finds (a file named explicitly is linted).

import { statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';

/** Jenkinsfile names, as the VS Code extension and the pre-commit hook know them too. */
export const JENKINSFILE_GLOBS = ['**/Jenkinsfile', '**/Jenkinsfile.*', '**/*.jenkinsfile', '**/*.Jenkinsfile'];
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

export interface Discovery {
  files: string[];
  /** Patterns that matched nothing. */
  unmatched: string[];
}

/** `ignoreOf(dir)`: the config's ignore globs that apply under a folder, relative to that folder. */
/** A glob rather than a path: any of the characters fast-glob treats specially. */
function isGlob(p: string): boolean {
  return /[*?[\]{}()!]/.test(p);
}

export async function discover(patterns: string[], ignoreOf: (dir: string) => string[]): Promise<Discovery> {
  const files: string[] = [];
  const unmatched: string[] = [];
  for (const p of patterns) {
    let found: string[];
    if (p === '-') found = ['-'];
    else if (!isGlob(p) && isFile(p)) found = [p];
    else if (!isGlob(p) && isDir(p)) found = await search(JENKINSFILE_GLOBS, p, ignoreOf(p));
    else found = await search([p], '.', ignoreOf('.'));
    if (!found.length) unmatched.push(p);
    for (const f of found) if (!files.includes(f)) files.push(f);
  }
  return { files, unmatched };
}

async function search(globs: string[], cwd: string, ignore: string[]): Promise<string[]> {
  // Loaded only when a directory or glob is searched: a run on named files never pays for it.
  const { globby } = await import('globby');
  const found = await globby(globs, { cwd, gitignore: true, ignore: [...ALWAYS_IGNORED, ...ignore], dot: true, onlyFiles: true });
  // Paths as a user would type them: relative to the current directory.
  return found.sort().map((f) => relative(process.cwd(), resolve(cwd, f)) || f);
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Re-roots ignore globs written relative to a config file's folder onto a search folder. */
export function rebaseIgnores(configFile: string | undefined, globs: string[] | undefined, searchDir: string): string[] {
  if (!configFile || !globs?.length) return [];
  const configDir = dirname(resolve(configFile));
  return globs.flatMap((g) => {
    if (g.startsWith('**/')) return [g]; // matches at any depth, wherever the search starts
    const p = relative(resolve(searchDir), resolve(configDir, g));
    return p.startsWith('..') ? [] : [p.split(sep).join('/')];
  });
}
