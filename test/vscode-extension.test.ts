// The VS Code extension's manifest: settings mirror the config schema; the language claims every
// Jenkinsfile name the CLI and the pre-commit hook know.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { REPO } from './helpers.js';
// @ts-expect-error -- a build script, plain JavaScript
import { settingsFromSchema } from '../scripts/vscode-settings.mjs';

const pkg = JSON.parse(readFileSync(join(REPO, 'client', 'package.json'), 'utf8'));

describe('VS Code extension manifest', () => {
  it('has settings equal to the config schema (node scripts/vscode-settings.mjs to update)', () => {
    assert.deepEqual(pkg.contributes.configuration.properties, settingsFromSchema());
  });

  it('claims Jenkinsfile, Jenkinsfile.*, *.jenkinsfile and *.Jenkinsfile for the jenkinsfile language', () => {
    const lang = pkg.contributes.languages.find((l: { id: string }) => l.id === 'jenkinsfile');
    assert.deepEqual(lang.filenames, ['Jenkinsfile']);
    assert.deepEqual(lang.filenamePatterns, ['Jenkinsfile.*', '*.jenkinsfile', '*.Jenkinsfile']);
    assert.deepEqual(Object.keys(pkg.contributes.configurationDefaults['files.associations']), ['Jenkinsfile', 'Jenkinsfile.*', '*.jenkinsfile', '*.Jenkinsfile']);
  });
});
