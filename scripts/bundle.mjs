// Bundles the CLI into one ESM file (server/out/bin/jenkinsfile-lint.js) so a cold start loads one
// module instead of resolving dozens; the grammar wasm, schemas and precompiled validators stay
// beside it in server/out/ and are found relative to it.
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const server = join(dirname(fileURLToPath(import.meta.url)), '..', 'server');
const outfile = join(server, 'out', 'bin', 'jenkinsfile-lint.js');

await build({
  entryPoints: [join(server, 'src', 'cli', 'main.ts')],
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
