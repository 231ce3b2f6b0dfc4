// Explains Azure's own latest upgrade of a set: the newer of `rollingUpgrades/latest` (A6: a manual or
// policy-driven rolling upgrade) and the first entry of the OS upgrade history (A5: automatic OS
// upgrades, with rollbackInfo), read with the set's instance views. Azure says how many instances
// failed, not which: the instances named are those whose instance view shows the failure now
// (unhealthy, failed extensions, failed provisioning), the ones on the upgrade's target image first.
import type { InstanceSnapshot, RollingUpgradeStatusInfo, ScaleSetRef, UpgradeOperationHistoricalStatusInfo } from '../../azure/gateway';
import { entryForCode, type CatalogueEntry, type FailureId, type FixContext } from './catalogue';
import { evidenceOf, type InstanceEvidence } from './evidence';
import { evidenceCauses, explainFailure, type ExplainedFailure, type Explanation } from './explanation';

interface ApiErrorLike {
  readonly code?: string;
  readonly message?: string;
  readonly details?: readonly ApiErrorLike[];
  readonly innererror?: { readonly errordetail?: string; readonly exceptiontype?: string };
}

/** The one upgrade explained, in the shape both sources share. */
export interface PlatformUpgrade {
  readonly from: 'rollingUpgrades/latest' | 'osUpgradeHistory';
  readonly code?: string;
  readonly startTime?: Date;
  readonly startedBy?: string;
  readonly failedInstanceCount?: number;
  readonly successfulInstanceCount?: number;
  readonly error?: ApiErrorLike;
  readonly targetVersion?: string;
  readonly rollback?: { readonly failed?: number; readonly succeeded?: number; readonly error?: ApiErrorLike };
}

export function fromLatest(s: RollingUpgradeStatusInfo): PlatformUpgrade {
  return {
    from: 'rollingUpgrades/latest',
    ...(s.runningStatus?.code ? { code: s.runningStatus.code } : {}),
    ...(s.runningStatus?.startTime ? { startTime: new Date(s.runningStatus.startTime) } : {}),
    ...(s.progress?.failedInstanceCount !== undefined ? { failedInstanceCount: s.progress.failedInstanceCount } : {}),
    ...(s.progress?.successfulInstanceCount !== undefined ? { successfulInstanceCount: s.progress.successfulInstanceCount } : {}),
    ...(s.error ? { error: s.error } : {}),
  };
}

export function fromHistory(h: UpgradeOperationHistoricalStatusInfo): PlatformUpgrade {
  const p = h.properties;
  const r = p?.rollbackInfo;
  const image = p?.targetImageReference;
  return {
    from: 'osUpgradeHistory',
    ...(p?.runningStatus?.code ? { code: p.runningStatus.code } : {}),
    ...(p?.runningStatus?.startTime ? { startTime: new Date(p.runningStatus.startTime) } : {}),
    ...(p?.startedBy ? { startedBy: p.startedBy } : {}),
    ...(p?.progress?.failedInstanceCount !== undefined ? { failedInstanceCount: p.progress.failedInstanceCount } : {}),
    ...(p?.progress?.successfulInstanceCount !== undefined ? { successfulInstanceCount: p.progress.successfulInstanceCount } : {}),
    ...(p?.error ? { error: p.error } : {}),
    ...(image?.version ? { targetVersion: image.version } : {}),
    ...(r ? { rollback: { ...(r.failedRolledbackInstanceCount !== undefined ? { failed: r.failedRolledbackInstanceCount } : {}), ...(r.successfullyRolledbackInstanceCount !== undefined ? { succeeded: r.successfullyRolledbackInstanceCount } : {}), ...(r.rollbackError ? { error: r.rollbackError } : {}) } } : {}),
  };
}

/** The newer of the two sources (an automatic upgrade is in the history; a manual one in both). */
export function latestPlatformUpgrade(latest: RollingUpgradeStatusInfo | undefined, history: readonly UpgradeOperationHistoricalStatusInfo[]): PlatformUpgrade | undefined {
  const candidates = [...(latest ? [fromLatest(latest)] : []), ...history.map(fromHistory)];
  if (candidates.length === 0) return undefined;
  // Equal start times: prefer the history entry (it carries rollbackInfo and the target image).
  return candidates.reduce((best, c) => ((c.startTime?.getTime() ?? 0) > (best.startTime?.getTime() ?? 0) || ((c.startTime?.getTime() ?? 0) === (best.startTime?.getTime() ?? 0) && c.from === 'osUpgradeHistory') ? c : best));
}

function isFailing(s: InstanceSnapshot): boolean {
  return s.health !== 'healthy' || s.extensionProblems.length > 0 || s.provisioningState.toLowerCase() === 'failed';
}

function failingInstances(instances: readonly InstanceSnapshot[], targetVersion: string | undefined): InstanceEvidence[] {
  const onTarget = (s: InstanceSnapshot) => targetVersion !== undefined && (s.image.exactVersion ?? s.image.version) === targetVersion;
  return instances
    .filter(isFailing)
    .sort((a, b) => Number(onTarget(b)) - Number(onTarget(a)) || Number(a.instanceId) - Number(b.instanceId) || a.instanceId.localeCompare(b.instanceId))
    .map(evidenceOf);
}

/** The codes inside an ARM error, outermost first (details can carry the specific one). */
function codesOf(e: ApiErrorLike | undefined): { code: string; message: string }[] {
  if (!e) return [];
  return [...(e.code ? [{ code: e.code, message: e.message ?? '' }] : []), ...(e.details ?? []).flatMap(codesOf)];
}

export function explainPlatform(ref: ScaleSetRef, upgrade: PlatformUpgrade | undefined, instances: readonly InstanceSnapshot[]): Explanation {
  const ctx: FixContext = { ...ref, instanceIds: [] };
  if (!upgrade) return { source: 'platform', scaleSet: ref, status: 'none', failed: false, summary: 'Azure reports no rolling or automatic OS upgrade for this set (the history keeps five within two months, A5).', failures: [] };
  const evidence = failingInstances(instances, upgrade.targetVersion);
  const failures: ExplainedFailure[] = [];
  const codes = codesOf(upgrade.error);
  const named: { code: string; entry?: CatalogueEntry } | undefined = codes.map((c) => ({ code: c.code, entry: entryForCode(c.code, c.message) })).find((c) => c.entry) ?? codes[0];
  const message = upgrade.error?.message ?? '';
  const counts = `${upgrade.failedInstanceCount ?? 0} instance(s) failed, ${upgrade.successfulInstanceCount ?? 0} succeeded`;
  let main: FailureId | undefined;
  if (named?.entry) main = named.entry.id;
  else if (upgrade.code === 'Cancelled') main = 'cancelled';
  else if ((upgrade.failedInstanceCount ?? 0) > 0) main = 'healthTimeout';
  else if (upgrade.code === 'Faulted') main = 'internalError';
  if (main) {
    const wantsInstances = main !== 'cancelled' && main !== 'upgradeInProgress';
    failures.push(explainFailure(main, ctx, { ...(named?.code ? { code: named.code } : {}), detail: [message, `${counts} (${upgrade.from}).`].filter(Boolean).join(' '), instances: wantsInstances ? evidence : [] }));
  }
  for (const extra of evidenceCauses(evidence, ctx)) if (!failures.some((f) => f.id === extra.id)) failures.push(extra);
  if ((upgrade.rollback?.failed ?? 0) > 0 || upgrade.rollback?.error) {
    const r = upgrade.rollback!;
    failures.push(explainFailure('rollbackFailed', ctx, { ...(r.error?.code ? { code: r.error.code } : {}), detail: `${r.failed ?? 0} instance(s) failed to roll back, ${r.succeeded ?? 0} rolled back.${r.error?.message ? ` ${r.error.message}` : ''}`, instances: evidence }));
  }
  const failed = upgrade.code === 'Faulted' || upgrade.code === 'Cancelled' || failures.length > 0;
  return {
    source: 'platform',
    scaleSet: ref,
    status: upgrade.code ?? 'unknown',
    ...(upgrade.startedBy ? { startedBy: upgrade.startedBy } : {}),
    ...(upgrade.startTime ? { startedAt: upgrade.startTime.getTime() } : {}),
    failed,
    summary: `${upgrade.from === 'osUpgradeHistory' ? 'OS upgrade' : 'Rolling upgrade'} ${upgrade.code ?? ''}: ${counts}.${message ? ` ${message}` : ''}`,
    failures,
  };
}
