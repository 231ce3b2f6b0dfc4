// Benchmarks of issue 4, run with `npx tsx bench/tree.bench.ts` after `node scripts/build.mjs --production`:
//  (a) loading the Scale Sets tree (root + every subscription expanded) for 50 subscriptions × 20 scale
//      sets on the simulator with 50 ms injected latency, against the critical-path bound;
//  (b) activation of dist/extension.js against an empty extension, each in a fresh Node process with
//      a minimal `vscode` stub, alternating, many iterations.
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { createAzureAccess } from '../src/connection/createAzureAccess';
import { simulatorCredential } from '../src/connection/simulatorCredential';
import { loadScenario, type Scenario } from '../src/simulator/simulator-entry';
import { ScaleSetTreeModel } from '../src/views/treeModel';
import type { TreeNode } from '../src/views/treeNodes';

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
// (a) tree load
// ---------------------------------------------------------------------------------------------

/** 50 subscriptions × 20 scale sets (the default scenario's sets as templates, 2 instances each). */
function largeEstate(subscriptions: number, setsPerSubscription: number, latencyMs: number): Scenario {
  const base = loadScenario('default');
  const tenantId = base.tenants[0].tenantId;
  const subs = Array.from({ length: subscriptions }, (_, i) => ({
    subscriptionId: `${String(i).padStart(8, '0')}-0000-4000-8000-000000000000`,
    displayName: `Subscription ${String(i).padStart(2, '0')}`,
    tenantId,
  }));
  // Templates without a load-balancer probe: the probes' load balancers live in one subscription only.
  const templates = base.scaleSets.filter((s) => s.healthSignal?.kind !== 'probe');
  const scaleSets = subs.flatMap((sub, i) =>
    Array.from({ length: setsPerSubscription }, (_, j) => {
      const template = templates[(i + j) % templates.length];
      return { ...template, subscriptionId: sub.subscriptionId, name: `${template.name}-${j}`, instances: { count: 2 } };
    }),
  );
  // Compute's read budget (HighCostGet3Min) applies per subscription in Azure; the default scenario's
  // one budget for the whole world would make 1000 sets share what 50 subscriptions each have.
  const budgets = (base.throttling?.budgets ?? []).flatMap((b) => subs.map((sub) => ({ ...b, path: `^/subscriptions/${sub.subscriptionId}/.*/providers/Microsoft\\.Compute/` })));
  return { ...base, subscriptions: subs, scaleSets, loadBalancers: [], resourceGroups: [], events: [], faults: [], latencyMs, throttling: { budgets } };
}

async function loadWholeTree(model: ScaleSetTreeModel): Promise<{ subscriptions: number; scaleSets: number }> {
  const root = await model.getChildren(undefined);
  const children = await Promise.all(root.map((node: TreeNode) => model.getChildren(node)));
  return { subscriptions: root.length, scaleSets: children.flat().filter((n) => n.kind === 'scaleSet').length };
}

/** The simulator in its own process (`vmss-upgrades simulator`), as Azure is: its CPU is not ours. */
async function startSimulatorProcess(scenario: Scenario, scratch: string): Promise<{ url: string; ca: string; stop(): void }> {
  const file = path.join(scratch, 'estate.json');
  writeFileSync(file, JSON.stringify(scenario));
  const child = spawn(process.execPath, [path.join(root, 'bin', 'vmss-upgrades.js'), 'simulator', '--scenario', file, '--time-scale', '1'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const firstLine = await new Promise<string>((resolve, reject) => {
    let buffered = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const newline = buffered.indexOf('\n');
      if (newline >= 0) resolve(buffered.slice(0, newline));
    });
    child.on('exit', (code) => reject(new Error(`the simulator exited with ${code}`)));
  });
  const { url, ca } = JSON.parse(firstLine) as { url: string; ca: string };
  return { url, ca, stop: () => child.kill('SIGTERM') };
}

async function benchTreeLoad(runs: number): Promise<void> {
  const subscriptions = 50;
  const setsPerSubscription = 20;
  const latencyMs = 50;
  const scratch = mkdtempSync(path.join(tmpdir(), 'vmss-bench-tree-'));
  const simulator = await startSimulatorProcess(largeEstate(subscriptions, setsPerSubscription, latencyMs), scratch);
  try {
    const access = createAzureAccess({ cloud: 'Simulator', credentialFor: () => simulatorCredential, clientOptions: { endpoint: simulator.url, ca: simulator.ca, allowedHosts: ['127.0.0.1'] } });
    // Dependent round trips the data needs: the subscription list (tenants in parallel), then every
    // subscription's scale-set list in parallel — each as many pages as the simulator's page size makes.
    const pageSize = 50; // the simulator's default (src/simulator/state/timing.ts)
    const roundTrips = Math.ceil(subscriptions / pageSize) + Math.ceil(setsPerSubscription / pageSize);
    const bound = roundTrips * latencyMs;
    const times: number[] = [];
    let shape = { subscriptions: 0, scaleSets: 0 };
    let calls = 0;
    let background = 0;
    let throttled = 0;
    for (let run = 0; run <= runs; run++) {
      const model = new ScaleSetTreeModel({ access: async () => access, selectedSubscriptions: () => [], onNodesChanged: () => undefined });
      const callsBefore = access.stats().calls;
      const started = performance.now();
      shape = await loadWholeTree(model);
      const elapsed = performance.now() - started;
      calls = access.stats().calls - callsBefore;
      const callsAtLoad = access.stats().calls;
      if (run === 0) {
        console.log(`(a) tree load, ${shape.subscriptions} subscriptions × ${shape.scaleSets / shape.subscriptions} scale sets, ${latencyMs} ms latency per request, simulator in its own process over HTTPS:`);
        console.log(`    first load (SDK require, TLS handshakes): ${elapsed.toFixed(0)} ms`);
      } else times.push(elapsed);
      await new Promise((r) => setTimeout(r, 3000)); // background look-ups of this run finish
      background = access.stats().calls - callsAtLoad;
      throttled = access.stats().throttled;
      model.dispose();
    }
    console.log(`    warm loads (a refresh): median ${median(times).toFixed(0)} ms, min ${Math.min(...times).toFixed(0)} ms, p90 ${percentile(times, 90).toFixed(0)} ms over ${times.length} runs`);
    console.log(`    critical-path bound: ${roundTrips} dependent round trips × ${latencyMs} ms = ${bound} ms → ratio ${(median(times) / bound).toFixed(2)} (median), ${(Math.min(...times) / bound).toFixed(2)} (best)`);
    console.log(`    calls until loaded: ${calls} (tenants + subscriptions, ${subscriptions} listAll, 1 Resource Graph overview)`);
    console.log(`    background calls after loading: ${background} rolling-upgrade look-ups (sets with Rolling mode or automatic OS upgrade), 8 at a time; 429s in the whole run: ${throttled}`);
  } finally {
    simulator.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
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
  set: () => true,
  apply: () => inert,
  construct: () => inert,
});
class EventEmitter { constructor() { this.listeners = []; this.event = (l) => { this.listeners.push(l); return { dispose() {} }; }; } fire(e) { for (const l of this.listeners) l(e); } dispose() {} }
const disposable = { dispose() {} };
const configuration = { get: (_key, fallback) => fallback, update: async () => undefined, has: () => false, inspect: () => undefined };
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
    createTreeView: () => ({ ...disposable, onDidChangeVisibility: () => disposable }),
    createOutputChannel: () => new Proxy({ name: 'log', logLevel: 3, onDidChangeLogLevel: () => disposable }, { get: (t, k) => (k in t ? t[k] : () => undefined) }),
    withProgress: (_o, task) => task({ report() {} }, { isCancellationRequested: false, onCancellationRequested: () => disposable }),
  }, { get: (t, k) => (k in t ? t[k] : inert) }),
  commands: { registerCommand: () => disposable, executeCommand: async () => undefined },
  workspace: new Proxy({ getConfiguration: () => configuration, onDidChangeConfiguration: () => disposable }, { get: (t, k) => (k in t ? t[k] : inert) }),
  authentication: { getSession: async () => undefined, onDidChangeSessions: () => disposable },
}), { get: (t, k) => (k in t ? t[k] : inert) });
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) { return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest); };
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: vscode };
const memento = { get: (_k, d) => d, update: async () => undefined, keys: () => [], setKeysForSync() {} };
const folder = (p) => ({ fsPath: p, path: p, scheme: 'file', toString: () => 'file://' + p });
const scratch = require('node:os').tmpdir() + '/vmss-bench-activation';
const context = { subscriptions: [], globalState: memento, workspaceState: memento, extensionMode: 1, extensionUri: folder(require('node:path').dirname(process.argv[1])), extensionPath: require('node:path').dirname(process.argv[1]), logUri: folder(scratch + '/log'), globalStorageUri: folder(scratch + '/global'), storageUri: folder(scratch + '/workspace'), secrets: inert, environmentVariableCollection: inert, asAbsolutePath: (p) => p };
const started = performance.now();
const extension = require(process.argv[1]);
const required = performance.now();
extension.activate(context);
const activated = performance.now();
process.stdout.write(JSON.stringify({ total: activated - started, require: required - started, activate: activated - required }));
`;

/** The names `vscode` exports at the top level, read from its type declarations. */
const vscodeApiNames = [...readFileSync(path.join(root, 'node_modules', '@types', 'vscode', 'index.d.ts'), 'utf8').matchAll(/^\texport (?:declare )?(?:class|enum|namespace|const|function|let) (\w+)/gm)].map((m) => m[1]);

interface ActivationTime {
  readonly total: number;
  readonly require: number;
  readonly activate: number;
}

function timeActivation(bundle: string): ActivationTime {
  try {
    const env = { ...process.env, VSCODE_API_NAMES: JSON.stringify([...new Set(vscodeApiNames)]) };
    return JSON.parse(execFileSync(process.execPath, ['-e', activationProbe, bundle], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env })) as ActivationTime;
  } catch (err) {
    throw new Error(`activating ${bundle} failed:\n${(err as { stderr?: string }).stderr ?? String(err)}`);
  }
}

function benchActivation(iterations: number): void {
  const scratch = mkdtempSync(path.join(tmpdir(), 'vmss-bench-'));
  try {
    // A snapshot of the built bundle, alone in a folder: other builds cannot change it mid-run, and
    // activation would fail here if it required a lazy bundle (azure-sdk.js, simulator-entry.js).
    const extension = path.join(scratch, 'extension.js');
    copyFileSync(path.join(root, 'dist', 'extension.js'), extension);
    const production = !readFileSync(extension, 'utf8').includes('//# sourceMappingURL=');
    // The baseline: an extension whose activate() does nothing, bundled the same way.
    const emptySource = path.join(scratch, 'empty.ts');
    writeFileSync(emptySource, 'export function activate(): void {}\nexport function deactivate(): void {}\n');
    const empty = path.join(scratch, 'empty.js');
    buildSync({ entryPoints: [emptySource], outfile: empty, bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], logLevel: 'warning' });
    const ours: ActivationTime[] = [];
    const baseline: ActivationTime[] = [];
    timeActivation(extension); // warm the file cache
    for (let i = 0; i < iterations; i++) {
      ours.push(timeActivation(extension));
      baseline.push(timeActivation(empty));
    }
    const total = (list: ActivationTime[]) => list.map((t) => t.total);
    const sizeKb = (statSync(extension).size / 1024).toFixed(0);
    console.log(`(b) activation, ${iterations} fresh processes each, alternating (require + activate, minimal vscode stub):`);
    console.log(
      `    dist/extension.js (${sizeKb} KB, ${production ? 'production' : 'development'} build): median ${median(total(ours)).toFixed(2)} ms ` +
        `(require ${median(ours.map((t) => t.require)).toFixed(2)} + activate ${median(ours.map((t) => t.activate)).toFixed(2)}), p90 ${percentile(total(ours), 90).toFixed(2)} ms`,
    );
    console.log(`    empty extension: median ${median(total(baseline)).toFixed(2)} ms, p90 ${percentile(total(baseline), 90).toFixed(2)} ms`);
    console.log(`    ratio (median): ${(median(total(ours)) / median(total(baseline))).toFixed(1)}×, difference ${(median(total(ours)) - median(total(baseline))).toFixed(2)} ms`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const iterations = Number(process.env.BENCH_ITERATIONS ?? 30);
  // Activation first: it snapshots dist/extension.js before anything else can rebuild it.
  benchActivation(iterations);
  await benchTreeLoad(Number(process.env.BENCH_TREE_RUNS ?? 10));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
