// The dashboard inside a real VS Code extension host, on the built-in simulator (default scenario:
// web-frontend has 20 instances and instance 7 never becomes healthy after an upgrade). The
// assertions are on the messages the webview actually received (the API's onDashboardMessage hook).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import { scaleSetId } from '../../src/azure/gateway';
import { planFromAzure } from '../../src/core/rollout';
import type { HostMessage, RunView, WebviewMessage } from '../../src/webview/contract';
import { endSimulatorSession, startSimulatorSession, until } from './support/simulatorSession';

const ref = { subscriptionId: '1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d', resourceGroup: 'rg-web', name: 'web-frontend' };
const id = scaleSetId(ref);

describe('dashboard in a real VS Code, on the simulator', function () {
  this.timeout(180_000);
  let api: ExtensionApi;
  const received: HostMessage[] = [];
  const sent: WebviewMessage[] = [];
  let hook: vscode.Disposable;

  const runMessages = () => received.filter((m): m is Extract<HostMessage, { type: 'run' }> => m.type === 'run' && m.run !== null);
  const lastRun = (): RunView | undefined => runMessages().at(-1)?.run ?? undefined;
  const logTexts = () => received.flatMap((m) => (m.type === 'log' ? m.entries.map((e) => e.text) : m.type === 'snapshot' ? m.state.log.map((e) => e.text) : []));

  before(async () => {
    ({ api, hook } = await startSimulatorSession(id, (t) => {
      if (t.direction === 'toWebview') received.push(t.message as HostMessage);
      else sent.push(t.message as WebviewMessage);
    }));
  });

  after(() => endSimulatorSession({ api, hook }));

  it('opens a dashboard that asks for a snapshot and gets the set from Azure', async () => {
    await vscode.commands.executeCommand('vmssUpgrades.showDashboard', id);
    await until('the ready message', 30_000, () => sent.find((m) => m.type === 'ready'));
    const snapshot = await until('a snapshot', 30_000, () => received.find((m) => m.type === 'snapshot'));
    assert.equal(snapshot.type === 'snapshot' && snapshot.state.scaleSet.name, 'web-frontend');
    const header = await until('the header read from the simulator', 30_000, () => received.find((m) => m.type === 'scaleSet' && m.scaleSet.location !== undefined));
    assert.equal(header.type === 'scaleSet' && header.scaleSet.upgradeMode, 'Rolling');
  });

  it('shows a dry-run plan, then the run: canary gate, O4 rollback of the instance that never becomes healthy, completion', async () => {
    const gateway = (await api.connection.access())!.gateway();
    const planned = await planFromAzure(gateway, { ref, target: { kind: 'latest' }, strategy: { kind: 'percentage', canary: 1 }, gates: { afterCanary: true } });
    assert.ok(planned.ok, planned.ok ? '' : planned.errors.join());
    api.upgrades.runs.review(ref, planned.plan);
    const plan = await until('the plan in the dashboard', 10_000, () => (lastRun()?.status === 'planned' ? lastRun() : undefined));
    assert.equal(plan.counts.total, 20);
    assert.ok(plan.batches.length >= 5, `${plan.batches.length} batches`);
    assert.equal(plan.batches[0].instanceIds.length, 1, 'canary of one');

    assert.deepEqual(await api.upgrades.runs.control(id, 'start'), { accepted: true });
    const gated = await until('the canary gate', 60_000, () => lastRun()?.gate);
    assert.equal(lastRun()?.status, 'waitingApproval');
    assert.equal(api.upgrades.runs.decide(id, 'gate-stale', 'approve').accepted, false, 'a stale gate id is refused');
    assert.equal(api.upgrades.runs.decide(id, gated.id, 'approve').accepted, true);

    const done = await until('the end of the run', 150_000, () => {
      const run = lastRun();
      return run && ['completed', 'completedWithFailures', 'aborted', 'failed'].includes(run.status) ? run : undefined;
    });
    // O4: instance 7 was never healthy and went back; O5: 1 of 20 upgraded is within 20%, so the run completes.
    assert.equal(done.status, 'completedWithFailures', done.outcome);
    const seven = done.instances.find((i) => i.id === '7');
    assert.equal(seven?.state, 'rolledBack');
    assert.equal(done.counts.rolledBack, 1);
    assert.equal(done.counts.succeeded, 19);
    assert.ok(logTexts().some((t) => /Rolling back instance 7/.test(t)), 'the log tells about the rollback');
    // The statuses the webview saw, in order, without repeats.
    const statuses = runMessages().map((m) => m.run!.status).filter((s, i, all) => s !== all[i - 1]);
    for (const expected of ['planned', 'running', 'waitingApproval', 'completedWithFailures']) assert.ok(statuses.includes(expected as RunView['status']), `${expected} missing from ${statuses.join(' → ')}`);
    assert.ok(statuses.indexOf('waitingApproval') < statuses.indexOf('completedWithFailures'));
  });

  it('lists the finished run in the history the webview receives, newest first', async () => {
    received.length = 0;
    await vscode.commands.executeCommand('vmssUpgrades.showHistory', id);
    const message = await until('a history message with our run', 30_000, () =>
      received.find((m): m is Extract<HostMessage, { type: 'history' }> => m.type === 'history' && m.history.some((e) => e.source === 'embedded')),
    );
    const [newest] = message.history;
    assert.equal(newest.source, 'embedded');
    assert.equal(newest.status, 'completedWithFailures');
    assert.equal(newest.rolledBack, 1);
    const starts = message.history.map((e) => e.startedAt ?? 0);
    assert.deepEqual(starts, [...starts].sort((a, b) => b - a));
  });
});
