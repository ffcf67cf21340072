// Asking the host to run ShellCheck over a file's scripts (one run per file), when the config and the
// host allow it. The core never starts a process itself.

import type { Config } from '../core/config.js';
import type { Finding } from '../core/diagnostic.js';
import type { Host } from '../core/host.js';
import type { Extraction } from '../extract/model.js';
import type { ResolvedPod } from '../resolve/resolve.js';
import { SHELLCHECK_EXCLUDED, shellcheckFindings } from './findings.js';
import { shellScripts } from './scripts.js';

export interface ShellcheckOutcome {
  findings: Finding[];
  /** How many scripts it was given. */
  scripts: number;
  /** Why it did not run, when it should have (`shellcheck: on` and missing, a timeout, a failure). */
  error?: string;
}

/** Undefined when ShellCheck is not to run (`off`, a host that cannot run it, `auto` and not installed) or has not yet. */
export async function runShellcheck(ex: Extraction, pods: readonly ResolvedPod[], file: string, host: Host, config: Config): Promise<ShellcheckOutcome | undefined> {
  const mode = config.shellcheck ?? 'auto';
  if (mode === 'off' || !host.shellcheck) return undefined;
  const scripts = shellScripts(ex, pods);
  if (!scripts.length) return { findings: [], scripts: 0 };
  const run = await host.shellcheck(
    scripts.map((s) => s.input),
    SHELLCHECK_EXCLUDED,
  );
  const notYet = (reason: string) => reason === 'pending' || reason === 'cancelled' || (reason === 'missing' && mode === 'auto');
  if (!run.ok) return notYet(run.reason) ? undefined : { findings: [], scripts: scripts.length, error: run.message };
  return { findings: shellcheckFindings(scripts, run.comments, file), scripts: scripts.length };
}
