// Bundles the CLI and the language server (server/out/bin/): one module per entry plus shared
// chunks, minified, so a start parses and loads little; what only some runs need (file search with
// globby) sits in a chunk of its own, loaded on demand. The grammar wasm, schemas and precompiled
// validators stay beside them in server/out/ and are found relative to them.
import { build } from 'esbuild';
import { chmodSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const server = join(dirname(fileURLToPath(import.meta.url)), '..', 'server');
const outdir = join(server, 'out', 'bin');
rmSync(outdir, { recursive: true, force: true });

await build({
  entryPoints: {
    'jenkinsfile-lint': join(server, 'src', 'cli', 'main.ts'),
    'jenkinsfile-language-server': join(server, 'src', 'lsp', 'main.ts'),
  },
  outdir,
  bundle: true,
  splitting: true,
  minify: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Bundled CommonJS dependencies call require(); give them one.
  banner: { js: "import { createRequire as __jklCreateRequire } from 'node:module';\nconst require = __jklCreateRequire(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'warning',
});
for (const name of ['jenkinsfile-lint.js', 'jenkinsfile-language-server.js']) chmodSync(join(outdir, name), 0o755);
