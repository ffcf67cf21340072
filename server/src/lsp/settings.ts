// Configuration for a document: the nearest .jenkinsfile-lint.yaml merged with the client's
// `jenkinsfileLint` settings (same keys as the file; the client's win). Settings come from where the
// client can give them: asked for per document (workspace/configuration), pushed with
// workspace/didChangeConfiguration, or given at start in initializationOptions. Both go through the
// one loader, so settings are validated and their CasC and plugins files read as a file's are.

import { dirname } from 'node:path';
import type { Connection } from 'vscode-languageserver';
import { defaultConfig, type Config } from '../core/config.js';
import { ConfigLoader } from '../host/load-config.js';
import { repositoryRootOf } from '../host/fs-host.js';

export const SETTINGS_SECTION = 'jenkinsfileLint';

export class Settings {
  /** One loader (and so one reading of each config file) per workspace folder, until the next change. */
  private loaders = new Map<string, ConfigLoader>();
  /** Client settings read into a Config, by their text and the folder their files are read from. */
  private fromClient = new Map<string, Config | Error>();
  /** The client's answer per document, when it can be asked. */
  private asked = new Map<string, unknown>();
  /** Problems already shown since the configuration last changed: one popup each, not one per keystroke. */
  private shown = new Set<string>();
  /** A config file's config with the client's settings over it, per pair (both are kept until reset). */
  private readonly merged = new WeakMap<Config, WeakMap<Config, Config>>();
  /** The config of a document with no path (no config file can apply). */
  private readonly fallback = defaultConfig();

  constructor(
    private readonly connection: Connection,
    private readonly canAsk: () => boolean,
    /** The workspace folder holding a path, if any: where a config search ends outside a repository. */
    private readonly folderOf: (path: string) => string | undefined,
    private readonly untrusted: boolean,
    /** Settings the client gave without being asked (initializationOptions, didChangeConfiguration). */
    private pushed: unknown,
  ) {}

  /** Forget everything read (settings or config files changed); `pushed` when the client sent new settings. */
  reset(pushed?: unknown): void {
    if (pushed !== undefined) this.pushed = pushed;
    this.loaders.clear();
    this.fromClient.clear();
    this.asked.clear();
    this.shown.clear();
  }

  private loader(folder: string | undefined): ConfigLoader {
    let l = this.loaders.get(folder ?? '');
    if (!l) this.loaders.set(folder ?? '', (l = new ConfigLoader({ untrusted: this.untrusted, ...(folder ? { stopAt: folder } : {}) })));
    return l;
  }

  async forDocument(uri: string, path: string | undefined): Promise<Config> {
    const folder = path ? this.folderOf(path) : undefined;
    let file = this.fallback;
    if (path) {
      try {
        file = this.loader(folder).forFile(path).config;
      } catch (e) {
        this.problem((e as Error).message);
      }
    }
    const raw = await this.clientSettings(uri);
    if (raw === undefined) return file;
    // The settings' CasC and plugins files are named relative to the document's repository.
    const base = path ? (repositoryRootOf(dirname(path)) ?? folder ?? dirname(path)) : process.cwd();
    const key = `${JSON.stringify(raw)}\0${base}`;
    let client = this.fromClient.get(key);
    if (!client) {
      try {
        client = this.loader(folder).fromData(raw, `the ${SETTINGS_SECTION} settings`, base);
      } catch (e) {
        client = e as Error;
      }
      this.fromClient.set(key, client);
    }
    if (client instanceof Error) {
      this.problem(client.message);
      return file;
    }
    // Merged once per pair, so that what the core keeps per config is kept from one lint to the next.
    let byClient = this.merged.get(file);
    if (!byClient) this.merged.set(file, (byClient = new WeakMap()));
    let config = byClient.get(client);
    if (!config) byClient.set(client, (config = { ...file, ...(client.shellcheck ? { shellcheck: client.shellcheck } : {}), rules: { ...file.rules, ...client.rules }, jenkins: { ...file.jenkins, ...client.jenkins } }));
    return config;
  }

  private problem(message: string): void {
    if (this.shown.has(message)) return;
    this.shown.add(message);
    void this.connection.window.showErrorMessage(`jenkinsfile-lint: ${message}`);
  }

  /** The client's settings for a document, without the empty values clients send for every declared key. */
  private async clientSettings(uri: string): Promise<unknown> {
    let value: unknown = this.pushed;
    if (this.canAsk()) {
      if (this.asked.has(uri)) value = this.asked.get(uri);
      else {
        try {
          value = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION });
        } catch {
          value = this.pushed;
        }
        this.asked.set(uri, value);
      }
    }
    if (value === null || value === undefined || typeof value !== 'object') return undefined;
    const kept = Object.fromEntries(Object.entries(value).filter(([, x]) => x !== null && x !== undefined));
    return Object.keys(kept).length ? kept : undefined;
  }
}

/** The `jenkinsfileLint` section of settings a client pushes (`{ jenkinsfileLint: {…} }`), if any. */
export function settingsSection(settings: unknown): unknown {
  return settings && typeof settings === 'object' ? (settings as Record<string, unknown>)[SETTINGS_SECTION] : undefined;
}
