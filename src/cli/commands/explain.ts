// `vmss-upgrades explain RUN_ID` (one of our runs, from its journal alone) and `explain --platform …`
// (Azure's latest rolling upgrade or automatic OS upgrade of a set, with the set's instance views):
// the cause in words, the error code, the first instances that failed with their evidence, the fixes.
import * as fs from 'node:fs';
import type { CliCommand } from '../main';
import { explainPlatform, latestPlatformUpgrade } from '../../core/explain/explainPlatform';
import { explainRun } from '../../core/explain/explainRun';
import type { Explanation } from '../../core/explain/explanation';
import { formatExplanation } from '../../core/explain/formatExplanation';
import { JournalStore } from '../../core/journal/journalStore';
import { connectionOptions, connectionUsage, gatewayFrom, journalDirFrom, scaleSetRefFrom, UsageError } from '../connect';
import { runWithUsage } from './plan';

const usage = `vmss-upgrades explain RUN_ID [--json]            why one of this tool's runs failed (from its journal)
vmss-upgrades explain --platform SCALE SET [--json]  why Azure's latest rolling or automatic OS upgrade failed

${connectionUsage}`;

export const explainCommand: CliCommand = {
  summary: "Explain why a run, or Azure's latest rolling / automatic OS upgrade, failed — with the fixes",
  usage,
  options: { ...connectionOptions, platform: { type: 'boolean' } },
  run: (values, positionals, io) =>
    runWithUsage(io, usage, async () => {
      let explanation: Explanation;
      if (values.platform === true) {
        if (positionals.length > 0) throw new UsageError('--platform takes the scale set options, not a run id');
        const ref = scaleSetRefFrom(values);
        const gateway = await gatewayFrom(values);
        const [latest, history, instances] = await Promise.all([gateway.getLatestRollingUpgrade(ref), gateway.listOsUpgradeHistory(ref), gateway.listInstances(ref)]);
        explanation = explainPlatform(ref, latestPlatformUpgrade(latest, history), instances);
      } else {
        const runId = positionals[0];
        if (!runId) throw new UsageError('Name a run (see `vmss-upgrades history`), or use --platform with a scale set');
        const store = new JournalStore(journalDirFrom(values, io.env));
        if (!fs.existsSync(store.fileOf(runId))) throw new UsageError(`No run ${runId} in ${store.dir} (see \`vmss-upgrades history\`)`);
        const report = store.read(runId);
        const explained = explainRun(report.entries);
        if (!explained) throw new UsageError(`Run ${runId} has no start record in ${store.dir}`);
        explanation = explained;
      }
      io.stdout.write(values.json === true ? `${JSON.stringify(explanation, null, 2)}\n` : formatExplanation(explanation));
      return 0;
    }),
};
