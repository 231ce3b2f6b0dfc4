// The run registry drives the real core executor through the real SDK against the simulator (in
// memory, virtual clock), and feeds dashboard sessions: what the dashboard shows is asserted.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { scaleSetId } from '../../../src/azure/gateway';
import { JournalStore } from '../../../src/core/journal/journalStore';
import { planFromAzure } from '../../../src/core/rollout';
import { loadScenario } from '../../../src/simulator/simulator-entry';
import type { HostMessage } from '../../../src/webview/contract';
import { DashboardSession } from '../../../src/webview/dashboardSession';
import { RunRegistry } from '../../../src/webview/runRegistry';
import { simulatedAzure, type SimulatedAzure } from '../core/support/simulatedAzure';
import { waitFor } from '../support/waitFor';

const ref = { subscriptionId: '1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d', resourceGroup: 'rg-web', name: 'web-frontend' };
const id = scaleSetId(ref);
const retry = { attempts: 3, firstDelayMs: 1, maxDelayMs: 2 };

describe('RunRegistry: embedded runs feeding the dashboard (simulator, real SDK)', function () {
  this.timeout(120_000);
  let az: SimulatedAzure;
  let dir: string;
  let journal: JournalStore;

  beforeEach(async () => {
    az = await simulatedAzure(loadScenario('default'));
    dir = mkdtempSync(path.join(tmpdir(), 'registry-'));
    journal = new JournalStore(dir);
  });

  afterEach(async () => {
    await az.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  function registry(sessions: Map<string, DashboardSession>, finished: string[] = []) {
    return new RunRegistry({
      journal,
      clock: az.clock,
      retry,
      gatewayFor: async () => az.gateway,
      session: (s) => {
        let session = sessions.get(s.toLowerCase());
        if (!session) sessions.set(s.toLowerCase(), (session = new DashboardSession({ id: s, name: ref.name, resourceGroup: ref.resourceGroup }, az.clock)));
        return session;
      },
      finished: (s) => finished.push(s),
    });
  }

  async function plan(gates = { afterCanary: true }) {
    const planned = await planFromAzure(az.gateway, { ref, target: { kind: 'latest' }, strategy: { kind: 'percentage', canary: 1 }, gates });
    assert.ok(planned.ok);
    return planned.plan;
  }

  it('reviews a plan (dry run), runs it through the canary gate, and shows the O4 rollback and the outcome', async () => {
    const sessions = new Map<string, DashboardSession>();
    const finished: string[] = [];
    const runs = registry(sessions, finished);
    const messages: HostMessage[] = [];
    runs.review(ref, await plan());
    sessions.get(id.toLowerCase())!.subscribe((m) => messages.push(m));
    assert.equal(runs.get(id)?.view().status, 'planned');
    assert.equal(runs.get(id)?.phase, 'review');
    assert.deepEqual(await runs.control(id, 'pause'), { accepted: false, message: 'The run is not running.' });

    await runs.control(id, 'start');
    const gate = await waitFor('the canary gate', () => runs.get(id)?.view().gate);
    assert.equal(runs.running().length, 1);
    assert.equal(runs.decide(id, 'gate-99', 'approve').accepted, false, 'a gate id the dashboard did not show is refused');
    assert.equal(runs.decide(id, gate.id, 'approve').accepted, true);
    const summary = await runs.get(id)!.done!;

    assert.equal(summary.outcome, 'completedWithFailures');
    const view = runs.get(id)!.view();
    assert.equal(view.status, 'completedWithFailures');
    assert.equal(view.instances.find((i) => i.id === '7')?.state, 'rolledBack');
    assert.equal(view.counts.succeeded, 19);
    assert.equal(runs.get(id)?.phase, 'finished');
    assert.deepEqual(runs.running(), []);
    assert.deepEqual(finished, [id]);
    const log = sessions.get(id.toLowerCase())!.snapshot().log.map((e) => e.text);
    assert.ok(log.some((t) => t.startsWith('Plan (dry run)')));
    assert.ok(log.some((t) => /Rolling back instance 7/.test(t)));
    const statuses = messages.flatMap((m) => (m.type === 'run' && m.run ? [m.run.status] : []));
    assert.ok(statuses.includes('waitingApproval') && statuses.at(-1) === 'completedWithFailures', statuses.join(' → '));
  });

  it('after a "reload" shows the unfinished run from the journal as interrupted, then resumes it to the end', async () => {
    const before = registry(new Map());
    before.review(ref, await plan());
    await before.control(id, 'start');
    const runId = (await waitFor('the gate', () => (before.get(id)?.view().gate ? before.get(id) : undefined))).runId!;

    // A new window: a new registry over the same journal; the old executor is simply left waiting.
    const sessions = new Map<string, DashboardSession>();
    const after = registry(sessions);
    assert.deepEqual(journal.unfinished(id).map((r) => r.runId), [runId]);
    const shown = after.showInterrupted(runId)!;
    assert.equal(shown.phase, 'interrupted');
    assert.equal(shown.view().status, 'interrupted');
    assert.equal(shown.view().counts.succeeded, 1, 'the canary is shown as done');
    assert.deepEqual(await after.control(id, 'resume'), { accepted: true });
    const gate = await waitFor('the gate again after resume', () => after.get(id)?.view().gate);
    assert.equal(after.decide(id, gate.id, 'reject').accepted, true);
    const summary = await after.get(id)!.done!;
    assert.equal(summary.outcome, 'rejected');
    assert.ok(sessions.get(id.toLowerCase())!.snapshot().log.some((e) => /Resuming run .* from its journal/.test(e.text)));
  });
});
