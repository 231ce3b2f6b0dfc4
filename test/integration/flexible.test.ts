// A Flexible scale set in a real VS Code extension host, on the built-in simulator (default scenario:
// jobs-flex, Flexible, zone 1, three instances). Its instances are standalone VMs the product reads
// and reimages through the VM APIs (Learn: Orchestration modes API comparison); the simulator refuses
// the scale set VM reimage on a Flexible set, so the run below only completes when the product
// dispatches on the orchestration mode. Expectations come from the scenario file.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import { scaleSetId } from '../../src/azure/gateway';
import { planFromAzure } from '../../src/core/rollout';
import type { Scenario } from '../../src/simulator/scenario/scenarioTypes';
import type { TreeNode } from '../../src/views/treeNodes';
import type { HostMessage, RunView } from '../../src/webview/contract';
import { endSimulatorSession, startSimulatorSession, until } from './support/simulatorSession';

const extensionId = 'vmss-upgrades.vmss-upgrades';
const ext = () => vscode.extensions.getExtension<ExtensionApi>(extensionId)!;
const scenario = JSON.parse(readFileSync(path.join(ext().extensionPath, 'src', 'simulator', 'scenarios', 'default.json'), 'utf8')) as Scenario;
const flex = scenario.scaleSets.find((s) => s.orchestrationMode === 'Flexible')!;
const ref = { subscriptionId: flex.subscriptionId, resourceGroup: flex.resourceGroup, name: flex.name };
const id = scaleSetId(ref);
const olderVersion = '24.04.202410020';
const label = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : (item.label?.label ?? ''));

describe('a Flexible scale set in a real VS Code, on the simulator', function () {
  this.timeout(180_000);
  let api: ExtensionApi;
  const received: HostMessage[] = [];
  let hook: vscode.Disposable;
  const lastRun = (): RunView | undefined => received.filter((m): m is Extract<HostMessage, { type: 'run' }> => m.type === 'run' && m.run !== null).at(-1)?.run ?? undefined;
  const children = async (node?: TreeNode) => (await api.tree.getChildren(node)) ?? [];
  const item = (node: TreeNode) => api.tree.getTreeItem(node) as vscode.TreeItem;
  async function childNamed(parent: TreeNode | undefined, name: string): Promise<TreeNode> {
    const found = (await children(parent)).find((n) => label(item(n)) === name);
    assert.ok(found, `no row "${name}"`);
    return found;
  }
  async function instanceRows(): Promise<vscode.TreeItem[]> {
    const subscription = scenario.subscriptions.find((s) => s.subscriptionId === flex.subscriptionId)!;
    const set = await childNamed(await childNamed(undefined, subscription.displayName), flex.name);
    const zone = await childNamed(set, `Zone ${flex.zones![0]}`);
    return (await children(zone)).map(item);
  }

  before(async () => {
    ({ api, hook } = await startSimulatorSession(id, (t) => {
      if (t.direction === 'toWebview') received.push(t.message as HostMessage);
    }));
  });

  after(() => endSimulatorSession({ api, hook }));

  it('the tree lists the VMs under their zone by VM name, with no update-domain level', async () => {
    const rows = await instanceRows();
    assert.equal(rows.length, flex.instances.count);
    for (const row of rows) {
      assert.match(label(row), new RegExp(`^${flex.name}_[0-9a-f]{8}$`), 'a Flexible instance is named, its name is its instance id');
      assert.match(row.contextValue ?? '', /^vmssInstance;healthy;running;/);
      const tooltip = (row.tooltip as vscode.MarkdownString).value;
      assert.match(tooltip, /\| Update domain \| — \|/);
      assert.match(tooltip, /\| Fault domain \| \d+ \|/);
    }
  });

  it('the embedded orchestrator reimages every VM to a chosen version through the VM API, shown in the dashboard', async () => {
    const gateway = (await api.connection.access())!.gateway();
    const planned = await planFromAzure(gateway, { ref, target: { kind: 'version', version: olderVersion }, strategy: { kind: 'percentage' } });
    assert.ok(planned.ok, planned.ok ? '' : planned.errors.join());
    await vscode.commands.executeCommand('vmssUpgrades.showDashboard', id);
    api.upgrades.runs.review(ref, planned.plan);
    const plan = await until('the plan in the dashboard', 30_000, () => (lastRun()?.status === 'planned' ? lastRun() : undefined));
    assert.equal(plan.counts.total, flex.instances.count);
    assert.ok(plan.instances.every((i) => i.updateDomain === undefined && i.faultDomain !== undefined), 'Flexible: fault domains, no update domains');
    assert.deepEqual(await api.upgrades.runs.control(id, 'start'), { accepted: true });
    const done = await until('the end of the run', 150_000, () => {
      const run = lastRun();
      return run && ['completed', 'completedWithFailures', 'aborted', 'failed'].includes(run.status) ? run : undefined;
    });
    assert.equal(done.status, 'completed', done.outcome);
    assert.equal(done.counts.succeeded, flex.instances.count);
    await vscode.commands.executeCommand('vmssUpgrades.refresh');
    await until('the tree on the new version', 30_000, async () => {
      const rows = await instanceRows();
      return rows.length === flex.instances.count && rows.every((r) => String(r.description).startsWith(olderVersion)) ? true : undefined;
    });
  });
});
