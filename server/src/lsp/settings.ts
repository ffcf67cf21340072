// Configuration for a document: the nearest .jenkinsfile-lint.yaml merged with the client's
// `jenkinsfileLint` settings (same keys as the file; the client's win).

import type { Connection } from 'vscode-languageserver';
import { defaultConfig, type Config } from '../core/config.js';
import { configValidator } from '../schema/validators.js';
import { RULE_CODES } from '../rules/index.js';
import { ConfigLoader } from '../host/load-config.js';

export const SETTINGS_SECTION = 'jenkinsfileLint';

export class Settings {
  private loader: ConfigLoader;
  private client = new Map<string, Config | undefined>();

  constructor(
    private readonly connection: Connection,
    private readonly canAsk: () => boolean,
    private readonly root?: string,
    private readonly untrusted = false,
  ) {
    this.loader = new ConfigLoader(undefined, root, untrusted);
  }

  /** Forget everything read (settings or config files changed). */
  reset(): void {
    this.loader = new ConfigLoader(undefined, this.root, this.untrusted);
    this.client.clear();
  }

  async forDocument(uri: string, path: string | undefined): Promise<Config> {
    let file = defaultConfig();
    if (path) {
      try {
        file = this.loader.forFile(path).config;
      } catch (e) {
        this.connection.window.showErrorMessage(`jenkinsfile-lint: ${(e as Error).message}`);
      }
    }
    const client = await this.clientSettings(uri);
    return client ? { ...file, rules: { ...file.rules, ...client.rules }, jenkins: { ...file.jenkins, ...client.jenkins } } : file;
  }

  private async clientSettings(uri: string): Promise<Config | undefined> {
    if (!this.canAsk()) return undefined;
    if (this.client.has(uri)) return this.client.get(uri);
    let value: unknown;
    try {
      value = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION });
    } catch {
      value = undefined;
    }
    const parsed = toConfig(value, (m) => this.connection.console.warn(`jenkinsfile-lint: ignoring the ${SETTINGS_SECTION} settings: ${m}`));
    this.client.set(uri, parsed);
    return parsed;
  }
}

function toConfig(value: unknown, warn: (message: string) => void): Config | undefined {
  if (value === null || value === undefined || typeof value !== 'object') return undefined;
  // Clients send every declared setting, empty ones included; drop those before validating.
  const v = Object.fromEntries(Object.entries(value).filter(([, x]) => x !== null && x !== undefined)) as Record<string, unknown>;
  if (!configValidator(v)) {
    warn(`${configValidator.errors?.[0]?.instancePath || '/'} ${configValidator.errors?.[0]?.message ?? 'is not valid'}`);
    return undefined;
  }
  const rules = (v.rules ?? {}) as Config['rules'];
  const unknown = Object.keys(rules).filter((c) => !RULE_CODES.has(c));
  if (unknown.length) warn(`unknown rule codes ${unknown.join(', ')}`);
  return { rules, jenkins: (v.jenkins ?? {}) as Config['jenkins'] };
}
