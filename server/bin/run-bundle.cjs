// Starts a bundle of server/out/bin/ with the V8 code cache the build wrote beside it: on a cold
// start, compiling the bundle cost ~40 ms of ~220 (measured in bench/). V8 refuses a cache from
// another Node version or other V8 flags, and the bundle then compiles as usual; nothing here
// writes at run time except the build's warm-up run (scripts/write-code-cache.cjs).
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { join } = require('node:path');
const vm = require('node:vm');

const dir = join(__dirname, '..', 'out', 'bin');

/** Compiles out/bin/<name>.cjs as a CommonJS module body, from its code cache when there is one and `useCache`. */
function compile(name, useCache = true) {
  const file = join(dir, `${name}.cjs`);
  let cachedData;
  if (useCache) {
    try {
      cachedData = readFileSync(`${file}.cache`);
    } catch {
      // No cache (the language server has none): compile.
    }
  }
  // The build writes the bundle in ASCII (scripts/bundle.mjs checks), so latin1 reads it exactly — and
  // copies bytes, where Node 20's UTF-8 decoding of the 1 MB bundle took 15-18 ms of every start.
  const source = Module.wrap(readFileSync(file, 'latin1').replace(/^#!.*/, ''));
  return { file, script: new vm.Script(source, { filename: file, ...(cachedData ? { cachedData } : {}) }) };
}

/** Runs out/bin/<name>.cjs; `writeCache` compiles it afresh and saves its code cache when the process exits. */
function run(name, { writeCache = false } = {}) {
  const { file, script } = compile(name, !writeCache);
  // Written at exit, so that it holds every function the run compiled.
  if (writeCache) process.once('exit', () => writeFileSync(`${file}.cache`, script.createCachedData()));
  const module = { exports: {} };
  script.runInThisContext()(module.exports, Module.createRequire(file), module, file, dir);
}

module.exports = { compile, run };
