// Builds the VS Code extension in client/: the client bundle (dist/extension.js), the language
// server with its assets exactly as the npm package lays them out (server/), and the grammar.
// Run after the server build (npm run build does both).
import { build } from 'esbuild';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const client = join(root, 'client');

await build({
  entryPoints: [join(client, 'src', 'extension.ts')],
  outfile: join(client, 'dist', 'extension.js'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
});

// The server: the language server's bundle and the assets of server/out, relative paths intact. What
// is laid out here is what .vscodeignore lets into the .vsix (test/vscode-extension.test.ts checks).
const serverDir = join(client, 'server');
rmSync(serverDir, { recursive: true, force: true });
mkdirSync(join(serverDir, 'bin'), { recursive: true });
cpSync(join(root, 'server', 'out', 'bin', 'jenkinsfile-language-server.cjs'), join(serverDir, 'bin', 'jenkinsfile-language-server.cjs'));
for (const d of ['grammar', 'schemas', 'data', 'docs']) cpSync(join(root, 'server', 'out', d), join(serverDir, d), { recursive: true });

mkdirSync(join(client, 'grammars'), { recursive: true });
cpSync(join(root, 'grammars', 'jenkinsfile.tmLanguage.json'), join(client, 'grammars', 'jenkinsfile.tmLanguage.json'));
// One LICENSE and one CHANGELOG for the repository, the npm package and the extension.
for (const f of ['LICENSE', 'CHANGELOG.md']) cpSync(join(root, f), join(client, f));
