// Issue 17 in the editor's run registry: a run refused by another run's lease reports the holder (the
// editor's message and its Break Lease… offer), and breaking a stale lease starts the plan again.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { scaleSetId } from '../../../src/azure/gateway';
import type { RunSummary } from '../../../src/core/contract';
import { JournalStore } from '../../../src/core/journal/journalStore';
import { formatLease, leaseTagName } from '../../../src/core/lease/leaseTag';
import { planFromAzure } from '../../../src/core/rollout';
import { loadScenario } from '../../../src/simulator/simulator-entry';
import { DashboardSession } from '../../../src/webview/dashboardSession';
import { RunRegistry } from '../../../src/webview/runRegistry';
import { simulatedAzure, type SimulatedAzure } from '../core/support/simulatedAzure';

const ref = { subscriptionId: '1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d', resourceGroup: 'rg-web', name: 'web-frontend' };
const id = scaleSetId(ref);

describe('RunRegistry: the scale set lease (issue 17, simulator, real SDK)', function () {
  this.timeout(120_000);
  let az: SimulatedAzure;
  let dir: string;

  beforeEach(async () => {
    az = await simulatedAzure(loadScenario('default'));
    dir = mkdtempSync(path.join(tmpdir(), 'registry-lease-'));
  });

  afterEach(async () => {
    await az.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('names the holder of a live lease; a stale one is broken only through breakLease, which starts the plan again', async () => {
    const refusals: { id: string; heldBy: NonNullable<RunSummary['leaseHeldBy']>; reason: string }[] = [];
    const sessions = new Map<string, DashboardSession>();
    const runs = new RunRegistry({
      journal: new JournalStore(dir),
      clock: az.clock,
      retry: { attempts: 3, firstDelayMs: 1, maxDelayMs: 2 },
      lease: { holder: 'me@editor' },
      gatewayFor: async () => az.gateway,
      session: (s) => {
        let session = sessions.get(s.toLowerCase());
        if (!session) sessions.set(s.toLowerCase(), (session = new DashboardSession({ id: s, name: ref.name, resourceGroup: ref.resourceGroup }, az.clock)));
        return session;
      },
      leaseRefused: (s, heldBy, reason) => refusals.push({ id: s, heldBy, reason }),
    });
    const planned = await planFromAzure(az.gateway, { ref, target: { kind: 'latest' }, strategy: { kind: 'percentage' } });
    assert.ok(planned.ok);
    const set = az.sim.world.scaleSets.find((s) => s.name === ref.name)!;

    set.tags[leaseTagName] = formatLease({ holder: 'bob@laptop', runId: 'live-run', expiresAt: az.clock.now() + 3_600_000 });
    runs.review(ref, planned.plan);
    assert.equal((await (await runs.start(id)).done)?.outcome, 'refused');
    assert.deepEqual(refusals.map((r) => [r.id, r.heldBy.holder, r.heldBy.expired]), [[id, 'bob@laptop', false]]);
    assert.match(refusals[0].reason, /held by bob@laptop \(run live-run\), until /);
    // A live lease is not broken, even when asked.
    assert.equal((await (await runs.breakLease(id)).done)?.outcome, 'refused');

    set.tags[leaseTagName] = formatLease({ holder: 'bob@laptop', runId: 'dead-run', expiresAt: az.clock.now() - 1 });
    runs.review(ref, planned.plan);
    assert.equal((await (await runs.start(id)).done)?.outcome, 'refused');
    assert.equal(refusals.at(-1)?.heldBy.expired, true);
    const summary = await (await runs.breakLease(id)).done;
    // The default scenario has an instance that never becomes healthy (rolled back): the run ran to its end.
    assert.equal(summary?.outcome, 'completedWithFailures', summary?.reason);
    assert.equal(set.tags[leaseTagName], undefined, 'released at the end');
    assert.equal(refusals.length, 3);
  });
});
