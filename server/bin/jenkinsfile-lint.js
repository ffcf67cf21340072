#!/usr/bin/env node
// The npm bin. A committed stub, so that npm can link it before `prepare` has built the bundle.
import '../out/bin/jenkinsfile-lint.js';
