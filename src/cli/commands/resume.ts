// `vmss-upgrades resume [RUN_ID]`: continues an unfinished run from its journal. The executor replays
// the journal, then reads Azure before it moves anything, so nothing is moved twice or skipped.
import type { CliCommand } from '../main';
import { JournalStore } from '../../core/journal/journalStore';
import { resumeRun } from '../../core/rollout';
import { clockFrom, connectionOptions, connectionUsage, gatewayFrom, journalDirFrom, UsageError } from '../connect';
import { leaseOptions, leaseOptionsFrom, leaseUsage } from '../leaseOptions';
import { runWithUsage } from './plan';
import { driveRun } from './run';

const usage = `vmss-upgrades resume [RUN_ID] — continue an unfinished run (without RUN_ID: the only unfinished one)

${connectionUsage}
Run:         --approve-gates   approve every gate without asking
${leaseUsage}
             A resume re-takes its own lease (same run id); it exits 4 and stays resumable while another run holds it.`;

export const resumeCommand: CliCommand = {
  summary: 'Resume an unfinished run from its journal',
  usage,
  options: { ...connectionOptions, ...leaseOptions, 'approve-gates': { type: 'boolean' } },
  run: (values, positionals, io) =>
    runWithUsage(io, usage, async () => {
      const store = new JournalStore(journalDirFrom(values, io.env));
      let runId = positionals[0];
      if (!runId) {
        const unfinished = store.unfinished();
        if (unfinished.length === 0) {
          io.stdout.write(`No unfinished runs in ${store.dir}.\n`);
          return 0;
        }
        if (unfinished.length > 1) throw new UsageError(`Several unfinished runs; name one:\n${unfinished.map((r) => `  ${r.runId}  ${r.scaleSetId ?? ''}  ${r.target ?? ''}`).join('\n')}`);
        runId = unfinished[0].runId;
      }
      const gateway = await gatewayFrom(values);
      const { executor, problems } = resumeRun({ gateway, clock: clockFrom(values), store, lease: leaseOptionsFrom(values, io.env) }, runId);
      for (const problem of problems) io.stderr.write(`Journal ${runId}: ${problem}\n`);
      if (values.json !== true) io.stdout.write(`Resuming run ${runId}\n`);
      return driveRun(executor, io, values);
    }),
};
