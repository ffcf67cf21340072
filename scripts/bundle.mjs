// Bundles the CLI and the language server: one CommonJS file each in server/out/bin/, minified.
// CommonJS, because only a classic script can be compiled with V8's code cache (Node 20 has no
// compile cache for ES modules); server/bin/run-bundle.cjs starts them with the cache this build
// writes after a warm-up run of the CLI. What only some runs need (globby's file search, the
// tree-sitter runtime) is bundled behind lazy imports and never evaluated on the common path. The
// grammar wasm, schemas and precompiled validators stay beside them in server/out/.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const server = join(root, 'server');
const outdir = join(server, 'out', 'bin');
rmSync(outdir, { recursive: true, force: true });
const { resolve } = createRequire(import.meta.url);
const packageDir = (name) => dirname(resolve(`${name}/package.json`));

await build({
  entryPoints: {
    'jenkinsfile-lint': join(server, 'src', 'cli', 'main.ts'),
    'jenkinsfile-language-server': join(server, 'src', 'lsp', 'main.ts'),
  },
  outdir,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  minify: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // The sources find their assets relative to import.meta.url; in CommonJS that is the bundle's path.
  define: { 'import.meta.url': '__jklModuleUrl' },
  banner: { js: "const __jklModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  alias: {
    // yaml's Node entry is CommonJS: bundled, all of it would be evaluated at start. Its ESM build (the
    // same code; "browser" only because it does not import Buffer) lets esbuild keep what we use.
    yaml: join(packageDir('yaml'), 'browser', 'index.js'),
    // web-tree-sitter's ESM build imports Node built-ins with import(), which a script compiled
    // from a code cache cannot do; its CommonJS build (what `require` resolves to) requires them.
    'web-tree-sitter': resolve('web-tree-sitter'),
  },
  legalComments: 'none',
  logLevel: 'warning',
});
for (const name of ['jenkinsfile-lint', 'jenkinsfile-language-server']) {
  const file = join(outdir, `${name}.cjs`);
  chmodSync(file, 0o755);
  // run-bundle.cjs decodes the bundle as latin1, which is exact only for ASCII (esbuild's default charset).
  const at = readFileSync(file).findIndex((byte) => byte > 0x7f);
  if (at >= 0) throw new Error(`${file} has a non-ASCII byte at offset ${at}: run-bundle.cjs reads bundles as ASCII`);
}

// The warm-up run: linting the example compiles what a typical run compiles, and the cache keeps it.
const warm = spawnSync(process.execPath, [join(root, 'scripts', 'write-code-cache.cjs'), join(root, 'examples', 'Jenkinsfile')], { stdio: ['ignore', 'ignore', 'inherit'] });
if (warm.status !== 0 && warm.status !== 1) throw new Error(`the code-cache warm-up run exited ${warm.status}`);
