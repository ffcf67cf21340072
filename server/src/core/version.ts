// The package version, for --version, SARIF and the language server. The path is the same from the
// compiled module (out/core/) and from the bundles (out/bin/): both sit two levels below package.json.
import { readFileSync } from 'node:fs';

export function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}
