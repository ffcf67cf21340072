// The extension's settings (contributes.configuration) mirror the server's config schema: the same
// keys under `jenkinsfileLint.`, the same JSON schemas. `node scripts/vscode-settings.mjs` writes
// them into client/package.json; a test fails when the two drift apart.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export function settingsFromSchema() {
  const schema = JSON.parse(readFileSync(join(root, 'schemas', 'jenkinsfile-lint.schema.json'), 'utf8'));
  const properties = {};
  for (const [key, value] of Object.entries(schema.properties)) {
    properties[`jenkinsfileLint.${key}`] = { ...value, scope: 'resource' };
  }
  return properties;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = join(root, 'client', 'package.json');
  const pkg = JSON.parse(readFileSync(file, 'utf8'));
  pkg.contributes.configuration.properties = settingsFromSchema();
  writeFileSync(file, JSON.stringify(pkg, null, 2) + '\n');
}
