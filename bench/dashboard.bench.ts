// Benchmarks of issue 6, run with `npx tsx bench/dashboard.bench.ts` after `node scripts/build.mjs`
// (it loads the real client bundle dist/webview/dashboard.js in Debian's Chromium):
//  (a) what the user waits for when a dashboard opens on a long run: a snapshot with a 10,000-event
//      log (and a 20-instance run) from message dispatch to the painted frame (the newest 500 rows are
//      rendered, the rest a button press away); one more log message of 100 events appended to it;
//  (b) the delay from a state change in the simulator to the dashboard showing it: Azure's rolling
//      upgrade on a 100-instance set is cancelled on the in-process simulator (HTTPS, time scale 60);
//      the product's watcher (watchPlatformUpgrade, 10 s simulated between reads, as the command uses)
//      feeds a DashboardSession whose messages go to the page; measured from the cancel request's
//      completion to the frame that shows "Cancelled".
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ArmGateway } from '../src/azure/armGateway';
import { createClientFactory } from '../src/azure/clientFactory';
import { staticTokenCredential } from '../src/cli/connect';
import { Simulator } from '../src/simulator/simulator-entry';
import type { HostMessage, LogEntry } from '../src/webview/contract';
import { DashboardSession } from '../src/webview/dashboardSession';
import { platformPollMs, watchPlatformUpgrade } from '../src/webview/platformWatch';
import { parseCannedScenario, playScenario } from '../src/webview/scenarios/cannedScenario';
import { openDashboardPage, type DashboardPage } from './dashboardPage';

const root = path.resolve(__dirname, '..');

function stats(values: number[]): { median: number; p95: number; min: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95), min: sorted[0], max: sorted[sorted.length - 1] };
}

const round = (s: ReturnType<typeof stats>) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, Math.round(v * 10) / 10]));

async function renderLongHistory(page: DashboardPage): Promise<void> {
  const scenario = parseCannedScenario(JSON.parse(readFileSync(path.join(root, 'src/webview/scenarios/rolling-20-one-never-healthy.json'), 'utf8')));
  const clock = { now: () => scenario.events.at(-1)!.at, sleep: async () => {}, timeScale: 1 };
  const session = new DashboardSession(scenario.scaleSet, clock);
  await playScenario(session, scenario, { speed: 0 });
  await new Promise((r) => setTimeout(r, 0));
  const base = session.snapshot();
  const words = ['Instance 7: waitingHealth', 'Batch 3: moving', 'O6: 0 of 20 unhealthy (limit 20%) — ok', 'Rolling back instance 7 to 24.04.202510010 (O4)'];
  const log: LogEntry[] = Array.from({ length: 10_000 }, (_, i) => ({ seq: i, at: base.clock.now - (10_000 - i) * 1000, level: i % 97 === 0 ? 'warning' : 'info', text: `${words[i % words.length]} (#${i})` }));
  const snapshot: HostMessage = { type: 'snapshot', state: { ...base, log } };
  const append: HostMessage = { type: 'log', entries: Array.from({ length: 100 }, (_, i) => ({ seq: 10_000 + i, at: base.clock.now + i, level: 'info' as const, text: `appended #${i}` })) };
  const opens: number[] = [];
  const appends: number[] = [];
  for (let i = 0; i < 12; i++) {
    const open = await page.deliver(snapshot);
    const more = await page.deliver(append);
    if (i >= 2) {
      // The first two warm up the JIT and the style cache.
      opens.push(open);
      appends.push(more);
    }
  }
  // The newest 500 rows are in the DOM, the 100 appended ones after them; the rest is one press away.
  const rows = await page.page.locator('#event-log li').count();
  if (rows !== 600) throw new Error(`expected 600 log rows on the page, found ${rows}`);
  const earlier = await page.page.locator('[data-action="showEarlierLog"]').innerText();
  if (!earlier.includes('9500 not shown')) throw new Error(`the "show earlier" button says ${earlier}`);
  const pressStarted = await page.page.evaluate('performance.now()');
  await page.page.locator('[data-action="showEarlierLog"]').click();
  const pressMs = (await page.page.evaluate('new Promise((r) => requestAnimationFrame(() => setTimeout(() => r(performance.now()), 0)))')) as number - (pressStarted as number);
  console.log(JSON.stringify({ bench: 'dashboard: open with a 10,000-event log (dispatch → painted frame, ms)', samples: opens.length, ...round(stats(opens)) }));
  console.log(JSON.stringify({ bench: 'dashboard: append 100 events to a 10,000-event log (ms)', samples: appends.length, ...round(stats(appends)) }));
  console.log(JSON.stringify({ bench: 'dashboard: "show earlier events" (500 more rows, click → painted frame incl. Playwright round trip, ms)', samples: 1, value: Math.round(pressMs) }));
}

async function stateChangeToScreen(page: DashboardPage): Promise<void> {
  const sim = await Simulator.start({ scenario: 'default', timeScale: 60 });
  try {
    const url = new URL(sim.url);
    const gateway = new ArmGateway(createClientFactory({ credential: staticTokenCredential(), endpoint: sim.url, ca: sim.ca, allowedHosts: [url.hostname] }, 50));
    const ref = { subscriptionId: '2c3d4e5f-6071-4b8c-9d0e-1f2a3b4c5d6e', resourceGroup: 'rg-batch', name: 'batch-workers' };
    const id = `/subscriptions/${ref.subscriptionId}/resourceGroups/${ref.resourceGroup}/providers/Microsoft.Compute/virtualMachineScaleSets/${ref.name}`;
    // The newest image is published 1200 simulated seconds in (20 s real): wait for it, so there is something to roll out.
    await sim.clock.sleep(1_250_000);
    const session = new DashboardSession({ id, name: ref.name, resourceGroup: ref.resourceGroup }, sim.clock);
    let shown: (status: string) => void = () => {};
    const deliveries: Promise<unknown>[] = [];
    session.subscribe((m) => {
      const delivered = page.deliver(m).then(() => {
        if (m.type === 'platform' && m.platform) shown(m.platform.status);
      });
      deliveries.push(delivered);
    });
    await page.deliver({ type: 'snapshot', state: session.snapshot() });
    const delays: number[] = [];
    for (let i = 0; i < 6; i++) {
      const started = gateway.startOsRollingUpgrade(ref).catch(() => undefined);
      const watched = watchPlatformUpgrade({ gateway, ref, session, clock: sim.clock, intervalMs: platformPollMs, starting: started });
      await new Promise<void>((resolve) => (shown = (s) => s === 'RollingForward' && resolve()));
      const cancelled = new Promise<number>((resolve) => (shown = (s) => s === 'Cancelled' && resolve(performance.now())));
      await gateway.cancelRollingUpgrade(ref);
      const changed = performance.now();
      delays.push((await cancelled) - changed);
      await watched;
      await started;
    }
    await Promise.all(deliveries);
    console.log(
      JSON.stringify({
        bench: `dashboard: simulator state change → dashboard shows it (cancel → "Cancelled" on screen, watcher reads every ${platformPollMs / 1000} s simulated at time scale 60 = ${Math.round(platformPollMs / 60)} ms real, ms)`,
        samples: delays.length,
        ...round(stats(delays)),
      }),
    );
  } finally {
    await sim.stop();
  }
}

async function main(): Promise<void> {
  const page = await openDashboardPage('/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachineScaleSets/bench');
  try {
    await renderLongHistory(page);
    await stateChangeToScreen(page);
  } finally {
    await page.close();
  }
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
