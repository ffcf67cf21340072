// The VS Code extension: starts the bundled jenkinsfile-language-server over IPC. Thin on purpose;
// everything the user sees comes from the same server Neovim, Helix and Emacs use.

import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

function createClient(context: vscode.ExtensionContext, output: vscode.OutputChannel): LanguageClient {
  const module = context.asAbsolutePath('server/bin/jenkinsfile-language-server.cjs');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'jenkinsfile' }],
    outputChannel: output,
    // In an untrusted workspace the server reads no yamlFile, CasC or plugins file.
    initializationOptions: { trusted: vscode.workspace.isTrusted },
    synchronize: { configurationSection: 'jenkinsfileLint' },
  };
  return new LanguageClient('jenkinsfileLint', 'Jenkinsfile Lint', serverOptions, clientOptions);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Jenkinsfile Lint');
  context.subscriptions.push(output);
  const restart = async () => {
    await client?.stop();
    client = createClient(context, output);
    await client.start();
  };
  context.subscriptions.push(
    vscode.commands.registerCommand('jenkinsfileLint.restartServer', restart),
    // Trust granted: start again with file reads allowed.
    vscode.workspace.onDidGrantWorkspaceTrust(restart),
  );
  client = createClient(context, output);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
