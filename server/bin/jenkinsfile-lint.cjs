#!/usr/bin/env node
// The npm bin. A committed stub, so that npm can link it before the build has made the bundle.
require('./run-bundle.cjs').run('jenkinsfile-lint');
