// The VS Code extension's manifest: settings mirror the config schema; the language claims every
// Jenkinsfile name the CLI and the pre-commit hook know.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { filesUnder, REPO } from './helpers.js';
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

  it('packages every file of the server the build lays out in client/server/ (.vscodeignore is a whitelist)', () => {
    // What vsce would put in the .vsix, as `vsce ls` lists it; the build (npm test runs it first) made client/server/.
    const ls = spawnSync(process.execPath, [join(REPO, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'], { cwd: join(REPO, 'client'), encoding: 'utf8' });
    assert.equal(ls.status, 0, ls.stderr);
    const packaged = new Set(ls.stdout.split('\n').filter(Boolean));
    const server = join(REPO, 'client', 'server');
    const laidOut = filesUnder(server, () => true).map((f) => 'server/' + f.slice(server.length + 1).split('\\').join('/'));
    assert.ok(laidOut.some((f) => f.startsWith('server/data/')), 'the build lays out the catalog');
    assert.deepEqual(laidOut.filter((f) => !packaged.has(f)), []);
  });
});
