// `vmss-upgrades rehearse`: the plan run on a private simulator of a live set (or of a snapshot file),
// with faults to try, printing the predicted outcome (issue 15). Nothing in Azure changes. Its exit code
// is the one `run` would give for that outcome, so a pipeline can gate on a rehearsal.
import * as fs from 'node:fs';
import type { CliCommand, CliIO } from '../main';
import type { FaultRule } from '../../simulator/http/faults';
import type { Scenario } from '../../simulator/scenario/scenarioTypes';
import { readLiveSet } from '../../rehearsal/readLiveSet';
import { FaultPickError, parsePick, type RehearsalFaults } from '../../rehearsal/rehearsalFaults';
import { reportLines } from '../../rehearsal/rehearsalReport';
import { refOf, rehearse } from '../../rehearsal/runRehearsal';
import { scenarioFromLive } from '../../rehearsal/scenarioFromLive';
import { loadSimulator } from '../../simulator/loadSimulator';
import { clockFrom, gatewayFrom, scaleSetRefFrom, UsageError } from '../connect';
import { formatDuration, planRequestFrom, rolloutOptions, rolloutUsage, runWithUsage } from './plan';
import { exitCodes } from './run';

const usage = `vmss-upgrades rehearse — run the plan on a private simulator of the set and print what would happen

${rolloutUsage}
Source:      the live set (scale set + connection flags above), or --snapshot FILE (from \`snapshot\`)
Faults:      --never-healthy N|IDS   the first N instances the plan moves (or those ids) never become healthy
             --slow N:SECONDS|IDS:SECONDS   healthy only SECONDS after their new disk
             --throttle RATE         that fraction (0-1) of Compute requests answered 429
             --faults FILE           more simulator fault rules (JSON array, SCENARIOS.md "Faults")

Gates are approved as they open. Exit codes are run's for the predicted outcome: 0 succeeded,
3 completed with failures, 4 refused, 5 aborted (O5/O6), 6 cancelled, 1 error, 2 usage.`;

function faultsFrom(values: Record<string, unknown>): RehearsalFaults {
  const text = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : undefined);
  const faults: { -readonly [K in keyof RehearsalFaults]: RehearsalFaults[K] } = {};
  const never = text('never-healthy');
  if (never) faults.neverHealthy = pickOrUsage(never, '--never-healthy');
  const slow = text('slow');
  if (slow) {
    const m = /^(.+):(\d+)$/.exec(slow);
    if (!m) throw new UsageError(`--slow needs N:SECONDS or IDS:SECONDS, got '${slow}'`);
    faults.slow = { pick: pickOrUsage(m[1], '--slow'), seconds: Number(m[2]) };
  }
  const rate = text('throttle');
  if (rate !== undefined) {
    const n = Number(rate);
    if (!(n > 0 && n <= 1)) throw new UsageError(`--throttle needs a fraction in (0, 1], got '${rate}'`);
    faults.throttleRate = n;
  }
  const file = text('faults');
  if (file) faults.rules = readFaultRules(file);
  return faults;
}

/** A fault that names no planned instance is a usage error (exit 2), like any bad flag. */
async function usageOnBadPick<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw err instanceof FaultPickError ? new UsageError(err.message) : err;
  }
}

function pickOrUsage(text: string, option: string) {
  if (!/^\d+$|,|^[A-Za-z0-9_.-]+$/.test(text.trim())) throw new UsageError(`${option} needs a count or a comma-separated list of instance ids, got '${text}'`);
  return parsePick(text, option);
}

function readFaultRules(file: string): FaultRule[] {
  const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!Array.isArray(parsed)) throw new UsageError(`--faults ${file}: expected a JSON array of fault rules`);
  return parsed as FaultRule[];
}

async function sourceOf(values: Record<string, unknown>, io: CliIO): Promise<{ scenario: Scenario; notes: readonly string[] }> {
  if (typeof values.snapshot === 'string') {
    // Checked like any scenario (schema, then each set as a PUT would be), with the file named in errors.
    const scenario = loadSimulator().loadScenario(values.snapshot);
    return { scenario, notes: [`the snapshot ${values.snapshot} (${scenario.description ?? 'no description'})`] };
  }
  const ref = scaleSetRefFrom(values);
  const live = await readLiveSet(await gatewayFrom(values), ref);
  if (values.json !== true) io.stderr.write(`Read ${ref.name}: ${live.instances.length} instance(s); rehearsing on a private simulator…\n`);
  return scenarioFromLive(live, clockFrom(values).now());
}

export const rehearseCommand: CliCommand = {
  summary: 'Rehearse an OS image rollout of a live set on a private simulator, with faults to try',
  usage,
  options: { ...rolloutOptions, snapshot: { type: 'string' }, 'never-healthy': { type: 'string' }, slow: { type: 'string' }, throttle: { type: 'string' }, faults: { type: 'string' } },
  run: (values, _positionals, io) =>
    runWithUsage(io, usage, async () => {
      const faults = faultsFrom(values);
      const { scenario, notes } = await sourceOf(values, io);
      const ref = refOf(scenario);
      const { ref: _ignored, ...plan } = planRequestFrom({ subscription: ref.subscriptionId, 'resource-group': ref.resourceGroup, name: ref.name, ...values });
      const report = await usageOnBadPick(() => rehearse({ ...plan, scenario, faults, notes }));
      if (values.json === true) io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      else io.stdout.write(`${reportLines(report, formatDuration).join('\n')}\n`);
      return exitCodes[report.outcome];
    }),
};
