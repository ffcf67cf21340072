// Copies the runtime assets the compiled server loads by path: the Groovy grammar wasm, the JSON
// schemas, the generated validators and catalog, and the rule docs (for --explain). Run by `npm run build` in server/.
import { cpSync, mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'server', 'out');
const require = createRequire(join(root, 'server', 'package.json'));

mkdirSync(join(out, 'grammar'), { recursive: true });
cpSync(require.resolve('tree-sitter-groovy/tree-sitter-groovy.wasm'), join(out, 'grammar', 'tree-sitter-groovy.wasm'));
// web-tree-sitter's own runtime wasm, found through locateFile (parse/parser.ts) bundled or not.
cpSync(require.resolve('web-tree-sitter/tree-sitter.wasm'), join(out, 'grammar', 'tree-sitter.wasm'));
mkdirSync(join(out, 'schemas'), { recursive: true });
for (const f of readdirSync(join(root, 'schemas'))) cpSync(join(root, 'schemas', f), join(out, 'schemas', f));
// The precompiled validators (scripts/build-validators.mjs), for the compiled modules that import them.
cpSync(join(root, 'server', 'src', 'schema', 'generated'), join(out, 'schema', 'generated'), { recursive: true, filter: (f) => !f.endsWith('.d.ts') });
// The Jenkins catalog as a module (scripts/build-catalog.mjs).
cpSync(join(root, 'server', 'src', 'catalog', 'generated'), join(out, 'catalog', 'generated'), { recursive: true, filter: (f) => !f.endsWith('.d.ts') });
mkdirSync(join(out, 'docs'), { recursive: true });
for (const f of readdirSync(join(root, 'docs', 'rules'))) cpSync(join(root, 'docs', 'rules', f), join(out, 'docs', f));
