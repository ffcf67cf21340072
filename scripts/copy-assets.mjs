// Copies the runtime assets the compiled server loads by path: the Groovy grammar wasm, the JSON
// schemas, the generated validators, the catalog, and the rule docs (for --explain). Run by `npm run build` in server/.
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
// The Jenkins catalog (made by scripts/catalog/generate.mjs), without its indentation. A file read on
// first use, not a string in the bundle: there it was 275 KB read, and deserialized from the code
// cache, by every start, the --version that needs no catalog included (~6 ms of a cold start).
// Written in ASCII, characters past it as JSON escapes, so that it is read as latin1: Node 20's UTF-8
// decoding of it took ~3 ms (catalog/catalog.ts reads it).
const catalog = JSON.stringify(JSON.parse(readFileSync(join(root, 'catalog', 'jenkins-catalog.json'), 'utf8')));
mkdirSync(join(out, 'data'), { recursive: true });
writeFileSync(join(out, 'data', 'jenkins-catalog.json'), catalog.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
mkdirSync(join(out, 'docs'), { recursive: true });
for (const f of readdirSync(join(root, 'docs', 'rules'))) cpSync(join(root, 'docs', 'rules', f), join(out, 'docs', f));
