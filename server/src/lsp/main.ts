#!/usr/bin/env node
// jenkinsfile-language-server: LSP over --stdio (or --node-ipc, --socket=N, as vscode-languageserver
// reads them from the command line).

import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { packageVersion } from '../core/version.js';
import { startServer } from './server.js';

if (process.argv.includes('--version')) {
  process.stdout.write(packageVersion() + '\n');
} else {
  const connection = createConnection(ProposedFeatures.all);
  // Never die on a stray error: log it and keep serving.
  process.on('uncaughtException', (e) => connection.console.error(`jenkinsfile-lint: uncaught: ${e.stack ?? e}`));
  process.on('unhandledRejection', (e) => connection.console.error(`jenkinsfile-lint: unhandled rejection: ${(e as Error)?.stack ?? e}`));
  startServer(connection);
}
