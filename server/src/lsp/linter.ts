// Lints open documents, debounced per document; a newer edit makes an older run's result stale,
// and it is dropped. Findings in a yamlFile are published on that file's URI as well.

import type { Connection, Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { Config } from '../core/config.js';
import { lint, type LintResult } from '../core/lint.js';
import { FsHost } from '../host/fs-host.js';
import { runShellcheck } from '../host/shellcheck-process.js';
import { ShellcheckCache } from './shellcheck-cache.js';
import type { Documents } from './documents.js';
import { pathToUri, toLsp, uriToPath } from './convert.js';
import type { Settings } from './settings.js';

export interface Linted {
  version: number;
  text: string;
  path: string;
  result: LintResult;
  /** The configuration it was linted with (the editor features take the catalog of its Jenkins). */
  config: Config;
}

export class Linter {
  /** A scheduled lint per document, as the function that cancels it. */
  private readonly pending = new Map<string, () => void>();
  private readonly results = new Map<string, Linted>();
  /** yamlFile URI → (Jenkinsfile URI → its diagnostics in that yamlFile). */
  private readonly yaml = new Map<string, Map<string, LspDiagnostic[]>>();
  /** ShellCheck's comments per document, run in the background: a lint never waits for them. */
  private readonly shellcheck = new ShellcheckCache(runShellcheck, (uri) => this.schedule(uri));
  private readonly shellcheckErrors = new Set<string>();
  /** Called after every publish (tests and the benchmark observe it). */
  onPublished: (uri: string) => void = () => {};

  constructor(
    private readonly connection: Connection,
    private readonly documents: Documents,
    private readonly settings: Settings,
    private readonly debounceMs: number,
    private readonly untrusted = false,
  ) {}

  latest(uri: string): Linted | undefined {
    return this.results.get(uri);
  }

  /** The document changed: ShellCheck stops reading it (its process would slow this lint down), and it is linted. */
  edited(uri: string): void {
    this.shellcheck.interrupt(uri);
    this.schedule(uri);
  }

  schedule(uri: string): void {
    this.pending.get(uri)?.();
    const go = () => {
      this.pending.delete(uri);
      this.run(uri).catch((e: unknown) => this.failed(uri, e));
    };
    // No debounce means now: setTimeout(…, 0) would still wait a millisecond.
    if (this.debounceMs > 0) {
      const t = setTimeout(go, this.debounceMs);
      this.pending.set(uri, () => clearTimeout(t));
    } else {
      const t = setImmediate(go);
      this.pending.set(uri, () => clearImmediate(t));
    }
  }

  /** A lint that threw: say so on the document, rather than leave the last findings standing as if current. */
  private failed(uri: string, e: unknown): void {
    this.connection.console.error(`jenkinsfile-lint: linting ${uri} failed: ${(e as Error)?.stack ?? e}`);
    this.results.delete(uri);
    const message = `jenkinsfile-lint could not check this file (internal error: ${(e as Error)?.message ?? e}); please report this`;
    void this.connection.sendDiagnostics({ uri, diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 1, source: 'jenkinsfile-lint', message }] });
  }

  relintAll(): void {
    for (const d of this.documents.all()) this.schedule(d.doc.uri);
  }

  async run(uri: string): Promise<void> {
    const open = this.documents.get(uri);
    if (!open) return;
    const path = uriToPath(uri) ?? uri;
    const config = await this.settings.forDocument(uri, uriToPath(uri));
    const current = this.documents.get(uri);
    if (current !== open) return;
    // From here to lint()'s extraction nothing waits for I/O, so no edit can move the text or tree under it.
    const version = open.doc.version;
    const text = open.doc.getText();
    // A yamlFile is read from the document's own repository, as the CLI reads it (not from a workspace folder).
    const host = new FsHost({ untrusted: this.untrusted, shellcheck: this.shellcheck.for(uri) });
    const result = await lint(text, { file: path, host, config, tree: () => this.documents.tree(open) });
    if (this.documents.get(uri)?.doc.version !== version) return; // a newer edit will publish
    const scError = result.shellcheck?.error;
    if (scError && !this.shellcheckErrors.has(scError)) {
      this.shellcheckErrors.add(scError);
      this.connection.console.error(`jenkinsfile-lint: ${scError}`);
    }
    this.results.set(uri, { version, text, path, result, config });
    this.publish(uri, version, path, result);
  }

  private publish(uri: string, version: number, path: string, result: LintResult): void {
    const own = result.diagnostics.filter((d) => d.file === path).map(toLsp);
    void this.connection.sendDiagnostics({ uri, version, diagnostics: own });
    const byYaml = new Map<string, LspDiagnostic[]>();
    for (const d of result.diagnostics) {
      if (d.file === path) continue;
      const y = pathToUri(d.file);
      byYaml.set(y, [...(byYaml.get(y) ?? []), toLsp(d)]);
    }
    for (const [y, contributions] of this.yaml) if (contributions.has(uri) && !byYaml.has(y)) this.setYaml(y, uri, undefined);
    for (const [y, diags] of byYaml) this.setYaml(y, uri, diags);
    this.onPublished(uri);
  }

  private setYaml(yamlUri: string, from: string, diags: LspDiagnostic[] | undefined): void {
    const contributions = this.yaml.get(yamlUri) ?? new Map<string, LspDiagnostic[]>();
    if (diags) contributions.set(from, diags);
    else contributions.delete(from);
    this.yaml.set(yamlUri, contributions);
    // A yamlFile read by several Jenkinsfiles gets each finding once.
    const seen = new Set<string>();
    const all = [...contributions.values()].flat().filter((d) => {
      const k = `${d.code}|${d.range.start.line}:${d.range.start.character}|${d.message}`;
      return !seen.has(k) && seen.add(k);
    });
    void this.connection.sendDiagnostics({ uri: yamlUri, diagnostics: all });
    if (!contributions.size) this.yaml.delete(yamlUri);
  }

  close(uri: string): void {
    this.shellcheck.close(uri);
    this.pending.get(uri)?.();
    this.pending.delete(uri);
    this.results.delete(uri);
    for (const [y, contributions] of [...this.yaml]) if (contributions.has(uri)) this.setYaml(y, uri, undefined);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}
