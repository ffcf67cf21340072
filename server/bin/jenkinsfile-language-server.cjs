#!/usr/bin/env node
// The npm bin of the language server. A committed stub, so that npm can link it before the build.
require('./run-bundle.cjs').run('jenkinsfile-language-server');
