// `vmss-upgrades fleet plan|run|resume|status|approve FILE`: a rollout over many scale sets from a
// rollout file (schemas/fleet-rollout.schema.json). `plan` reads Azure and runs the safety checks;
// `run` journals the plan and moves the sets stage by stage (Ctrl-C: no new sets start, the moving ones
// finish; twice: they stop after their current batch); `resume` continues from the journal; `status`
// prints stages × sets from the journal; `approve` lets a stage that waits for a person start.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CliCommand, CliIO } from '../main';
import type { FleetEvent, FleetSummary, FleetView } from '../../core/fleet/fleetEvents';
import { FleetJournalStore, type FleetOutcome } from '../../core/fleet/fleetJournal';
import { blockingFindings, type FleetPlan } from '../../core/fleet/fleetPlan';
import { formatProblems, parseRolloutFile } from '../../core/fleet/parseRolloutFile';
import { planFleet } from '../../core/fleet/planFleet';
import type { FleetRolloutFile } from '../../core/fleet/rolloutFile';
import { fleetViewFromJournal, type FleetRunner, resumeFleet, startFleet } from '../../core/fleet/runFleet';
import { describeTarget } from '../../core/fleet/describeTarget';
import { JournalStore } from '../../core/journal/journalStore';
import { clockFrom, connectionOptions, gatewayFrom, journalDirFrom, UsageError } from '../connect';
import { formatDuration, runWithUsage } from './plan';

export const fleetExitCodes: Record<FleetOutcome, number> = { succeeded: 0, completedWithFailures: 3, refused: 4, aborted: 5, stopped: 6, rejected: 6 };

const usage = `vmss-upgrades fleet plan|run|resume|status|approve FILE — an OS image rollout over many scale sets

FILE is a rollout file (*.fleet.json, schema schemas/fleet-rollout.schema.json): stages in order, groups of
scale sets (ids, tags or a Resource Graph query), the target, each group's engine (embedded | platform),
gates and a wait after each stage, approvals, and how many sets may fail.

  plan      read every set, run the safety checks (canary stage, paired regions, Service Fabric node
            types, readiness, already on target); changes nothing
  run       plan, journal, and move the sets stage by stage
  resume    continue the newest stopped or unfinished fleet run of FILE from its journal
  status    stages × sets of the newest fleet run of FILE, from the journal
  approve   approve (or --reject) the stage that waits: --stage NAME [--by NAME]

Connection:  --endpoint URL --ca FILE   the simulator; without them: Azure via DefaultAzureCredential
             --time-scale N --poll-interval MS
Journal:     --journal DIR              default ~/.vmss-upgrades/journal (fleet runs in DIR/fleet)
Run:         --approve-stages           approve every stage that waits for a person (a pipeline that approved elsewhere)
Output:      --json

Ctrl-C stops after the sets that are moving (twice: each stops after its current batch); resume continues.
Exit codes: 0 succeeded, 3 completed with allowed failures, 4 refused by the safety checks, 5 aborted
(too many failed sets, or a gate failed), 6 stopped or an approval refused, 2 invalid file or usage, 1 error.`;

function readRollout(file: string): FleetRolloutFile {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`Cannot read ${file}: ${(err as Error).message}`);
  }
  const parsed = parseRolloutFile(text);
  if (!parsed.ok) throw new InvalidFileError(`${file} is not a valid rollout file:\n${formatProblems(file, parsed.problems)}`);
  return parsed.rollout;
}

class InvalidFileError extends Error {}

const mark: Record<string, string> = { error: 'ERROR', warning: 'warning', info: 'note' };

export function printFleetPlan(plan: FleetPlan, io: CliIO): void {
  const w = (line = '') => io.stdout.write(`${line}\n`);
  w(`Fleet plan '${plan.name}' → ${describeTarget(plan.target)}; up to ${plan.maxFailedSets} failed set(s) allowed`);
  for (const [i, stage] of plan.stages.entries()) {
    w();
    w(`Stage ${i + 1} '${stage.name}'${stage.requiresApproval ? ' (approval first)' : ''}${stage.gates.length ? `, gates: ${stage.gates.map((g) => g.kind).join(', ')}` : ''}${stage.waitAfterMs ? `, then wait ${stage.waitAfter}` : ''}`);
    for (const group of stage.groups) {
      w(`  group '${group.name}' — ${group.engine.kind === 'platform' ? "Azure's rolling upgrade" : 'embedded orchestrator'}${group.maxParallel ? `, ${group.maxParallel} at a time` : ''}`);
      for (const s of group.sets) w(`    ${s.name.padEnd(28)} ${s.location.padEnd(16)} ${s.subscriptionId.slice(0, 8)}  ${String(s.instances).padStart(4)} inst  ${s.status}${s.predictedMs ? ` ~${formatDuration(s.predictedMs)}` : ''}${s.serviceFabricCluster ? '  SF' : ''}${s.reasons.length && s.status !== 'onTarget' ? `  — ${s.reasons.join('; ')}` : ''}`);
      if (group.sets.length === 0) w('    (no sets)');
    }
  }
  if (plan.findings.length > 0) w();
  for (const f of plan.findings) w(`${mark[f.severity]} [${f.check}] ${f.message}`);
  const blocking = blockingFindings(plan);
  w();
  w(blocking.length > 0 ? `${blocking.length} safety check(s) fail: the rollout will not run until the file is fixed.` : 'Safety checks pass.');
}

export function printFleetStatus(view: FleetView, io: CliIO): void {
  const w = (line = '') => io.stdout.write(`${line}\n`);
  w(`Fleet run ${view.fleetId} '${view.name}' → ${view.target}: ${view.state}${view.outcome ? ` (${view.outcome}${view.reason ? ` — ${view.reason}` : ''})` : ''}; failed sets ${view.failedSets}/${view.maxFailedSets} allowed`);
  for (const stage of view.stages) {
    w();
    const gates = stage.gates.map((g) => `${g.kind} ${g.state}`).join(', ');
    w(`${stage.name}: ${stage.state}${stage.approval ? `, approval ${stage.approval}` : ''}${gates ? `, gates ${gates}` : ''}${stage.waitAfterMs ? `, wait ${formatDuration(stage.waitAfterMs)}` : ''}`);
    for (const s of stage.sets) w(`  ${s.name.padEnd(28)} ${s.location.padEnd(16)} ${s.group.padEnd(14)} ${s.state.padEnd(17)} ${`${s.done}/${s.total}`.padStart(9)}${s.runId ? `  run ${s.runId}` : ''}${s.detail && s.state !== 'succeeded' ? `  — ${s.detail}` : ''}`);
  }
}

function printSummary(summary: FleetSummary, io: CliIO, json: boolean): void {
  if (json) {
    io.stdout.write(`${JSON.stringify({ fleetId: summary.fleetId, outcome: summary.outcome, reason: summary.reason, sets: summary.sets, stages: summary.view.stages }, null, 2)}\n`);
    return;
  }
  const s = summary.sets;
  io.stdout.write(`\nFleet run ${summary.fleetId}: ${summary.outcome}${summary.reason ? ` — ${summary.reason}` : ''}\nSets: ${s.succeeded} upgraded, ${s.failed} failed, ${s.notReady} not ready, ${s.onTarget} already on target, ${s.notStarted} not started; ${formatDuration(summary.durationMs)}\n`);
}

/** Logs, approvals, Ctrl-C, the summary; returns the exit code. */
async function driveFleet(runner: FleetRunner, io: CliIO, values: Record<string, unknown>, file: string): Promise<number> {
  const json = values.json === true;
  const approving = new Set<string>();
  runner.subscribe((e: FleetEvent) => {
    if (e.type === 'log' && !json) io.stdout.write(`${new Date(e.at).toISOString().slice(11, 19)} ${e.message}\n`);
    if (e.type !== 'changed') return;
    for (const stage of e.view.stages) {
      if (stage.approval !== 'waiting' || approving.has(stage.name)) continue;
      approving.add(stage.name);
      if (values['approve-stages'] === true) queueMicrotask(() => runner.send({ type: 'approve', stage: stage.name, by: 'vmss-upgrades fleet run --approve-stages' }));
      else io.stderr.write(`Stage '${stage.name}' waits for approval: vmss-upgrades fleet approve ${file} --stage ${JSON.stringify(stage.name)} (Ctrl-C stops; resume later)\n`);
    }
  });
  let interrupts = 0;
  const onSigint = () => {
    interrupts++;
    runner.send({ type: interrupts === 1 ? 'stop' : 'stopNow' });
    io.stderr.write(interrupts === 1 ? '\nStopping after the sets that are moving (Ctrl-C again: each stops after its current batch).\n' : '\nStopping each moving set after its current batch.\n');
  };
  process.on('SIGINT', onSigint);
  try {
    const summary = await runner.run();
    printSummary(summary, io, json);
    return fleetExitCodes[summary.outcome];
  } finally {
    process.off('SIGINT', onSigint);
  }
}

function deps(values: Record<string, unknown>, io: CliIO) {
  const dir = journalDirFrom(values, io.env);
  return { store: new JournalStore(dir), fleetStore: new FleetJournalStore(dir) };
}

function latestRun(fleetStore: FleetJournalStore, file: string) {
  const latest = fleetStore.latestFor(file);
  if (!latest) throw new UsageError(`No fleet run of ${file} in ${fleetStore.dir}.`);
  return latest;
}

export const fleetCommand: CliCommand = {
  summary: 'Roll an image out over many scale sets in stages: plan | run | resume | status | approve FILE',
  usage,
  options: { ...connectionOptions, 'approve-stages': { type: 'boolean' }, stage: { type: 'string' }, by: { type: 'string' }, reject: { type: 'boolean' } },
  run: (values, positionals, io) =>
    runWithUsage(io, usage, async () => {
      const [action, fileArg] = positionals;
      if (!action || !['plan', 'run', 'resume', 'status', 'approve'].includes(action)) throw new UsageError(`Name an action: plan, run, resume, status or approve${action ? ` (not '${action}')` : ''}`);
      if (!fileArg) throw new UsageError(`fleet ${action} needs the rollout FILE`);
      const file = path.resolve(fileArg);
      const { store, fleetStore } = deps(values, io);
      try {
        if (action === 'status') {
          const view = fleetViewFromJournal(fleetStore, latestRun(fleetStore, file).fleetId);
          if (values.json === true) io.stdout.write(`${JSON.stringify(view, null, 2)}\n`);
          else printFleetStatus(view, io);
          return 0;
        }
        if (action === 'approve') {
          const stage = typeof values.stage === 'string' ? values.stage : undefined;
          if (!stage) throw new UsageError('fleet approve needs --stage NAME');
          const latest = latestRun(fleetStore, file);
          const view = fleetViewFromJournal(fleetStore, latest.fleetId);
          const target = view.stages.find((s) => s.name === stage);
          if (!target) throw new UsageError(`No stage '${stage}' in fleet run ${latest.fleetId}; stages: ${view.stages.map((s) => s.name).join(', ')}`);
          if (target.approval === 'approved' || target.approval === 'rejected') {
            io.stderr.write(`Stage '${stage}' was already ${target.approval}.\n`);
            return 1;
          }
          if (!target.requiresApproval) throw new UsageError(`Stage '${stage}' does not wait for approval.`);
          const by = typeof values.by === 'string' ? values.by : `${os.userInfo().username}@${os.hostname()}`;
          fleetStore.appendExternal(latest.fleetId, { type: 'approval', stage, state: values.reject === true ? 'rejected' : 'approved', by }, clockFrom(values).now());
          io.stdout.write(`Stage '${stage}' of fleet run ${latest.fleetId} ${values.reject === true ? 'rejected' : 'approved'} by ${by}.\n`);
          return 0;
        }
        const gateway = await gatewayFrom(values);
        const clock = clockFrom(values);
        if (action === 'resume') {
          const latest = latestRun(fleetStore, file);
          const runner = resumeFleet({ gateway, clock, store, fleetStore }, latest.fleetId);
          if (values.json !== true) io.stdout.write(`Resuming fleet run ${latest.fleetId}\n`);
          return driveFleet(runner, io, values, fileArg);
        }
        const rollout = readRollout(file);
        const plan = await planFleet(gateway, rollout, { clock, file });
        if (action === 'plan') {
          if (values.json === true) io.stdout.write(`${JSON.stringify(plan, null, 2)}\n`);
          else printFleetPlan(plan, io);
          return blockingFindings(plan).length > 0 ? fleetExitCodes.refused : 0;
        }
        if (values.json !== true) printFleetPlan(plan, io);
        if (blockingFindings(plan).length > 0) return fleetExitCodes.refused;
        const unfinished = fleetStore.latestFor(file);
        if (unfinished && !unfinished.finished) throw new UsageError(`Fleet run ${unfinished.fleetId} of this file is unfinished: 'fleet resume ${fileArg}' continues it.`);
        const runner = startFleet({ gateway, clock, store, fleetStore }, plan);
        if (values.json !== true) io.stdout.write(`\nFleet run ${runner.fleetId} (journal ${fleetStore.fileOf(runner.fleetId)})\n`);
        return driveFleet(runner, io, values, fileArg);
      } catch (err) {
        if (err instanceof InvalidFileError) {
          io.stderr.write(`${err.message}\n`);
          return 2;
        }
        throw err;
      }
    }),
};
