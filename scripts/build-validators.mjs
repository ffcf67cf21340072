// Precompiles the JSON schemas into standalone ajv validators at build time, so no process ever
// compiles the 200 KB pod schema at start-up. Output: server/out/schema/*.validator.cjs (CommonJS: ajv's standalone output requires its runtime helpers)
import Ajv from 'ajv';
import { transformSync } from 'esbuild';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'server', 'out', 'schema');
mkdirSync(outDir, { recursive: true });

function build(schemaFile, outName, options) {
  // Descriptions serve hover only (read from the JSON on demand); leaving them out halves the code.
  const schema = JSON.parse(readFileSync(join(root, 'schemas', schemaFile), 'utf8'), (k, v) => (k === 'description' || k === '$comment' ? undefined : v));
  const ajv = new Ajv.default({ allErrors: true, strict: false, code: { source: true }, ...options });
  const validate = ajv.compile(schema);
  // Minified, because V8 must at least pre-parse all of it on every start (the pod validator: 485 → 325 KB).
  writeFileSync(join(outDir, outName), transformSync(standaloneCode.default(ajv, validate), { minify: true, format: 'cjs', target: 'node20' }).code);
}

// unicode: false counts string lengths in UTF-16 units, so the generated code needs no ajv runtime
// helper and stands alone next to the bundle.
// Pod: Jackson coerces scalars (`args: [9999999]`, `value: 1`) so ajv must too; the
// did-you-mean names come from the schema JSON, read only when needed.
build('pod.schema.json', 'pod.validator.cjs', { coerceTypes: true, inlineRefs: false, messages: false, unicode: false });
build('jenkinsfile-lint.schema.json', 'config.validator.cjs', { unicode: false });
