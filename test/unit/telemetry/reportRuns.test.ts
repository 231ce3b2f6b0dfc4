// One `run` event per finished orchestrator run, observed from the run registry (issue 8).
import * as assert from 'node:assert/strict';
import type { RolloutPlan, RunSummary } from '../../../src/core/contract';
import { CaptureSink } from '../../../src/telemetry/captureSink';
import { reportRuns } from '../../../src/telemetry/reportRuns';
import { Telemetry } from '../../../src/telemetry/telemetry';
import { findSensitiveData } from '../../../src/shared/redact';

const scaleSetId = '/subscriptions/0b7e3c1a-93f4-4f0e-8d8c-2f6a1b9e7d10/resourceGroups/rg-shop/providers/Microsoft.Compute/virtualMachineScaleSets/shop-web';

function plan(count: number, canary = 0): RolloutPlan {
  return { scaleSetId, instanceCount: count, strategy: { kind: 'updateDomain', canary } } as unknown as RolloutPlan;
}

function summary(outcome: RunSummary['outcome'], finished: number, rolledBack: number): RunSummary {
  return { runId: 'run-1', scaleSetId, target: 'Canonical/ubuntu/22_04-lts/22.04.202601010', outcome, durationMs: 90_000, batches: { planned: 5, finished }, instances: { total: 37, rolledBack } } as unknown as RunSummary;
}

function fakeRegistry() {
  const listeners = new Set<() => void>();
  let runs: Array<{ plan: RolloutPlan; done?: Promise<RunSummary> }> = [];
  return {
    onDidChange: (listener: () => void) => (listeners.add(listener), () => void listeners.delete(listener)),
    running: () => runs,
    set(next: typeof runs) {
      runs = next;
      for (const l of listeners) l();
    },
  };
}

describe('reportRuns', () => {
  it('reports a finished run once: strategy, canary, outcome, bucketed size, batches, rollbacks, duration — no ids', async () => {
    const telemetry = new Telemetry();
    const capture = new CaptureSink();
    telemetry.addSink(capture);
    const registry = fakeRegistry();
    reportRuns(telemetry, registry, () => 'simulator');
    let finish: (s: RunSummary) => void = () => undefined;
    const done = new Promise<RunSummary>((resolve) => (finish = resolve));
    const run = { plan: plan(37, 1), done };
    registry.set([run]);
    registry.set([run]); // more progress notifications of the same run
    finish(summary('completedWithFailures', 5, 2));
    await done;
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(capture.events, [
      {
        name: 'run',
        properties: { strategy: 'updateDomain', canary: 'yes', instanceCount: '11-50', connection: 'simulator', outcome: 'completedWithFailures' },
        measurements: { batches: 5, rollbacks: 2, durationMs: 90_000 },
        isError: false,
      },
    ]);
    assert.deepEqual(findSensitiveData(JSON.stringify(capture.events), ['shop-web', 'rg-shop', 'run-1']), []);
  });

  it('reports a run that threw as failed, through the error channel', async () => {
    const telemetry = new Telemetry();
    const capture = new CaptureSink();
    telemetry.addSink(capture);
    const registry = fakeRegistry();
    reportRuns(telemetry, registry, () => 'azure');
    const done = Promise.reject(new Error(`journal not writable for ${scaleSetId}`));
    done.catch(() => undefined);
    registry.set([{ plan: plan(3) }, { plan: plan(3), done }]);
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(capture.events.length, 1);
    assert.equal(capture.events[0].isError, true);
    assert.deepEqual(capture.events[0].properties, { strategy: 'updateDomain', canary: 'no', instanceCount: '3-10', connection: 'azure', outcome: 'failed' });
  });

  it('stops observing when disposed', async () => {
    const telemetry = new Telemetry();
    const capture = new CaptureSink();
    telemetry.addSink(capture);
    const registry = fakeRegistry();
    reportRuns(telemetry, registry, () => 'azure')();
    registry.set([{ plan: plan(3), done: Promise.resolve(summary('succeeded', 1, 0)) }]);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(capture.events, []);
  });
});
