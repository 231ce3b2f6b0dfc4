// Issue 18: the webview host (dist/webview-host.js: dashboard panels and sessions, the run registry, the
// fleet view) loads on the first dashboard, not with the features. The built extension runs in a fresh
// Node process with the benchmark's `vscode` stub (bench/activationProbe.ts); after each step the probe
// lists which of dist/'s bundles Node has required. Reads dist/ as `npm test` builds it.
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runWithVscodeStub } from '../../../bench/activationProbe';

const root = path.resolve(__dirname, '..', '..', '..', ...(__dirname.includes(`${path.sep}out${path.sep}`) ? ['..'] : []));
const bundle = path.join(root, 'dist', 'extension.js');

// Runs in the probe's process after the stub; `registered` holds the commands and serializers the extension registered.
const steps = (commands: readonly string[]) => String.raw`
const path = require('node:path');
const dist = path.dirname(process.argv[1]);
const loaded = () => Object.keys(require.cache).filter((f) => path.dirname(f) === dist).map((f) => path.basename(f)).sort();
const settle = () => new Promise((resolve) => setTimeout(resolve, 200));
const seen = {};
(async () => {
  const api = require(process.argv[1]).activate(context);
  seen.activated = loaded();
  await api.tree.getChildren();
  await settle();
  seen.tree = loaded();
  for (const id of ${JSON.stringify(commands)}) await registered.commands.get(id)();
  await settle();
  // What a command changed, for the set's dashboard: kept without loading the host.
  const setId = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.Compute/virtualMachineScaleSets/web';
  const notedAt = Date.now();
  api.upgrades.note(setId, [{ level: 'info', text: 'Rolling upgrade policy updated.' }]);
  await new Promise((resolve) => setTimeout(resolve, 20));
  seen.commands = loaded();
  // VS Code restoring a dashboard after a reload: a panel whose state names no scale set is closed.
  const panel = { dispose: () => (seen.restoredPanelDisposed = true) };
  await registered.serializers.get('vmssUpgrades.dashboard').deserializeWebviewPanel(panel, undefined);
  seen.restored = loaded();
  seen.noteLog = api.upgrades.dashboards.session(setId).snapshot().log.map((e) => ({ text: e.text, stampedBeforeHost: e.at <= notedAt + 10 }));
  process.stdout.write(JSON.stringify(seen));
  process.exit(0);
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
`;

interface Seen {
  readonly activated: string[];
  readonly tree: string[];
  readonly commands: string[];
  readonly restored: string[];
  readonly restoredPanelDisposed?: boolean;
  readonly noteLog: Array<{ text: string; stampedBeforeHost: boolean }>;
}

describe('the webview host loads on the first dashboard (issue 18)', function () {
  this.timeout(60_000);
  let scratch: string;

  before(() => {
    assert.ok(existsSync(bundle), 'dist/extension.js is missing: run `node scripts/build.mjs` first');
    scratch = mkdtempSync(path.join(os.tmpdir(), 'vmss-webview-host-'));
  });

  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('the tree and commands that show no dashboard leave it unloaded; a restored dashboard loads it', () => {
    // Refresh (the tree), and the run controls of the palette, which find no run before the first dashboard.
    const commands = ['vmssUpgrades.refresh', 'vmssUpgrades.pauseRun', 'vmssUpgrades.approveGate'];
    const seen = JSON.parse(runWithVscodeStub(steps(commands), bundle, { scratch })) as Seen;
    assert.deepEqual(seen.activated, ['extension.js'], 'activation loads only the registration layer');
    assert.ok(seen.tree.includes('extension-features.js'), `control: the tree loaded the features (${seen.tree.join(', ')})`);
    assert.equal(seen.tree.includes('webview-host.js'), false, `the tree: ${seen.tree.join(', ')}`);
    assert.equal(seen.commands.includes('webview-host.js'), false, `after ${commands.join(', ')}: ${seen.commands.join(', ')}`);
    assert.ok(seen.restored.includes('webview-host.js'), `the restored dashboard: ${seen.restored.join(', ')}`);
    assert.equal(seen.restoredPanelDisposed, true, 'the host handled the panel (a state without a scale set id closes it)');
    // The note made before the host loaded is in the set's dashboard log, with the time it was made.
    assert.deepEqual(seen.noteLog, [{ text: 'Rolling upgrade policy updated.', stampedBeforeHost: true }]);
  });
});
