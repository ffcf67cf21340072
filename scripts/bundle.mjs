// Bundles the CLI and the language server into one ESM file each (server/out/bin/), so a start
// loads one module instead of resolving dozens; the grammar wasm, schemas and precompiled
// validators stay beside them in server/out/ and are found relative to them.
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const server = join(dirname(fileURLToPath(import.meta.url)), '..', 'server');

for (const [entry, name] of [
  ['cli/main.ts', 'jenkinsfile-lint.js'],
  ['lsp/main.ts', 'jenkinsfile-language-server.js'],
]) {
  const outfile = join(server, 'out', 'bin', name);
  await build({
    entryPoints: [join(server, 'src', entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Bundled CommonJS dependencies call require(); give them one.
    banner: { js: "import { createRequire as __jklCreateRequire } from 'node:module';\nconst require = __jklCreateRequire(import.meta.url);" },
    legalComments: 'none',
    logLevel: 'warning',
  });
  chmodSync(outfile, 0o755);
}
