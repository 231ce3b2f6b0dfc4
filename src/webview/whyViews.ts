// "Why did this fail?" (issue 15): core/explain's explanations in the dashboard's contract shape, and
// the explanations a dashboard shows — the set's latest finished run of ours (from the journal) and
// Azure's latest rolling / automatic OS upgrade — only when they failed. Pure: no vscode.
import type { AzureGateway, RollingUpgradeStatusInfo, ScaleSetRef, UpgradeOperationHistoricalStatusInfo } from '../azure/gateway';
import { scaleSetId } from '../azure/gateway';
import { describeEvidence } from '../core/explain/evidence';
import { explainPlatform, latestPlatformUpgrade } from '../core/explain/explainPlatform';
import { explainRun } from '../core/explain/explainRun';
import type { Explanation } from '../core/explain/explanation';
import type { JournalStore } from '../core/journal/journalStore';
import type { WhyState, WhyView } from './contract';

export function whyView(x: Explanation): WhyView {
  return {
    source: x.source,
    status: x.status,
    summary: x.summary,
    causes: x.failures.map((f) => ({
      id: f.id,
      title: f.title,
      ...(f.code ? { code: f.code } : {}),
      rules: f.rules,
      cause: f.cause,
      ...(f.detail ? { detail: f.detail } : {}),
      instances: f.instances.map((e) => ({ instanceId: e.instanceId, evidence: describeEvidence(e) })),
      fixes: f.fixes,
      learn: f.learn,
      ...(f.unverified ? { unverified: f.unverified } : {}),
    })),
  };
}

/** What the caller already read of Azure's side (the dashboard's refresh), so it is not read twice. */
export interface KnownPlatform {
  readonly latest: RollingUpgradeStatusInfo | undefined;
  readonly history: readonly UpgradeOperationHistoricalStatusInfo[];
}

/** The latest finished run of ours on the set, explained when it did not succeed cleanly. */
export function runWhy(journal: JournalStore, ref: ScaleSetRef): WhyView | undefined {
  const id = scaleSetId(ref).toLowerCase();
  const latest = journal.list().find((r) => r.finished && r.scaleSetId?.toLowerCase() === id);
  if (!latest) return undefined;
  const x = explainRun(journal.read(latest.runId).entries);
  return x?.failed ? whyView(x) : undefined;
}

/** Azure's latest upgrade of the set, explained when it failed (reads the instance views only then). */
export async function platformWhy(gateway: AzureGateway, ref: ScaleSetRef, known?: KnownPlatform): Promise<WhyView | undefined> {
  const latest = known?.latest ?? (await gateway.getLatestRollingUpgrade(ref));
  const history = known?.history ?? (await gateway.listOsUpgradeHistory(ref));
  const upgrade = latestPlatformUpgrade(latest, history);
  if (!upgrade || upgrade.code === 'RollingForward' || (upgrade.code === 'Completed' && !(upgrade.failedInstanceCount ?? 0) && !(upgrade.rollback?.failed ?? 0))) return undefined;
  const x = explainPlatform(ref, upgrade, await gateway.listInstances(ref));
  return x.failed ? whyView(x) : undefined;
}

export async function loadWhy(gateway: AzureGateway, journal: JournalStore, ref: ScaleSetRef, known?: KnownPlatform): Promise<WhyState> {
  const [run, platform] = await Promise.all([Promise.resolve().then(() => runWhy(journal, ref)), platformWhy(gateway, ref, known)]);
  return { ...(run ? { run } : {}), ...(platform ? { platform } : {}) };
}
