// `vmss-upgrades run`: plans, then runs the rollout with the embedded orchestrator. The progress display
// is one more subscriber of the executor's events; gates are answered on the terminal (or by
// --approve-gates); Ctrl-C cancels after the current batch, a second Ctrl-C cancels now.
import * as readline from 'node:readline/promises';
import type { CliCommand, CliIO } from '../main';
import type { RunEvent, RunOutcome, RunSummary } from '../../core/contract';
import type { RolloutExecutor } from '../../core/executor/executor';
import { JournalStore } from '../../core/journal/journalStore';
import { planFromAzure, startRun } from '../../core/rollout';
import { clockFrom, gatewayFrom, journalDirFrom } from '../connect';
import { leaseOptions, leaseOptionsFrom, leaseUsage } from '../leaseOptions';
import { formatDuration, planRequestFrom, printPlan, rolloutOptions, rolloutUsage, runWithUsage } from './plan';

export const exitCodes: Record<RunOutcome, number> = { succeeded: 0, failed: 1, completedWithFailures: 3, refused: 4, aborted: 5, cancelled: 6, rejected: 6 };

function describe(e: RunEvent): string | undefined {
  switch (e.type) {
    case 'run':
      return e.message ? `${e.state}: ${e.message}` : undefined;
    case 'batch':
      return e.state === 'rechecking' ? undefined : `batch ${e.index + 1}: ${e.state} (${e.instanceIds.length})`;
    case 'instance':
      return ['failed', 'rolledBack', 'rollbackFailed'].includes(e.state) ? `instance ${e.instanceId}: ${e.state}${e.detail ? ` — ${e.detail}` : ''}` : undefined;
    case 'check':
      return `${e.rule}: ${e.unhealthy}/${e.total} unhealthy (limit ${e.limitPercent}%) ${e.ok ? 'ok' : 'BREACHED'}`;
    case 'gate':
      return `gate after batch ${e.afterBatch + 1} (${e.reason}): ${e.state}`;
    case 'warning':
      return `note: ${e.message}`;
    case 'surge':
      return e.state === 'scalingOut' ? undefined : `batch ${e.batch + 1}: ${e.state} ${e.instanceIds.join(', ')}${e.state === 'refused' ? ' — moving in place (quota)' : ''}`;
    case 'rollback':
    case 'health':
    case 'finished':
      return undefined;
  }
}

/** Prints progress: event lines, and on a terminal a status line of instance counts. */
export function attachProgress(executor: RolloutExecutor, io: CliIO, json: boolean): void {
  if (json) return;
  const tty = io.stdout.isTTY === true;
  const counts = new Map<string, string>();
  let statusShown = false;
  const status = () => {
    const tally: Record<string, number> = {};
    for (const s of counts.values()) tally[s] = (tally[s] ?? 0) + 1;
    return Object.entries(tally).map(([k, v]) => `${k} ${v}`).join(' · ');
  };
  executor.subscribe((e) => {
    if (e.type === 'instance') counts.set(e.instanceId, e.state);
    const line = describe(e);
    if (tty && statusShown) io.stdout.write('\r\x1b[2K');
    if (line) io.stdout.write(`${new Date(e.at).toISOString().slice(11, 19)} ${line}\n`);
    if (tty && counts.size > 0) {
      io.stdout.write(status());
      statusShown = true;
    }
  });
}

async function ask(question: string): Promise<boolean> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

export function printSummary(summary: RunSummary, io: CliIO, json: boolean): void {
  if (json) {
    io.stdout.write(`${JSON.stringify({ runId: summary.runId, outcome: summary.outcome, reason: summary.reason, summary, instances: summary.finalStates }, null, 2)}\n`);
    return;
  }
  const i = summary.instances;
  io.stdout.write(
    [
      '',
      `Run ${summary.runId}: ${summary.outcome}${summary.reason ? ` — ${summary.reason}` : ''}`,
      `Duration ${formatDuration(summary.durationMs)} (health waits ${formatDuration(summary.waits.healthMs)}, pauses ${formatDuration(summary.waits.pauseMs)}, gates ${formatDuration(summary.waits.gateMs)}); batches ${summary.batches.finished}/${summary.batches.planned}`,
      `Instances: ${i.succeeded} upgraded, ${i.failed} failed, ${i.rolledBack} rolled back, ${i.rollbackFailed} rollback failed, ${i.skipped} skipped, ${i.notStarted} not started`,
      `ARM: ${summary.arm.calls} calls, ${summary.arm.retries} retries, ${summary.arm.throttled} throttled, ${summary.arm.serverErrors} server errors`,
      '',
    ].join('\n'),
  );
}

/** Answers gates, wires Ctrl-C, waits for the end, prints the summary; returns the exit code. */
export async function driveRun(executor: RolloutExecutor, io: CliIO, values: Record<string, unknown>): Promise<number> {
  const json = values.json === true;
  attachProgress(executor, io, json);
  executor.subscribe((e) => {
    if (e.type !== 'gate' || e.state !== 'open') return;
    if (values['approve-gates'] === true) executor.send({ type: 'approve' });
    else if (process.stdin.isTTY) void ask(`Continue after batch ${e.afterBatch + 1} (${e.reason})? [y/N] `).then((yes) => executor.send({ type: yes ? 'approve' : 'reject' }));
    else executor.send({ type: 'reject' });
  });
  let interrupts = 0;
  const onSigint = () => {
    interrupts++;
    executor.send({ type: interrupts === 1 ? 'cancelAfterBatch' : 'cancelNow' });
    io.stderr.write(interrupts === 1 ? '\nCancelling after the current batch (Ctrl-C again to cancel now).\n' : '\nCancelling now.\n');
  };
  process.on('SIGINT', onSigint);
  try {
    const summary = await executor.run();
    printSummary(summary, io, json);
    return exitCodes[summary.outcome];
  } finally {
    process.off('SIGINT', onSigint);
  }
}

const usage = `vmss-upgrades run — plan and run an OS image rollout with the embedded orchestrator

${rolloutUsage}
Run:         --approve-gates   approve every gate without asking
${leaseUsage}

Exit codes: 0 succeeded, 3 completed with failures, 4 refused (O1, A6, or another run holds the scale set's
lease — the holder and expiry are named), 5 aborted (O5/O6), 6 cancelled or rejected, 1 error (resumable).`;

export const runCommand: CliCommand = {
  summary: 'Run an OS image rollout: batches, health waits, rollback, gates; journaled for resume',
  usage,
  options: { ...rolloutOptions, ...leaseOptions, 'approve-gates': { type: 'boolean' } },
  run: (values, _positionals, io) =>
    runWithUsage(io, usage, async () => {
      const request = planRequestFrom(values);
      const gateway = await gatewayFrom(values);
      const clock = clockFrom(values);
      const planned = await planFromAzure(gateway, request, clock);
      if (!planned.ok) {
        io.stderr.write(`${planned.errors.join('\n')}\n`);
        return 1;
      }
      if (values.json !== true) printPlan(planned.plan, io);
      const store = new JournalStore(journalDirFrom(values, io.env));
      const executor = startRun({ gateway, clock, store, lease: leaseOptionsFrom(values, io.env) }, request.ref, planned.plan);
      if (values.json !== true) io.stdout.write(`\nRun ${executor.runId} (journal ${store.fileOf(executor.runId)})\n`);
      return driveRun(executor, io, values);
    }),
};
