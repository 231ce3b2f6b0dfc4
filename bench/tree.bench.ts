// Benchmarks of issue 4, run with `npx tsx bench/tree.bench.ts` after `node scripts/build.mjs`:
//  (a) loading the Scale Sets tree (root + every subscription expanded) for 50 subscriptions × 20 scale
//      sets on the simulator with 50 ms injected latency, against the critical-path bound;
//  (b) activation of dist/extension.js against an empty extension, each in a fresh Node process with
//      a minimal `vscode` stub, alternating, many iterations.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';

const root = path.resolve(__dirname, '..');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

// ---------------------------------------------------------------------------------------------
// (b) activation
// ---------------------------------------------------------------------------------------------

/**
 * Runs in a fresh Node process: installs a minimal `vscode` module (the surface activation touches,
 * plus an inert catch-all), then times `require(bundle)` + `activate(context)`. Prints milliseconds.
 */
const activationProbe = String.raw`
const Module = require('node:module');
const inert = new Proxy(function () {}, {
  get: (_t, key) => (key === 'then' ? undefined : key === Symbol.toPrimitive ? () => '' : inert),
  apply: () => inert,
  construct: () => inert,
});
class EventEmitter { constructor() { this.listeners = []; this.event = (l) => { this.listeners.push(l); return { dispose() {} }; }; } fire(e) { for (const l of this.listeners) l(e); } dispose() {} }
const disposable = { dispose() {} };
const configuration = { get: (_key, fallback) => fallback, update: async () => undefined, has: () => false, inspect: () => undefined };
const vscode = new Proxy({
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
    createTreeView: () => ({ ...disposable, onDidChangeVisibility: () => disposable }),
    createOutputChannel: () => new Proxy({ name: 'log', logLevel: 3, onDidChangeLogLevel: () => disposable }, { get: (t, k) => (k in t ? t[k] : () => undefined) }),
    withProgress: (_o, task) => task({ report() {} }, { isCancellationRequested: false, onCancellationRequested: () => disposable }),
  }, { get: (t, k) => (k in t ? t[k] : inert) }),
  commands: { registerCommand: () => disposable, executeCommand: async () => undefined },
  workspace: new Proxy({ getConfiguration: () => configuration, onDidChangeConfiguration: () => disposable }, { get: (t, k) => (k in t ? t[k] : inert) }),
  authentication: { getSession: async () => undefined, onDidChangeSessions: () => disposable },
}, { get: (t, k) => (k in t ? t[k] : inert) });
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) { return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest); };
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: vscode };
const memento = { get: (_k, d) => d, update: async () => undefined, keys: () => [], setKeysForSync() {} };
const folder = (p) => ({ fsPath: p, path: p, scheme: 'file', toString: () => 'file://' + p });
const scratch = require('node:os').tmpdir() + '/vmss-bench-activation';
const context = { subscriptions: [], globalState: memento, workspaceState: memento, extensionMode: 1, extensionUri: folder(require('node:path').dirname(process.argv[1])), extensionPath: require('node:path').dirname(process.argv[1]), logUri: folder(scratch + '/log'), globalStorageUri: folder(scratch + '/global'), storageUri: folder(scratch + '/workspace'), secrets: inert, environmentVariableCollection: inert, asAbsolutePath: (p) => p };
const started = performance.now();
require(process.argv[1]).activate(context);
process.stdout.write(String(performance.now() - started));
`;

function timeActivation(bundle: string): number {
  try {
    return Number(execFileSync(process.execPath, ['-e', activationProbe, bundle], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
  } catch (err) {
    throw new Error(`activating ${bundle} failed:\n${(err as { stderr?: string }).stderr ?? String(err)}`);
  }
}

function benchActivation(iterations: number): void {
  const extension = path.join(root, 'dist', 'extension.js');
  const scratch = mkdtempSync(path.join(tmpdir(), 'vmss-bench-'));
  try {
    // The baseline: an extension whose activate() does nothing, bundled the same way.
    const emptySource = path.join(scratch, 'empty.ts');
    writeFileSync(emptySource, 'export function activate(): void {}\nexport function deactivate(): void {}\n');
    const empty = path.join(scratch, 'empty.js');
    buildSync({ entryPoints: [emptySource], outfile: empty, bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], logLevel: 'warning' });
    const ours: number[] = [];
    const baseline: number[] = [];
    timeActivation(extension); // warm the file cache
    for (let i = 0; i < iterations; i++) {
      ours.push(timeActivation(extension));
      baseline.push(timeActivation(empty));
    }
    const sizeKb = (statSync(extension).size / 1024).toFixed(0);
    console.log(`(b) activation, ${iterations} fresh processes each (require + activate, minimal vscode stub):`);
    console.log(`    dist/extension.js (${sizeKb} KB): median ${median(ours).toFixed(2)} ms, p90 ${percentile(ours, 90).toFixed(2)} ms`);
    console.log(`    empty extension:          median ${median(baseline).toFixed(2)} ms, p90 ${percentile(baseline, 90).toFixed(2)} ms`);
    console.log(`    ratio (median): ${(median(ours) / median(baseline)).toFixed(1)}×, difference ${(median(ours) - median(baseline)).toFixed(2)} ms`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const iterations = Number(process.env.BENCH_ITERATIONS ?? 30);
  benchActivation(iterations);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
