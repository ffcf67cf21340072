// Finds and reads the config that applies to a Jenkinsfile, caching each config file once per run.

import { readFileSync } from 'node:fs';
import { ConfigError, defaultConfig, parseConfig, type Config } from '../core/config.js';
import { RULE_CODES } from '../rules/index.js';
import { findConfigFile } from './fs-host.js';

export class ConfigLoader {
  private readonly cache = new Map<string, Config>();

  /** `explicit`: a --config path that applies to every file. */
  constructor(private readonly explicit?: string) {}

  /** The config for a Jenkinsfile; throws ConfigError for a broken or unreadable config file. */
  forFile(jenkinsfile: string): { config: Config; file?: string } {
    const file = this.explicit ?? findConfigFile(jenkinsfile);
    if (!file) return { config: defaultConfig() };
    let config = this.cache.get(file);
    if (!config) {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (e) {
        throw new ConfigError(file, `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      }
      config = parseConfig(text, file, RULE_CODES);
      this.cache.set(file, config);
    }
    return { config, file };
  }
}
