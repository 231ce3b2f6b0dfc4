// Times `require(bundle)` + `activate(context)` of an extension bundle in a fresh Node process with a
// minimal `vscode` stub (the surface activation touches, plus an inert catch-all). Shared by
// bench/activation.bench.ts and bench/tree.bench.ts.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

// From bench/ (tsx) or out/bench/ (the unit layer's smoke run).
const root = path.resolve(__dirname, '..', ...(__dirname.includes(`${path.sep}out${path.sep}`) ? ['..'] : []));

// The \`vscode\` stub and an extension context, as a script prefix; the commands and webview serializers
// the extension registers are kept in globalThis.registered (bench/lazyBundleProbe.ts calls them).
const vscodeStub = String.raw`
const Module = require('node:module');
const registered = (globalThis.registered = { commands: new Map(), serializers: new Map() });
const inert = new Proxy(function () {}, {
  get: (_t, key) => (key === 'then' ? undefined : key === Symbol.toPrimitive ? () => '' : key === Symbol.iterator ? [][Symbol.iterator] : inert),
  set: () => true,
  apply: () => inert,
  construct: () => inert,
});
class EventEmitter { constructor() { this.listeners = []; this.event = (l) => { this.listeners.push(l); return { dispose() {} }; }; } fire(e) { for (const l of this.listeners) l(e); } dispose() {} }
const disposable = { dispose() {} };
const configuration = { get: (_key, fallback) => fallback, update: async () => undefined, has: () => false, inspect: () => undefined };
const documents = JSON.parse(process.env.PROBE_DOCUMENTS || '[]').map((d) => ({ languageId: d.languageId, getText: () => d.text, uri: { toString: () => d.uri, path: d.uri, scheme: 'file', fsPath: d.uri }, version: 1 }));
// Every name the real module exports exists (esbuild copies a namespace's own keys); unused ones are inert.
const apiNames = JSON.parse(process.env.VSCODE_API_NAMES || '[]');
const vscode = new Proxy(Object.assign(Object.fromEntries(apiNames.map((n) => [n, inert])), {
  EventEmitter,
  Disposable: class { constructor(f) { this.dispose = f; } static from() { return disposable; } },
  TreeItem: class { constructor(label, state) { this.label = label; this.collapsibleState = state; } },
  ThemeIcon: class { constructor(id, color) { this.id = id; this.color = color; } },
  ThemeColor: class { constructor(id) { this.id = id; } },
  MarkdownString: class { constructor(v = '') { this.value = v; } appendMarkdown(v) { this.value += v; return this; } appendText(v) { this.value += v; return this; } },
  TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
  ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
  ExtensionMode: { Production: 1, Development: 2, Test: 3 },
  ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
  LogLevel: { Off: 0, Trace: 1, Debug: 2, Info: 3, Warning: 4, Error: 5 },
  l10n: { t: (m) => (typeof m === 'string' ? m : m.message) },
  env: { language: 'en', appHost: 'desktop', machineId: 'bench', sessionId: 'bench' },
  version: '1.100.0',
  window: new Proxy({
    registerTreeDataProvider: () => disposable,
    createTreeView: () => ({ ...disposable, visible: false, onDidChangeVisibility: () => disposable, onDidExpandElement: () => disposable, onDidCollapseElement: () => disposable }),
    registerWebviewPanelSerializer: (viewType, serializer) => (registered.serializers.set(viewType, serializer), disposable),
    createOutputChannel: () => new Proxy({ name: 'log', logLevel: 3, onDidChangeLogLevel: () => disposable }, { get: (t, k) => (k in t ? t[k] : () => undefined) }),
    withProgress: (_o, task) => task({ report() {} }, { isCancellationRequested: false, onCancellationRequested: () => disposable }),
  }, { get: (t, k) => (k in t ? t[k] : inert) }),
  commands: { registerCommand: (id, handler) => (registered.commands.set(id, handler), disposable), executeCommand: async () => undefined },
  languages: new Proxy({ registerHoverProvider: () => disposable, registerCodeActionsProvider: () => disposable, onDidChangeDiagnostics: () => disposable, getDiagnostics: () => [], createDiagnosticCollection: () => ({ set() {}, delete() {}, clear() {}, dispose() {} }) }, { get: (t, k) => (k in t ? t[k] : inert) }),
  workspace: new Proxy({ textDocuments: documents, getConfiguration: () => configuration, onDidChangeConfiguration: () => disposable, onDidOpenTextDocument: () => disposable, onDidChangeTextDocument: () => disposable, onDidCloseTextDocument: () => disposable }, { get: (t, k) => (k in t ? t[k] : inert) }),
  authentication: { getSession: async () => undefined, onDidChangeSessions: () => disposable },
}), { get: (t, k) => (k in t ? t[k] : inert) });
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) { return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest); };
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: vscode };
const memento = { get: (_k, d) => d, update: async () => undefined, keys: () => [], setKeysForSync() {} };
const folder = (p) => ({ fsPath: p, path: p, scheme: 'file', toString: () => 'file://' + p });
const scratch = process.env.PROBE_SCRATCH || require('node:os').tmpdir() + '/vmss-bench-activation';
const extensionPath = require('node:path').dirname(process.argv[1]);
const packageJSON = JSON.parse(process.env.PROBE_PACKAGE_JSON || '{}');
const context = { subscriptions: [], globalState: memento, workspaceState: memento, extensionMode: 1, extension: { packageJSON }, extensionUri: folder(extensionPath), extensionPath, logUri: folder(scratch + '/log'), globalStorageUri: folder(scratch + '/global'), storageUri: folder(scratch + '/workspace'), secrets: inert, environmentVariableCollection: inert, asAbsolutePath: (p) => p };
`;

const probe = String.raw`
const started = performance.now();
const extension = require(process.argv[1]);
const required = performance.now();
const api = extension.activate(context);
const activated = performance.now();
// The first use of the features (a command, the view, the API): what a lazy bundle costs then.
let featuresRequire = 0;
if (process.env.PROBE_FIRST_USE) {
  // The features bundle's require alone first; the tree then activates the features from Node's cache.
  require(require('node:path').join(extensionPath, 'extension-features.js'));
  featuresRequire = performance.now() - activated;
  void api.tree;
}
const used = performance.now();
// The first dashboard after that: the webview host's bundle and the panel host (issue 18).
if (process.env.PROBE_FIRST_DASHBOARD) void api.upgrades.dashboards;
const dashboard = performance.now();
process.stdout.write(JSON.stringify({ total: activated - started, require: required - started, activate: activated - required, firstUse: used - activated, featuresRequire, firstDashboard: dashboard - used }));
process.exit(0);
`;

/** The names `vscode` exports at the top level, read from its type declarations. */
const vscodeApiNames = [...new Set([...readFileSync(path.join(root, 'node_modules', '@types', 'vscode', 'index.d.ts'), 'utf8').matchAll(/^\texport (?:declare )?(?:class|enum|namespace|const|function|let) (\w+)/gm)].map((m) => m[1]))];

export interface ActivationTime {
  readonly total: number;
  readonly require: number;
  readonly activate: number;
  /** Loading the features on first use (only with `firstUse`). */
  readonly firstUse: number;
  /** The part of `firstUse` that is the require of dist/extension-features.js. */
  readonly featuresRequire: number;
  /** Then loading the webview host with the first dashboard (only with `firstDashboard`). */
  readonly firstDashboard: number;
}

export interface ProbeOptions {
  /** Documents open in the editor at activation. */
  readonly documents?: ReadonlyArray<{ readonly languageId: string; readonly text: string; readonly uri: string }>;
  /** Touch the API's tree after activating (loads the features). */
  readonly firstUse?: boolean;
  /** After that, touch the API's dashboards (loads the webview host). */
  readonly firstDashboard?: boolean;
  /** The folder holding the context's storage folders (default: one shared by every probe). */
  readonly scratch?: string;
}

export function timeActivation(bundle: string, options: ProbeOptions = {}): ActivationTime {
  return JSON.parse(runWithVscodeStub(probe, bundle, options)) as ActivationTime;
}

/**
 * Runs `script` after the \`vscode\` stub and the context are set up, in a fresh Node process with
 * argv[1] = `bundle` (the stub's extension path is its folder); returns what the script wrote to stdout.
 */
export function runWithVscodeStub(script: string, bundle: string, options: ProbeOptions = {}): string {
  const env = {
    ...process.env,
    VSCODE_API_NAMES: JSON.stringify(vscodeApiNames),
    PROBE_PACKAGE_JSON: readFileSync(path.join(root, 'package.json'), 'utf8'),
    PROBE_DOCUMENTS: JSON.stringify(options.documents ?? []),
    ...(options.firstUse ? { PROBE_FIRST_USE: '1' } : {}),
    ...(options.firstDashboard ? { PROBE_FIRST_DASHBOARD: '1' } : {}),
    ...(options.scratch ? { PROBE_SCRATCH: options.scratch } : {}),
  };
  try {
    return execFileSync(process.execPath, ['-e', `${vscodeStub}\n${script}`, bundle], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env });
  } catch (err) {
    throw new Error(`activating ${bundle} failed:\n${(err as { stderr?: string }).stderr ?? String(err)}`);
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
