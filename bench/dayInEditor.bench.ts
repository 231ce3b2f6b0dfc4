// "A day in the editor" (issue 18): what the extension host holds after hours with the Scale Sets tree
// open on 1,000 sets and a dashboard following runs. Run with
//   node --expose-gc --import tsx bench/dayInEditor.bench.ts
// The in-process pieces without VS Code, as the extension wires them: ScaleSetTreeModel (every
// subscription expanded, refreshed every 20 minutes), ScaleSetWatcher + LookedAt polling the set a run
// is moving, a RunRegistry running the real core executor back to back (a newer image is published before
// each run) and a DashboardSession with a subscribed "webview". The simulator is in memory on a virtual
// clock: 2 simulated hours take a minute or two. Every 10 simulated minutes it samples the heap (after
// gc), the live timers (process.getActiveResourcesInfo()) and the listeners the pieces hold, and at the
// end says whether the second hour grows.
import { getEventListeners } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ArmGateway } from '../src/azure/armGateway';
import { scaleSetId } from '../src/azure/gateway';
import type { AzureAccess } from '../src/connection/azureAccess';
import { JournalStore } from '../src/core/journal/journalStore';
import { planFromAzure } from '../src/core/rollout';
import { loadScenario, type Scenario } from '../src/simulator/simulator-entry';
import { DashboardSession } from '../src/webview/dashboardSession';
import { RunRegistry } from '../src/webview/runRegistry';
import { LookedAt } from '../src/views/lookedAt';
import { ScaleSetWatcher } from '../src/views/scaleSetWatcher';
import { ScaleSetTreeModel } from '../src/views/treeModel';
import { simulatedAzure } from '../test/unit/core/support/simulatedAzure';

export interface DayOptions {
  readonly subscriptions: number;
  readonly setsPerSubscription: number;
  readonly simulatedMinutes: number;
  readonly sampleEveryMinutes: number;
  readonly refreshEveryMinutes: number;
}

export interface DaySample {
  readonly minute: number;
  readonly heapMb: number;
  readonly timers: number;
  readonly listeners: number;
  readonly runs: number;
  readonly requests: number;
  /** Entries in the dashboard's event log (capped at maxLogEntries by design). */
  readonly dashboardLog: number;
}

const minuteMs = 60_000;
const image = { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server' };
const runRef = { subscriptionId: '7e000000-0000-4000-8000-000000000000', resourceGroup: 'rg-day', name: 'day-run' };

/** The default world plus `subscriptions` × `setsPerSubscription` two-instance sets and the set the runs move. */
function estate(options: DayOptions): Scenario {
  const base = loadScenario('default');
  const tenantId = base.tenants[0].tenantId;
  const subs = Array.from({ length: options.subscriptions }, (_, i) => ({ subscriptionId: `${String(i).padStart(8, '0')}-0000-4000-8000-000000000000`, displayName: `Subscription ${String(i).padStart(2, '0')}`, tenantId }));
  const templates = base.scaleSets.filter((s) => s.healthSignal?.kind !== 'probe');
  const sets = subs.flatMap((sub, i) =>
    Array.from({ length: options.setsPerSubscription }, (_, j) => {
      const template = templates[(i + j) % templates.length];
      return { ...template, subscriptionId: sub.subscriptionId, name: `${template.name}-${j}`, instances: { count: 2 } };
    }),
  );
  const runSet = {
    ...runRef,
    location: 'westeurope',
    zones: ['1', '2', '3'],
    image: { ...image, version: 'latest' },
    healthSignal: { kind: 'extension' as const },
    upgradePolicy: { mode: 'Manual' },
    instances: { count: 10 },
  };
  const allSubs = [...base.subscriptions, ...subs, { subscriptionId: runRef.subscriptionId, displayName: 'Day run', tenantId }];
  // Compute's read budget applies per subscription in Azure.
  const budgets = (base.throttling?.budgets ?? []).flatMap((b) => allSubs.map((sub) => ({ ...b, path: `^/subscriptions/${sub.subscriptionId}/.*/providers/Microsoft\\.Compute/` })));
  return { ...base, startTime: '2026-11-01T08:00:00Z', subscriptions: allSubs, scaleSets: [...base.scaleSets, ...sets, runSet] as Scenario['scaleSets'], throttling: { budgets } };
}

function accessOver(gateway: ArmGateway): AzureAccess {
  return { cloud: 'Simulator', endpoint: 'memory', gateway: () => gateway, stats: () => gateway.stats };
}

async function loadExpanded(model: ScaleSetTreeModel): Promise<number> {
  const root = await model.getChildren(undefined);
  const levels = await Promise.all(root.filter((n) => n.kind === 'subscription').map((n) => model.getChildren(n)));
  return levels.flat().filter((n) => n.kind === 'scaleSet').length;
}

export async function runDayInEditorBench(options: DayOptions, log: (line: string) => void = console.log): Promise<{ samples: DaySample[]; secondHalfGrows: boolean }> {
  const gc = (globalThis as { gc?: () => void }).gc;
  const az = await simulatedAzure(estate(options), { simulatedPollMs: 2000 });
  const dir = mkdtempSync(path.join(tmpdir(), 'vmss-day-'));
  const start = az.clock.now();
  const end = start + options.simulatedMinutes * minuteMs;
  let stopping = false;
  let runsDone = 0;
  const treeGateway = az.newGateway();
  const model = new ScaleSetTreeModel({ access: async () => accessOver(treeGateway), selectedSubscriptions: () => [], onNodesChanged: () => undefined });
  const lookedAt = new LookedAt();
  const watcher = new ScaleSetWatcher(model, () => undefined, az.clock, 5000, lookedAt);
  const session = new DashboardSession({ id: scaleSetId(runRef), name: runRef.name, resourceGroup: runRef.resourceGroup }, az.clock);
  let webviewMessages = 0;
  const unsubscribe = session.subscribe(() => webviewMessages++); // the open dashboard's webview
  const runs = new RunRegistry({
    journal: new JournalStore(dir),
    clock: az.clock,
    gatewayFor: async () => az.gateway,
    session: () => session,
    watch: (ref, until) => void watcher.watch(ref, until),
  });
  const samples: DaySample[] = [];
  let requests = 0;
  try {
    const sets = await loadExpanded(model);
    for (const sub of await model.getChildren(undefined)) lookedAt.setExpanded(sub.key, true);
    log(`a day in the editor: the tree on ${sets} scale sets in ${options.subscriptions + 3} subscriptions (all expanded, refreshed every ${options.refreshEveryMinutes} min), a dashboard following back-to-back runs on a 10-instance set; ${options.simulatedMinutes} simulated minutes, virtual clock${gc ? '' : ' (no --expose-gc: heap not collected before sampling)'}`);

    const runLoop = (async () => {
      for (let n = 0; !stopping; n++) {
        az.sim.publishImageVersion({ ...image, version: `24.04.${202501010 + n}`, location: 'westeurope' });
        const planned = await planFromAzure(az.gateway, { ref: runRef, target: { kind: 'latest' }, strategy: { kind: 'percentage' } }, az.clock);
        if (!planned.ok) throw new Error(planned.errors.join('; '));
        runs.review(runRef, planned.plan);
        const run = await runs.start(scaleSetId(runRef));
        await run.done;
        runsDone++;
      }
    })();
    const refreshLoop = (async () => {
      for (let at = start + options.refreshEveryMinutes * minuteMs; at < end && !stopping; at += options.refreshEveryMinutes * minuteMs) {
        await az.clock.sleep(at - az.clock.now());
        model.invalidate();
        await loadExpanded(model);
      }
    })();

    log(`  ${'minute'.padStart(6)} ${'heap MB'.padStart(8)} ${'timers'.padStart(6)} ${'listeners'.padStart(9)} ${'runs'.padStart(4)} ${'requests'.padStart(8)} ${'dashboard log'.padStart(13)}`);
    for (let at = start + options.sampleEveryMinutes * minuteMs; at <= end; at += options.sampleEveryMinutes * minuteMs) {
      await az.clock.sleep(at - az.clock.now());
      // The simulator is Azure: in the extension it runs in its own process. Its request log (every
      // request it ever answered) would otherwise count as the extension host's heap.
      const simulatorLog = (az.sim as unknown as { log: { clear(): void } }).log;
      requests += az.sim.requests().length;
      simulatorLog.clear();
      gc?.();
      const generation = (model as unknown as { generation: AbortController }).generation.signal;
      const sessionListeners = (session as unknown as { listeners: Set<unknown> }).listeners.size;
      const registryListeners = (runs as unknown as { listeners: Set<unknown> }).listeners.size;
      const sample: DaySample = {
        minute: Math.round((at - start) / minuteMs),
        heapMb: process.memoryUsage().heapUsed / 2 ** 20,
        timers: process.getActiveResourcesInfo().filter((r) => r === 'Timeout' || r === 'Immediate').length,
        listeners: getEventListeners(generation, 'abort').length + sessionListeners + registryListeners + lookedAt.waiting,
        runs: runsDone,
        requests,
        dashboardLog: session.snapshot().log.length,
      };
      samples.push(sample);
      log(`  ${String(sample.minute).padStart(6)} ${sample.heapMb.toFixed(1).padStart(8)} ${String(sample.timers).padStart(6)} ${String(sample.listeners).padStart(9)} ${String(sample.runs).padStart(4)} ${String(sample.requests).padStart(8)} ${String(sample.dashboardLog).padStart(13)}`);
    }
    stopping = true;
    await refreshLoop;
    void runLoop.catch(() => undefined);

    const secondHalf = samples.filter((s) => s.minute > options.simulatedMinutes / 2);
    const firstHalf = samples.filter((s) => s.minute <= options.simulatedMinutes / 2);
    const most = (list: DaySample[], pick: (s: DaySample) => number) => Math.max(...list.map(pick));
    // The heap is a saw (the tree's refresh, the runs' phases): peaks are compared with peaks. Flat: the
    // second half's peak within 5% of the first half's, and never more timers or listeners than then.
    const heapPeaks = [most(firstHalf, (s) => s.heapMb), most(secondHalf, (s) => s.heapMb)];
    const timerPeaks = [most(firstHalf, (s) => s.timers), most(secondHalf, (s) => s.timers)];
    const listenerPeaks = [most(firstHalf, (s) => s.listeners), most(secondHalf, (s) => s.listeners)];
    const secondHalfGrows = heapPeaks[1] > heapPeaks[0] * 1.05 || timerPeaks[1] > timerPeaks[0] || listenerPeaks[1] > listenerPeaks[0];
    log(
      `  peaks, first half → second half: heap ${heapPeaks[0].toFixed(1)} → ${heapPeaks[1].toFixed(1)} MB, timers ${timerPeaks[0]} → ${timerPeaks[1]}, listeners ${listenerPeaks[0]} → ${listenerPeaks[1]}: ` +
        `second half ${secondHalfGrows ? 'GROWS' : 'flat'}; ${webviewMessages} dashboard messages, ${runsDone} runs`,
    );
    return { samples, secondHalfGrows };
  } finally {
    stopping = true;
    unsubscribe();
    watcher.dispose();
    model.dispose();
    await az.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  void runDayInEditorBench({
    subscriptions: Number(process.env.BENCH_SUBSCRIPTIONS ?? 50),
    setsPerSubscription: Number(process.env.BENCH_SETS ?? 20),
    simulatedMinutes: Number(process.env.BENCH_MINUTES ?? 120),
    sampleEveryMinutes: 10,
    refreshEveryMinutes: 20,
  }).then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
