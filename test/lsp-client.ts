// A real LSP client for tests: spawns the built server binary over stdio and speaks JSON-RPC to it.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node.js';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import { REPO } from './helpers.js';

export const SERVER = join(REPO, 'server', 'bin', 'jenkinsfile-language-server.cjs');

export class LspClient {
  readonly proc: ChildProcess;
  readonly conn: MessageConnection;
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  private waiters: Array<() => void> = [];
  settings: unknown = null;
  stderr = '';
  logs: string[] = [];
  /** Messages the server asked the editor to pop up. */
  popups: string[] = [];

  constructor(readonly root: string) {
    this.proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr!.on('data', (b) => (this.stderr += b));
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.diagnostics.set(p.uri, p);
      const w = this.waiters;
      this.waiters = [];
      w.forEach((f) => f());
    });
    this.conn.onNotification('window/logMessage', (p: { message: string }) => this.logs.push(p.message));
    this.conn.onNotification('window/showMessage', (p: { message: string }) => this.logs.push(p.message));
    this.conn.onRequest('window/showMessageRequest', (p: { message: string }) => {
      this.popups.push(p.message);
      return null;
    });
    this.conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => this.settings));
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.listen();
  }

  /**
   * Starts the server on `root`. `folders`: the workspace folders (default: root alone);
   * `askable`: whether the client answers workspace/configuration (old clients cannot);
   * `snippets`: whether it takes completion snippets.
   */
  static async start(root: string, initializationOptions: object = { debounceMs: 0 }, opts: { folders?: string[]; askable?: boolean; snippets?: boolean } = {}): Promise<LspClient> {
    const c = new LspClient(root);
    const folders = opts.folders ?? [root];
    await c.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(folders[0] ?? root).href,
      workspaceFolders: folders.map((f, i) => ({ uri: pathToFileURL(f).href, name: `ws${i}` })),
      capabilities: { workspace: { configuration: opts.askable ?? true, didChangeWatchedFiles: { dynamicRegistration: true } }, textDocument: { publishDiagnostics: { relatedInformation: true }, completion: { completionItem: { snippetSupport: opts.snippets ?? false } } } },
      initializationOptions,
    });
    await c.conn.sendNotification('initialized', {});
    return c;
  }

  uri(file: string): string {
    return pathToFileURL(join(this.root, file)).href;
  }

  open(file: string, text: string, version = 1): void {
    void this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: this.uri(file), languageId: 'jenkinsfile', version, text } });
  }

  /** Resolves with the diagnostics of `uri` once a publish for it satisfies `until`. */
  waitFor(uri: string, until: (d: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10_000): Promise<Diagnostic[]> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms; stderr: ${this.stderr}; logs: ${this.logs.join('\n')}`)), timeoutMs);
      const check = () => {
        const d = this.diagnostics.get(uri);
        if (d && until(d)) {
          clearTimeout(timer);
          resolve(d.diagnostics);
        } else this.waiters.push(check);
      };
      check();
    });
  }

  async stop(): Promise<void> {
    try {
      await this.conn.sendRequest('shutdown');
      await this.conn.sendNotification('exit');
    } catch {
      // already gone
    }
    this.conn.dispose();
    this.proc.kill();
  }
}
