// The Scale Sets tree inside a real VS Code extension host, on the embedded simulator's default
// scenario: subscriptions → scale sets → zones / update domains → instances, read through the exported
// provider's getChildren/getTreeItem exactly as the view reads them. Expectations come from the
// scenario file, not from the code under test.
import * as assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { Scenario, ScaleSetSpec } from '../../src/simulator/scenario/scenarioTypes';
import type { TreeNode } from '../../src/views/treeNodes';

const extensionId = 'vmss-upgrades.vmss-upgrades';

function extension(): vscode.Extension<ExtensionApi> {
  const ext = vscode.extensions.getExtension<ExtensionApi>(extensionId);
  assert.ok(ext, `${extensionId} is not installed`);
  return ext;
}

const scenario = JSON.parse(readFileSync(path.join(extension().extensionPath, 'src', 'simulator', 'scenarios', 'default.json'), 'utf8')) as Scenario;
const byName = (a: string, b: string) => a.localeCompare(b);
const spec = (name: string): ScaleSetSpec => scenario.scaleSets.find((s) => s.name === name)!;
const label = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : (item.label?.label ?? ''));
const iconOf = (item: vscode.TreeItem) => item.iconPath as vscode.ThemeIcon;

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function setCloud(cloud: string): Promise<void> {
  await vscode.workspace.getConfiguration().update('vmssUpgrades.cloud', cloud, vscode.ConfigurationTarget.Global);
}

describe('Scale Sets tree on the simulator (real VS Code)', function () {
  this.timeout(90_000);
  let api: ExtensionApi;

  const children = async (node?: TreeNode) => (await api.tree.getChildren(node)) ?? [];
  const item = (node: TreeNode) => api.tree.getTreeItem(node) as vscode.TreeItem;
  async function childNamed(parent: TreeNode | undefined, name: string): Promise<TreeNode> {
    const found = (await children(parent)).find((n) => label(item(n)) === name);
    assert.ok(found, `no row "${name}" under ${parent ? label(item(parent)) : 'the root'}`);
    return found;
  }
  async function scaleSetNode(name: string): Promise<TreeNode> {
    const s = spec(name);
    const subscription = scenario.subscriptions.find((x) => x.subscriptionId === s.subscriptionId)!;
    return childNamed(await childNamed(undefined, subscription.displayName), name);
  }

  before(async () => {
    // Real time in the simulator: the scenario's image release and automatic upgrades stay minutes away.
    process.env.VMSS_SIMULATOR_TIME_SCALE = '1';
    api = await extension().activate();
    await setCloud('Simulator');
    await until(() => api.connection.mode === 'simulator', 'simulator mode');
    await vscode.commands.executeCommand('vmssUpgrades.scaleSets.focus');
  });

  after(async () => {
    await setCloud('AzureCloud');
    await api.connection.settled();
    delete process.env.VMSS_SIMULATOR_TIME_SCALE;
  });

  it("lists the scenario's subscriptions, by name", async () => {
    const root = await children();
    assert.deepEqual(root.map((n) => label(item(n))), scenario.subscriptions.map((s) => s.displayName).sort(byName));
    for (const n of root) {
      assert.equal(item(n).contextValue, 'vmssSubscription');
      assert.equal(item(n).collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    }
  });

  it('lists every scale set with orchestration, capacity, image, upgrade mode and automatic OS upgrade (A1)', async () => {
    for (const sub of await children()) {
      const subscription = scenario.subscriptions.find((s) => s.displayName === label(item(sub)))!;
      const sets = await children(sub);
      const specs = scenario.scaleSets.filter((s) => s.subscriptionId === subscription.subscriptionId);
      assert.deepEqual(sets.map((n) => label(item(n))), specs.map((s) => s.name).sort(byName));
      for (const node of sets) {
        const s = spec(label(item(node)));
        const row = item(node);
        const description = String(row.description);
        const mode = (s.upgradePolicy?.mode as string | undefined) ?? 'Manual';
        const autoOs = (s.upgradePolicy?.automaticOSUpgradePolicy as { enableAutomaticOSUpgrade?: boolean } | undefined)?.enableAutomaticOSUpgrade === true;
        for (const part of [s.orchestrationMode ?? 'Uniform', `${s.instances.count} instances`, `${s.image.publisher}/${s.image.offer}/${s.image.sku}/${s.image.version}`, mode, autoOs ? 'auto OS upgrade on' : 'auto OS upgrade off']) {
          assert.ok(description.includes(part), `${s.name}: "${description}" lacks "${part}"`);
        }
        assert.match(row.contextValue ?? '', new RegExp(`^vmssScaleSet;${autoOs ? 'autoOsUpgradeOn' : 'autoOsUpgradeOff'};mode${mode};${(s.orchestrationMode ?? 'Uniform').toLowerCase()}`));
        assert.equal(iconOf(row).id, 'vm');
        assert.ok(row.tooltip instanceof vscode.MarkdownString);
      }
    }
  });

  it('groups a zonal set by zone, then update domain', async () => {
    const s = spec('web-frontend');
    const zones = await children(await scaleSetNode(s.name));
    assert.deepEqual(zones.map((z) => label(item(z))), s.zones!.map((z) => `Zone ${z}`));
    const domains = await children(zones[0]);
    assert.ok(domains.length > 0 && domains.every((d) => /^Update domain \d+$/.test(label(item(d)))));
    const instances = await children(domains[0]);
    assert.ok(instances.length > 0 && instances.every((i) => (item(i).contextValue ?? '').startsWith('vmssInstance;')));
  });

  it('shows each instance with its version, power and health, coloured by health (H3)', async () => {
    const s = spec('cache-tier');
    const unhealthy = Object.entries(s.instances.overrides ?? {}).filter(([, o]) => o.health === 'unhealthy').map(([id]) => `${s.name}_${id}`);
    assert.ok(unhealthy.length > 0, 'the scenario has unhealthy cache-tier instances');
    const rows: vscode.TreeItem[] = [];
    // No zones in this set: update domains directly under it.
    for (const domain of await children(await scaleSetNode(s.name))) {
      assert.match(label(item(domain)), /^Update domain \d+$/);
      for (const instance of await children(domain)) rows.push(item(instance));
    }
    assert.equal(rows.length, s.instances.count);
    for (const row of rows) {
      const name = label(row);
      const health = unhealthy.includes(name) ? 'unhealthy' : 'healthy';
      assert.equal(row.description, `${s.osVersion} · running · ${health}`, name);
      assert.equal(iconOf(row).id, health === 'healthy' ? 'pass' : 'error', name);
      assert.equal((iconOf(row).color as vscode.ThemeColor).id, health === 'healthy' ? 'testing.iconPassed' : 'testing.iconFailed', name);
      assert.equal(row.contextValue, `vmssInstance;${health};running;latestModel`);
      const tooltip = row.tooltip as vscode.MarkdownString;
      assert.ok(tooltip.value.includes(s.osVersion!) && tooltip.value.includes('Update domain'), name);
    }
  });

  it('marks a scale set busy while an operation on it is watched, and clears it afterwards', async () => {
    const node = await scaleSetNode('api-gateway');
    const s = spec('api-gateway');
    let finish!: () => void;
    const changed: number[] = [];
    const listener = api.tree.onDidChangeTreeData(() => changed.push(performance.now()));
    // When the watcher's last read of the set (after the watch ends) has been applied to the model.
    let lastReadAt = 0;
    const reloadScaleSet = api.tree.model.reloadScaleSet.bind(api.tree.model);
    api.tree.model.reloadScaleSet = async (...args: Parameters<typeof reloadScaleSet>) => {
      await reloadScaleSet(...args);
      lastReadAt = performance.now();
    };
    try {
      api.tree.watch({ subscriptionId: s.subscriptionId, resourceGroup: s.resourceGroup, name: s.name }, new Promise<void>((resolve) => (finish = resolve)));
      assert.match(item(node).contextValue ?? '', /;busy$/);
      assert.equal(iconOf(item(node)).id, 'sync~spin');
      await until(() => changed.length >= 1, 'the row to be redrawn busy');
      const finishedAt = performance.now();
      finish();
      await until(() => !(item(node).contextValue ?? '').includes('busy'), 'the busy mark to clear');
      assert.equal(iconOf(item(node)).id, 'vm');
      // Redrawn after the last read of the set, so the row shows the outcome. Changes close together are
      // spaced and merged (treeChangeScheduler.ts), so "ended" and "read again" may come as one redraw.
      await until(() => lastReadAt > finishedAt && changed.some((at) => at >= lastReadAt), 'the row to be redrawn after the last read');
    } finally {
      listener.dispose();
      api.tree.model.reloadScaleSet = reloadScaleSet;
    }
  });

  it('refresh reloads the tree from the simulator', async () => {
    const before = await children();
    await vscode.commands.executeCommand('vmssUpgrades.refresh');
    const after = await children();
    assert.notEqual(after, before);
    assert.deepEqual(after.map((n) => label(item(n))), before.map((n) => label(item(n))));
  });

  it('a 403 on one subscription shows an error row with Retry; the other subscription still lists its sets', async () => {
    const denied = scenario.subscriptions[1];
    const dir = mkdtempSync(path.join(tmpdir(), 'vmss-scenario-'));
    const file = path.join(dir, 'forbidden.json');
    const { $schema: _schema, ...rest } = scenario as Scenario & { $schema?: string };
    writeFileSync(file, JSON.stringify({ ...rest, faults: [{ path: `^/subscriptions/${denied.subscriptionId}/providers/Microsoft\\.Compute/virtualMachineScaleSets$`, status: 403, code: 'AuthorizationFailed' }] }));
    process.env.VMSS_SIMULATOR_SCENARIO = file;
    try {
      await vscode.commands.executeCommand('vmssUpgrades.useSimulator'); // restarts the simulator with the scenario
      const [message] = await children(await childNamed(undefined, denied.displayName));
      const row = item(message);
      assert.match(label(row), /No permission.*AuthorizationFailed/);
      assert.equal(row.command?.command, 'vmssUpgrades.refresh');
      assert.equal(row.description, 'Retry');
      assert.equal(iconOf(row).id, 'error');
      const allowed = scenario.subscriptions.find((s) => s !== denied)!;
      const sets = await children(await childNamed(undefined, allowed.displayName));
      assert.ok(sets.length > 0 && sets.every((n) => (item(n).contextValue ?? '').startsWith('vmssScaleSet;')));
    } finally {
      delete process.env.VMSS_SIMULATOR_SCENARIO;
      await vscode.commands.executeCommand('vmssUpgrades.useSimulator');
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('returns to the welcome view (no rows) when the simulator is left without an Azure session', async () => {
    await setCloud('AzureCloud');
    await until(() => api.connection.mode === 'signedOut', 'signed-out mode');
    assert.deepEqual(await children(), []);
    await setCloud('Simulator');
    await until(() => api.connection.mode === 'simulator', 'simulator mode again');
    assert.ok((await children()).length > 0);
  });
});
