// Issue 16 through the CLI against the HTTPS simulator: `plan --window` (key=value, JSON, or `set` =
// the scale set's own OS-image maintenance configuration read through Microsoft.Maintenance) shows
// which batch lands in which window; a bad window is a usage error; `run --window` waits for the window,
// journaled, and moves nothing before it opens.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { main } from '../../../src/cli/main';
import { JournalStore } from '../../../src/core/journal/journalStore';
import type { Simulator } from '../../../src/simulator/simulator';
import { compileWindow, openWindowAt } from '../../../src/shared/maintenance/occurrences';
import { fleetScenario, newVersion, ref, type FleetInstance } from './support/fleetScenario';
import { captureCli as capture } from '../support/captureCli';
import { startCliSimulator, stopCliSimulator } from '../support/cliSimulator';

interface WindowJson {
  source: string;
  configurationId?: string;
  batches: { index: number; startsAt: string; windowStart: string; windowEnd: string }[];
}

describe('CLI --window (issue 16, HTTPS simulator)', function () {
  this.timeout(120_000);
  let sim: Simulator;
  let dir: string;
  let flags: string[];
  const setWindow = { startDateTime: '2026-10-30 22:00', duration: '05:00', timeZone: 'W. Europe Standard Time', recurEvery: 'Day' };

  before(async () => {
    const instances: FleetInstance[] = Array.from({ length: 6 }, () => ({ baseline: 'healthy', after: 'healthy' }));
    const scenario = fleetScenario({ seed: 3, instances, zones: 0, updateDomains: 3, faultDomains: 2, faults: [] });
    scenario.maintenanceConfigurations = [{ subscriptionId: ref.subscriptionId, resourceGroup: ref.resourceGroup, name: 'nightly', location: 'westeurope', maintenanceWindow: setWindow, assignedTo: [ref.name] }];
    const cli = await startCliSimulator(scenario, 'vmss-window-cli-');
    ({ sim, dir } = cli);
    flags = ['--subscription', ref.subscriptionId, '--resource-group', ref.resourceGroup, '--name', ref.name, ...cli.connection, '--journal', path.join(dir, 'journal')];
  });

  after(() => stopCliSimulator({ sim, dir }));

  it('plan --window key=value places every batch inside a window occurrence, and says so in text', async () => {
    const spec = 'start=2026-10-30 02:00;duration=01:00;timeZone=UTC;recurEvery=Day';
    const io = capture();
    assert.equal(await main(['plan', ...flags, '--json', '--strategy', 'count', '--count', '2', '--window', spec], io), 0, io.err());
    const plan = JSON.parse(io.out()) as { batches: unknown[]; window: WindowJson };
    assert.equal(plan.window.source, 'option');
    assert.equal(plan.window.batches.length, plan.batches.length);
    const compiled = compileWindow({ startDateTime: '2026-10-30 02:00', duration: '01:00', timeZone: 'UTC', recurEvery: 'Day' });
    for (const b of plan.window.batches) assert.ok(openWindowAt(compiled, Date.parse(b.startsAt)), `${b.startsAt} is inside 02:00–03:00 UTC`);
    const text = capture();
    assert.equal(await main(['plan', ...flags, '--window', spec], text), 0, text.err());
    assert.match(text.out(), /Maintenance window: Day from 2026-10-30 02:00 for 01:00 \(UTC\), from --window/);
    assert.match(text.out(), /batch 1 +starts ~\d{4}-\d\d-\d\dT02:\d\dZ/);
  });

  it('plan --window set uses the set’s OS-image maintenance configuration (Microsoft.Maintenance)', async () => {
    const io = capture();
    assert.equal(await main(['plan', ...flags, '--json', '--window', 'set'], io), 0, io.err());
    const plan = JSON.parse(io.out()) as { window: WindowJson & { maintenanceWindow: unknown } };
    assert.equal(plan.window.source, 'scaleSet');
    assert.match(plan.window.configurationId ?? '', /maintenanceConfigurations\/nightly$/);
    assert.deepEqual(plan.window.maintenanceWindow, setWindow);
  });

  it('a malformed window is a usage error (exit 2) naming the problem', async () => {
    const io = capture();
    assert.equal(await main(['plan', ...flags, '--window', 'start=2026-10-30 02:00;duration=01:00;timeZone=Mars Standard Time'], io), 2);
    assert.match(io.err(), /--window: timeZone 'Mars Standard Time' is not a Windows time zone id/);
    const json = capture();
    assert.equal(await main(['plan', ...flags, '--window', '{"startDateTime":"2026-10-30 02:00","duration":"1h","timeZone":"UTC"}'], json), 2);
    assert.match(json.err(), /duration '1h'/);
  });

  it('run --window waits for the window (journaled) and moves nothing before it opens', async () => {
    // A daily one-hour window starting two simulated hours from now (UTC, on the hour) by the clock that
    // decides: the CLI's (--time-scale), which starts at the real time — not the simulator's, which starts at
    // the scenario's startTime. Placed by the simulator's clock, the window held the CLI's time of day when
    // the suite ran in an hour-long band of the early UTC morning, and the run had nothing to wait for.
    const now = Date.now();
    const opens = Math.ceil((now + 2 * 3_600_000) / 3_600_000) * 3_600_000;
    const d = new Date(opens);
    const spec = `start=${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)};duration=01:00;timeZone=UTC;recurEvery=Day`;
    const io = capture();
    const code = await main(['run', ...flags, '--json', '--strategy', 'count', '--count', '3', '--window', spec], io);
    assert.equal(code, 0, io.err() + io.out());
    assert.ok(sim.world.scaleSets[0].instances.every((i) => i.osImage.version === newVersion));
    const store = new JournalStore(path.join(dir, 'journal'));
    const runId = store.list().at(-1)!.runId;
    const entries = store.read(runId).entries;
    // The CLI's own clock (--time-scale) decides; the wait ends at the next occurrence of the window.
    const wait = entries.find((e) => e.type === 'windowWait');
    assert.ok(wait && wait.type === 'windowWait', 'the wait is journaled');
    assert.equal(wait.until % 86_400_000, opens % 86_400_000, 'at the window’s time of day');
    assert.ok(wait.until > wait.at && wait.until - wait.at <= 86_400_000, 'the next occurrence');
    const started = entries.filter((x) => x.type === 'batchStarted');
    assert.ok(started.length > 0);
    for (const e of started) assert.ok(e.at >= wait.until && e.at < wait.until + 3_600_000, `batch started at ${new Date(e.at).toISOString()}, window ${new Date(wait.until).toISOString()} + 1 h`);
    assert.ok(entries.some((e) => e.type === 'windowOpen'));
  });
});
