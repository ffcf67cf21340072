// Finds and reads the config that applies to a Jenkinsfile, and the Jenkins files it names
// (CasC jenkins.yaml, plugins.txt), caching each config once per run.

import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigError, defaultConfig, parseConfig, type Config } from '../core/config.js';
import { JenkinsFileError, readCasc, readPluginsTxt } from '../core/jenkins.js';
import { RULE_CODES } from '../rules/index.js';
import { FsHost, findConfigFile } from './fs-host.js';

export class ConfigLoader {
  private readonly cache = new Map<string, Config>();

  /**
   * `explicit`: a --config path that applies to every file; `root`: the workspace folder, if known;
   * `untrusted`: read no CasC or plugins file the config names (an editor's restricted mode).
   */
  constructor(
    private readonly explicit?: string,
    private readonly root?: string,
    private readonly untrusted = false,
  ) {}

  /** The config for a Jenkinsfile; throws ConfigError for a broken config or a broken file it names. */
  forFile(jenkinsfile: string): { config: Config; file?: string } {
    const file = this.explicit ?? findConfigFile(jenkinsfile);
    if (!file) return { config: defaultConfig() };
    let config = this.cache.get(file);
    if (!config) {
      config = this.load(file);
      this.cache.set(file, config);
    }
    return { config, file };
  }

  private load(file: string): Config {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new ConfigError(file, `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    const { jenkinsFiles, ...config } = parseConfig(text, file, RULE_CODES);
    // Files the config names are read like a yamlFile: relative to it, inside the workspace, size-capped.
    const host = new FsHost(this.root ? { root: this.root } : {});
    const read = (key: string, path: string, parse: (text: string) => void) => {
      if (this.untrusted) return;
      const r = host.readWorkspaceFile(path, dirname(file), key);
      if (!r.ok) throw new ConfigError(file, `jenkins.${key}: ${r.message}`);
      try {
        parse(r.text);
      } catch (e) {
        if (e instanceof JenkinsFileError) throw new ConfigError(r.path, e.message);
        throw e;
      }
    };
    if (jenkinsFiles.casc) {
      read('casc', jenkinsFiles.casc, (t) => {
        const casc = readCasc(t);
        config.jenkins.clouds = [...(config.jenkins.clouds ?? []), ...casc.clouds.filter((c) => !config.jenkins.clouds?.includes(c))];
        config.jenkins.templates = [...(config.jenkins.templates ?? []), ...casc.templates];
      });
    }
    if (jenkinsFiles.pluginsFile) {
      read('pluginsFile', jenkinsFiles.pluginsFile, (t) => {
        config.jenkins.plugins = [...(config.jenkins.plugins ?? []), ...readPluginsTxt(t)];
      });
    }
    return config;
  }
}
