// The language server: wires LSP requests to the shared core. Every handler is guarded, so bad
// input or a failing feature is logged and answered, and the process keeps serving.

import {
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { isAbsolute, relative } from 'node:path';
import { uriToPath } from './convert.js';
import { catalogFor } from '../catalog/for-jenkins.js';
import { codeActions } from './code-actions.js';
import { complete } from './completion.js';
import { readingOf } from './current-reading.js';
import { Documents } from './documents.js';
import { hover } from './hover.js';
import { Linter } from './linter.js';
import { foldingRanges } from './folding.js';
import { definition, symbols } from './navigation.js';
import { Settings, settingsSection } from './settings.js';
import { signatureHelp } from './signature-help.js';

/** Files whose change can change findings: configs, CasC files, plugins.txt, pod YAML files. */
const WATCHED = ['**/.jenkinsfile-lint.{yaml,yml,json}', '**/*.{yaml,yml}', '**/plugins.txt'];
const DEFAULT_DEBOUNCE_MS = 150;

export function startServer(connection: Connection): { linter: () => Linter | undefined } {
  const documents = new Documents();
  let linter: Linter | undefined;
  let settings: Settings | undefined;
  let folders: string[] = [];
  let canAskConfiguration = false;
  let canWatchDynamically = false;
  let snippets = false;

  const guard =
    <A extends unknown[], R>(name: string, fallback: R, fn: (...args: A) => R | Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await fn(...args);
      } catch (e) {
        connection.console.error(`jenkinsfile-lint: ${name} failed: ${(e as Error)?.stack ?? e}`);
        return fallback;
      }
    };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    folders = uris.map(uriToPath).filter((p): p is string => !!p);
    canAskConfiguration = !!params.capabilities.workspace?.configuration;
    canWatchDynamically = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    snippets = !!params.capabilities.textDocument?.completion?.completionItem?.snippetSupport;
    const options = (params.initializationOptions ?? {}) as { debounceMs?: unknown; trusted?: unknown };
    const debounce = typeof options.debounceMs === 'number' && options.debounceMs >= 0 ? options.debounceMs : DEFAULT_DEBOUNCE_MS;
    // An editor in restricted mode (VS Code's untrusted workspace) says trusted: false.
    const untrusted = options.trusted === false;
    settings = new Settings(connection, () => canAskConfiguration, (path) => folderOf(folders, path), untrusted, settingsSection(options));
    linter = new Linter(connection, documents, settings, debounce, untrusted);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ["'", '"', ' ', ':', '('] },
        // A space too: a command call's arguments follow one (`sh 'x', `).
        signatureHelpProvider: { triggerCharacters: ['(', ',', ' '] },
        definitionProvider: true,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
      },
      serverInfo: { name: 'jenkinsfile-language-server' },
    };
  });

  connection.onInitialized(() => {
    if (canWatchDynamically) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED.map((globPattern) => ({ globPattern })) });
    }
  });

  // Settings, a config file, a CasC or plugins file, or a yamlFile changed: read everything anew.
  const settingsChanged = (pushed?: unknown) => {
    settings?.reset(pushed);
    linter?.relintAll();
  };
  connection.onDidChangeConfiguration(guard('configuration change', undefined, (p) => settingsChanged(settingsSection(p.settings))));
  connection.onDidChangeWatchedFiles(guard('watched files', undefined, () => settingsChanged()));

  connection.onDidOpenTextDocument(
    guard('open', undefined, (p) => {
      documents.open(p.textDocument.uri, p.textDocument.languageId, p.textDocument.version, p.textDocument.text);
      linter?.schedule(p.textDocument.uri);
    }),
  );
  connection.onDidChangeTextDocument(
    guard('change', undefined, (p) => {
      // A change for a document that was never opened is ignored, not fatal.
      if (documents.change(p.textDocument.uri, p.textDocument.version, p.contentChanges)) linter?.edited(p.textDocument.uri);
    }),
  );
  connection.onDidCloseTextDocument(
    guard('close', undefined, (p) => {
      documents.close(p.textDocument.uri);
      linter?.close(p.textDocument.uri);
    }),
  );

  /** The latest lint of an open document, and the offset of a position in the text it linted. */
  const at = (uri: string, position?: { line: number; character: number }) => {
    const l = linter?.latest(uri);
    const d = documents.get(uri);
    if (!l || !d) return undefined;
    return { l, d, offset: position ? d.doc.offsetAt(position) : 0 };
  };

  connection.onHover(guard('hover', null, (p) => {
    const a = at(p.textDocument.uri, p.position);
    return a ? hover(a.l, readingOf(a.d.doc, a.l), a.offset, p.position) : null;
  }));
  connection.onSignatureHelp(guard('signature help', null, (p) => {
    const a = at(p.textDocument.uri, p.position);
    return a ? signatureHelp(catalogFor(a.l.config.jenkins), readingOf(a.d.doc, a.l), a.offset) : null;
  }));
  connection.onCompletion(guard('completion', [], (p) => {
    const d = documents.get(p.textDocument.uri);
    return d ? complete(linter?.latest(p.textDocument.uri), d.doc, p.position, snippets) : [];
  }));
  connection.onDefinition(guard('definition', null, (p) => {
    const a = at(p.textDocument.uri, p.position);
    return a ? definition(a.l, a.offset) : null;
  }));
  connection.onDocumentSymbol(guard('symbols', [], (p) => {
    const a = at(p.textDocument.uri);
    return a ? symbols(a.l) : [];
  }));
  connection.onFoldingRanges(guard('folding ranges', [], (p) => {
    const a = at(p.textDocument.uri);
    return a ? foldingRanges(a.l) : [];
  }));
  connection.onCodeAction(guard('code actions', [], (p) => {
    const uri = p.textDocument.uri;
    const a = at(uri);
    if (a) return codeActions(a.l, uri, a.l.path, p.range);
    // A yamlFile: actions come from the open Jenkinsfile that read it.
    const path = uriToPath(uri);
    for (const d of documents.all()) {
      const l = linter?.latest(d.doc.uri);
      if (l && path && l.result.texts.has(path)) return codeActions(l, uri, path, p.range);
    }
    return [];
  }));

  connection.listen();
  return { linter: () => linter };
}

/** The workspace folder that holds a path (the innermost, with nested folders), if any. */
function folderOf(folders: string[], path: string): string | undefined {
  let best: string | undefined;
  for (const f of folders) {
    const rel = relative(f, path);
    if (rel && !rel.startsWith('..') && !isAbsolute(rel) && (!best || f.length > best.length)) best = f;
  }
  return best;
}
