// Issue 15 in the editor: a rehearsal is shown in the set's dashboard labelled as one (with what it
// assumed), its gates wait for the person, it leaves the live set untouched and, once finished, one
// action runs the same plan on the live set — refused while the rehearsal still runs.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { scaleSetId } from '../../../src/azure/gateway';
import { JournalStore } from '../../../src/core/journal/journalStore';
import { readLiveSet } from '../../../src/rehearsal/readLiveSet';
import { startRehearsal } from '../../../src/rehearsal/runRehearsal';
import { scenarioFromLive } from '../../../src/rehearsal/scenarioFromLive';
import { loadScenario } from '../../../src/simulator/simulator-entry';
import { DashboardSession } from '../../../src/webview/dashboardSession';
import { RunRegistry } from '../../../src/webview/runRegistry';
import { simulatedAzure, type SimulatedAzure } from '../core/support/simulatedAzure';
import { waitFor } from '../support/waitFor';

const ref = { subscriptionId: '1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d', resourceGroup: 'rg-web', name: 'web-frontend' };
const id = scaleSetId(ref);

describe('a rehearsal in the dashboard, then the real run (issue 15)', function () {
  this.timeout(120_000);
  let az: SimulatedAzure;
  let dir: string;

  beforeEach(async () => {
    az = await simulatedAzure(loadScenario('default'));
    dir = mkdtempSync(path.join(tmpdir(), 'rehearsal-'));
  });
  afterEach(async () => {
    await az.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is labelled, waits at its gate for the person, changes nothing live, then runs for real', async () => {
    const session = new DashboardSession({ id, name: ref.name, resourceGroup: ref.resourceGroup }, az.clock);
    const journal = new JournalStore(dir);
    const runs = new RunRegistry({ journal, clock: az.clock, retry: { attempts: 3, firstDelayMs: 1, maxDelayMs: 2 }, gatewayFor: async () => az.gateway, session: () => session });
    const live = () => az.sim.world.scaleSets.find((s) => s.name === ref.name)!.instances.map((i) => i.osImage.version);
    const before = live();
    const { scenario, notes } = scenarioFromLive(await readLiveSet(az.gateway, ref), az.clock.now());
    const start = await startRehearsal({ scenario, notes, target: { kind: 'latest' }, strategy: { kind: 'count', count: 5, canary: 1 }, gates: { afterCanary: true }, faults: { neverHealthy: { ids: ['7'] } }, approveGates: false, timeScale: 3000 });
    assert.ok(start.ok);
    const tracked = runs.rehearse(ref, start.started);
    assert.equal(tracked.rehearsal, true);
    const assumptions = session.currentRun?.rehearsal?.assumptions ?? [];
    assert.ok(assumptions.some((a) => a === 'never healthy on the new image: 7'), assumptions.join(' | '));
    assert.ok(!assumptions.some((a) => /gates are approved/.test(a)), 'the person answers the gates in the editor');
    // The canary's gate waits for the person; the real run cannot start meanwhile.
    const gate = await waitFor('the canary gate', () => session.currentRun?.gate);
    assert.equal((await runs.control(id, 'runForReal')).accepted, false);
    assert.equal(runs.decide(id, gate.id, 'approve').accepted, true);
    await tracked.done;
    const rehearsed = session.currentRun!;
    assert.ok(rehearsed.rehearsal, 'the finished view is still labelled a rehearsal');
    assert.ok(rehearsed.instances.some((i) => i.id === '7' && (i.state === 'rolledBack' || i.state === 'failed')), 'instance 7 failed in the rehearsal');
    assert.deepEqual(live(), before, 'the live set did not move');
    // One action: the same plan, on the live set, journaled in the user's journal.
    assert.equal((await runs.control(id, 'runForReal')).accepted, true);
    const real = runs.get(id)!;
    assert.equal(real.rehearsal, undefined);
    assert.equal(session.currentRun?.rehearsal, undefined);
    assert.deepEqual(real.plan.batches.map((b) => b.instances.map((i) => i.instanceId)), start.started.plan.batches.map((b) => b.instances.map((i) => i.instanceId)));
    const realGate = await waitFor('the real canary gate', () => session.currentRun?.gate);
    runs.decide(id, realGate.id, 'approve');
    await real.done;
    const summary = await real.done!;
    assert.ok(live().some((v, n) => v !== before[n]), `the real run moved the live set (${summary.outcome}: ${summary.reason ?? ''})`);
    assert.equal(journal.list().length, 1, 'only the real run is in the journal');
  });
});
