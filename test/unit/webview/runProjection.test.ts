import * as assert from 'node:assert/strict';
import type { ResolvedTarget, RunEvent, RunSummary } from '../../../src/core/contract';
import { planRollout } from '../../../src/core/planner/planRollout';
import { resolvePolicy } from '../../../src/core/policy';
import { RunProjection } from '../../../src/webview/runProjection';

const image = { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server' };
const target: ResolvedTarget = {
  request: { kind: 'latest' },
  method: 'reimage',
  image: { ...image, exactVersion: '2.0.0' },
  previousModelImage: { ...image, version: 'latest' },
  description: 'Canonical/ubuntu-24_04-lts/server 2.0.0',
  rollbackMethod: 'reimageExactVersion',
};

function plan(count: number, onTarget: number[] = []) {
  const policy = resolvePolicy({ upgradePolicy: {} });
  if (!policy.ok) throw new Error(policy.errors.join());
  const instances = Array.from({ length: count }, (_, i) => ({
    instanceId: String(i),
    name: `web_${i}`,
    updateDomain: i % 5,
    faultDomain: i % 2,
    health: 'healthy' as const,
    image: { ...image, version: 'latest', exactVersion: onTarget.includes(i) ? '2.0.0' : '1.0.0' },
    latestModelApplied: true,
  }));
  return planRollout({ scaleSetId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachineScaleSets/web', instances, target, policy: policy.policy, strategy: { kind: 'percentage', canary: 1 }, gates: { afterCanary: true } });
}

let t = 1_000;
const at = () => (t += 1000);
const ev = (e: Record<string, unknown>) => ({ runId: 'r1', at: at(), ...e }) as RunEvent;

describe('RunProjection: executor events → dashboard run view', () => {
  it('starts as a plan under review with every instance pending and the skipped ones marked', () => {
    const p = new RunProjection('r1', plan(10, [9]));
    const view = p.view();
    assert.equal(view.status, 'planned');
    assert.equal(view.counts.total, 10);
    assert.equal(view.counts.pending, 9);
    assert.equal(view.instances.find((i) => i.id === '9')?.state, 'upToDate');
    assert.equal(view.batches[0].label, 'canary');
    assert.match(view.strategy, /canary of 1/);
    assert.deepEqual(view.thresholds, { maxUnhealthyUpgradedPercent: 20, maxUnhealthyPercent: 20 });
  });

  it('issue 16: a run waiting for its maintenance window says so, with when the window opens', () => {
    const p = new RunProjection('r1', plan(10));
    p.apply(ev({ type: 'run', state: 'running' }));
    const opens = Date.parse('2026-12-05T22:00:00Z');
    p.apply(ev({ type: 'run', state: 'waitingForWindow', message: 'Waiting for the maintenance window until 2026-12-05T22:00:00.000Z (batch 2).' }));
    p.sync({ batches: [], instances: {}, waitingForWindowUntil: opens });
    assert.equal(p.view().status, 'waitingForWindow');
    assert.equal(p.view().windowOpensAt, opens);
    p.apply(ev({ type: 'run', state: 'running' }));
    p.sync({ batches: [], instances: {} });
    assert.equal(p.view().status, 'running');
    assert.equal(p.view().windowOpensAt, undefined, 'no window time once it runs again');
  });

  it('moves instances and batches along and counts them', () => {
    const p = new RunProjection('r1', plan(10));
    p.apply(ev({ type: 'run', state: 'running' }));
    p.apply(ev({ type: 'batch', index: 0, state: 'moving', instanceIds: ['0'] }));
    p.apply(ev({ type: 'instance', instanceId: '0', state: 'moving', batch: 0 }));
    let view = p.view();
    assert.equal(view.status, 'running');
    assert.equal(view.batches[0].status, 'running');
    assert.equal(view.instances.find((i) => i.id === '0')?.state, 'upgrading');
    assert.equal(view.counts.inProgress, 1);
    p.apply(ev({ type: 'instance', instanceId: '0', state: 'succeeded', batch: 0 }));
    p.apply(ev({ type: 'batch', index: 0, state: 'succeeded', instanceIds: ['0'] }));
    view = p.view();
    assert.equal(view.counts.succeeded, 1);
    assert.equal(view.instances.find((i) => i.id === '0')?.version, '2.0.0');
    assert.ok(view.batches[0].endedAt! > view.batches[0].startedAt!);
  });

  it('O4: an instance that never becomes healthy shows unhealthy, then rolled back, and is logged as a warning', () => {
    const p = new RunProjection('r1', plan(10));
    p.apply(ev({ type: 'instance', instanceId: '3', state: 'waitingHealth', batch: 1 }));
    const health = p.apply(ev({ type: 'health', instanceId: '3', health: 'unknown', batch: 1 }));
    assert.equal(health[0].level, 'warning');
    assert.equal(p.view().instances.find((i) => i.id === '3')?.state, 'unhealthy');
    p.apply(ev({ type: 'instance', instanceId: '3', state: 'failed', batch: 1, detail: 'not healthy within 5 minutes (O4)' }));
    const rollback = p.apply(ev({ type: 'rollback', instanceId: '3', toVersion: '1.0.0', state: 'started' }));
    assert.match(rollback[0].text, /Rolling back instance 3 to 1\.0\.0/);
    p.apply(ev({ type: 'instance', instanceId: '3', state: 'rolledBack', batch: 1 }));
    const view = p.view();
    assert.equal(view.instances.find((i) => i.id === '3')?.state, 'rolledBack');
    assert.equal(view.counts.rolledBack, 1);
    assert.equal(view.counts.failed, 0);
  });

  it('logs a health reading only when it changes', () => {
    const p = new RunProjection('r1', plan(10));
    assert.equal(p.apply(ev({ type: 'health', instanceId: '1', health: 'initializing', batch: 0 })).length, 1);
    assert.equal(p.apply(ev({ type: 'health', instanceId: '1', health: 'initializing', batch: 0 })).length, 0);
    assert.equal(p.apply(ev({ type: 'health', instanceId: '1', health: 'healthy', batch: 0 })).length, 1);
  });

  it('opens and closes a gate with an id the webview must echo', () => {
    const p = new RunProjection('r1', plan(10));
    p.apply(ev({ type: 'run', state: 'awaitingApproval' }));
    p.apply(ev({ type: 'gate', afterBatch: 0, reason: 'canary', state: 'open' }));
    const view = p.view();
    assert.equal(view.status, 'waitingApproval');
    assert.equal(view.gate?.id, 'gate-0');
    assert.equal(p.gateId, 'gate-0');
    assert.match(view.gate!.title, /canary/);
    p.apply(ev({ type: 'gate', afterBatch: 0, reason: 'canary', state: 'approved' }));
    assert.equal(p.view().gate, undefined);
  });

  it('keeps "cancelling" until the executor reports the end, then shows the outcome', () => {
    const p = new RunProjection('r1', plan(10));
    p.apply(ev({ type: 'run', state: 'running' }));
    p.markCancelling();
    p.apply(ev({ type: 'run', state: 'running' }));
    assert.equal(p.view().status, 'cancelling');
    const summary = { reason: 'cancelled by the user' } as RunSummary;
    const lines = p.apply(ev({ type: 'finished', outcome: 'cancelled', summary }));
    assert.equal(p.view().status, 'cancelled');
    assert.equal(p.view().outcome, 'cancelled by the user');
    assert.ok(p.finished);
    assert.equal(lines[0].level, 'warning');
  });

  it('O5: an abort is an error in the log and the run shows as aborted', () => {
    const p = new RunProjection('r1', plan(10));
    const check = p.apply(ev({ type: 'check', rule: 'O5', ok: false, unhealthy: 2, total: 5, limitPercent: 20 }));
    assert.equal(check[0].level, 'error');
    assert.match(check[0].text, /O5: 2 of 5 unhealthy \(limit 20%\) — limit exceeded/);
    p.apply(ev({ type: 'finished', outcome: 'aborted', summary: { reason: 'O5 exceeded' } as RunSummary }));
    assert.equal(p.view().status, 'aborted');
  });
  it('O8 maxSurge: new instances get cells mid-run and join their batch; deleted instances leave the heat map', () => {
    const p = new RunProjection('r1', plan(4));
    p.apply(ev({ type: 'surge', batch: 0, state: 'scalingOut', instanceIds: ['0'] }));
    p.apply(ev({ type: 'surge', batch: 0, state: 'created', instanceIds: ['4'], created: [{ instanceId: '4', name: 'web_4', replaces: '0', updateDomain: 4, faultDomain: 0 }] }));
    let view = p.view();
    const created = view.instances.find((i) => i.id === '4');
    assert.equal(created?.state, 'waitingHealth');
    assert.equal(created?.updateDomain, 4);
    assert.match(created?.detail ?? '', /replaces 0/);
    assert.deepEqual(view.batches[0].instanceIds, ['0', '4']);
    assert.equal(view.counts.total, 5);
    p.apply(ev({ type: 'instance', instanceId: '4', state: 'succeeded', batch: 0 }));
    const lines = p.apply(ev({ type: 'surge', batch: 0, state: 'deleted', instanceIds: ['0'] }));
    view = p.view();
    assert.equal(view.instances.some((i) => i.id === '0'), false);
    assert.deepEqual(view.batches[0].instanceIds, ['4']);
    assert.equal(view.counts.total, 4);
    assert.equal(view.counts.succeeded, 1);
    assert.match(lines[0].text, /deleted 0/);
  });

  it('O8 maxSurge: a refused scale-out is logged as a warning; a sync drops deleted instances and adds new ones', () => {
    const p = new RunProjection('r1', plan(3));
    const lines = p.apply(ev({ type: 'surge', batch: 0, state: 'refused', instanceIds: ['0'], message: 'quota' }));
    assert.equal(lines[0].level, 'warning');
    p.sync({ batches: [{ index: 0, kind: 'canary', state: 'started', instanceIds: ['0'] }], instances: { '1': 'pending', '2': 'pending', '3': 'waitingHealth' } });
    const ids = p.view().instances.map((i) => i.id).sort();
    assert.deepEqual(ids, ['1', '2', '3']);
    assert.equal(p.view().instances.find((i) => i.id === '3')?.state, 'waitingHealth');
  });

  it('issue 16: shows the bake (countdown end, state) and each gate verdict with the alerts that fired', () => {
    const p = new RunProjection('r1', plan(10));
    const started = ev({ type: 'bake', batch: 0, state: 'started', endsAt: 900_000 });
    const lines = p.apply(started);
    assert.match(lines[0].text, /^Batch 1: baking until 00:15:00 UTC$/);
    assert.deepEqual(p.view().bake, { batch: 0, state: 'baking', startedAt: started.at, endsAt: 900_000, gates: [] });
    assert.equal(p.view().batches[0].status, 'baking', 'the batch row says it bakes');
    p.apply(
      ev({
        type: 'bake',
        batch: 0,
        state: 'breached',
        endsAt: 900_000,
        verdicts: [
          { gate: 'health', ok: true, detail: '1 moved instance(s) healthy' },
          { gate: 'alerts', ok: false, detail: "1 alert(s) fired: 'cpu-high'", alerts: [{ id: '/x/providers/Microsoft.AlertsManagement/alerts/1', name: 'cpu-high', severity: 'Sev2', targetResource: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachineScaleSets/web', startDateTime: '2026-11-01T00:05:00.000Z', monitorCondition: 'Fired' }] },
        ],
      }),
    );
    const bake = p.view().bake!;
    assert.equal(bake.state, 'breached');
    assert.equal(bake.startedAt, started.at, 'the bake keeps its start across its events');
    assert.deepEqual(bake.gates[1].alerts, [{ name: 'cpu-high', severity: 'Sev2', startDateTime: '2026-11-01T00:05:00.000Z', target: 'web' }]);
  });

  it('issue 16: a metric gate verdict carries its evidence to the bake card and names the metric gate at the breach gate', () => {
    const p = new RunProjection('r1', plan(10));
    p.apply(ev({ type: 'bake', batch: 0, state: 'started', endsAt: 900_000 }));
    const metric = { text: 'Percentage CPU>90 avg PT5M', points: 3, worst: { timeStamp: '2026-11-01T00:10:00.000Z', value: 96 }, breaches: [{ timeStamp: '2026-11-01T00:10:00.000Z', value: 96 }] };
    const lines = p.apply(ev({ type: 'bake', batch: 0, state: 'breached', endsAt: 900_000, verdicts: [{ gate: 'health', ok: true, detail: 'ok' }, { gate: 'metric', ok: false, detail: 'Percentage CPU>90 avg PT5M: 1 interval(s) crossed the threshold, first 96 at 2026-11-01T00:10:00.000Z', metric }] }));
    assert.match(lines[0].text, /metric BREACHED: Percentage CPU>90 avg PT5M: 1 interval\(s\) crossed/);
    assert.deepEqual(p.view().bake!.gates[1], { gate: 'metric', ok: false, detail: 'Percentage CPU>90 avg PT5M: 1 interval(s) crossed the threshold, first 96 at 2026-11-01T00:10:00.000Z', metric });
    p.apply(ev({ type: 'gate', afterBatch: 0, reason: 'breach', state: 'open' }));
    assert.match(JSON.stringify(p.view().gate), /Metric gate: Percentage CPU>90 avg PT5M: 1 interval/);
  });
});
