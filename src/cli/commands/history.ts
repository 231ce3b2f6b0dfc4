// `vmss-upgrades history`: this tool's runs from the journal, and with a scale set given, Azure's own
// OS upgrade history for it (A5: the last five attempts within two months).
import type { CliCommand } from '../main';
import { scaleSetId } from '../../azure/gateway';
import { JournalStore } from '../../core/journal/journalStore';
import { platformHistoryDir, PlatformHistoryStore, withKept } from '../../core/journal/platformHistoryStore';
import { connectionOptions, connectionUsage, gatewayFrom, journalDirFrom, scaleSetRefFrom } from '../connect';
import { runWithUsage } from './plan';

const usage = `vmss-upgrades history — runs recorded in the journal, and Azure's OS upgrade history (A5) of a set

${connectionUsage}
Without --subscription/--resource-group/--name only the journal is listed.`;

export const historyCommand: CliCommand = {
  summary: "List this tool's runs (journal) and Azure's OS upgrade history of a scale set",
  usage,
  options: connectionOptions,
  run: (values, _positionals, io) =>
    runWithUsage(io, usage, async () => {
      const store = new JournalStore(journalDirFrom(values, io.env));
      const hasSet = ['subscription', 'resource-group', 'name'].some((k) => values[k] !== undefined);
      const ref = hasSet ? scaleSetRefFrom(values) : undefined;
      const runs = store.list().filter((r) => !ref || r.scaleSetId?.toLowerCase() === scaleSetId(ref).toLowerCase());
      const listed = ref ? await (await gatewayFrom(values)).listOsUpgradeHistory(ref) : [];
      // Beyond A5's five attempts / two months: what this tool saw before (issue 15), Azure's entries first.
      const kept = new PlatformHistoryStore(platformHistoryDir(store.dir));
      if (ref) kept.record(scaleSetId(ref), listed);
      const azure = ref ? withKept(listed, kept.kept(scaleSetId(ref))) : [];
      if (values.json === true) {
        io.stdout.write(`${JSON.stringify({ runs, azure }, null, 2)}\n`);
        return 0;
      }
      io.stdout.write(`Runs in ${store.dir}:\n`);
      if (runs.length === 0) io.stdout.write('  (none)\n');
      for (const r of runs) {
        const when = r.startedAt ? new Date(r.startedAt).toISOString().replace('T', ' ').slice(0, 19) : '?';
        io.stdout.write(`  ${r.runId}  ${when}  ${r.finished ? r.outcome : 'UNFINISHED (resume it)'}  ${r.target ?? ''}${r.reason ? ` — ${r.reason}` : ''}\n`);
        for (const p of r.problems) io.stdout.write(`      journal: ${p}\n`);
      }
      if (ref) {
        io.stdout.write(`\nAzure OS upgrade history of ${ref.name} (A5):\n`);
        if (azure.length === 0) io.stdout.write('  (none)\n');
        for (const h of azure) {
          const p = h.properties;
          const s = p?.runningStatus;
          const g = p?.progress;
          const image = p?.targetImageReference;
          io.stdout.write(
            `  ${s?.startTime ? new Date(s.startTime).toISOString().slice(0, 19) : '?'}${h.keptOnly ? ' (kept: Azure no longer lists it)' : ''}  ${s?.code ?? '?'}  by ${p?.startedBy ?? '?'}  → ${image?.id ?? `${image?.sku ?? ''} ${image?.version ?? ''}`}  ok ${g?.successfulInstanceCount ?? 0} failed ${g?.failedInstanceCount ?? 0} pending ${g?.pendingInstanceCount ?? 0}${p?.error?.message ? ` — ${p.error.message}` : ''}\n`,
          );
        }
      }
      return 0;
    }),
};
