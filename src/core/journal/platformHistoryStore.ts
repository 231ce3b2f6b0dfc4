// Azure keeps the OS upgrade history of a set for five attempts within two months (A5). What this tool
// saw of Azure's upgrades (the history it read, `rollingUpgrades/latest` while it watched one) is kept
// here, beside the journal, one JSON file per scale set, so the history can show older attempts too.
// Entries are keyed by their start time: the same attempt seen again (its later status) replaces the
// earlier sighting; Azure's own entries win over kept ones when both are shown.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RollingUpgradeStatusInfo, UpgradeOperationHistoricalStatusInfo } from '../../azure/gateway';

/** Enough for years of monthly upgrades; the oldest drop off. */
export const keptPerScaleSet = 200;

const startOf = (h: UpgradeOperationHistoricalStatusInfo) => (h.properties?.runningStatus?.startTime ? new Date(h.properties.runningStatus.startTime).getTime() : undefined);

/** `rollingUpgrades/latest` in the history's shape (A6 → A5), so both kinds are kept and shown alike. */
export function historyFromLatest(s: RollingUpgradeStatusInfo): UpgradeOperationHistoricalStatusInfo {
  const running = s.runningStatus?.code === 'RollingForward';
  return {
    properties: {
      runningStatus: { code: s.runningStatus?.code, startTime: s.runningStatus?.startTime, ...(running ? {} : { endTime: s.runningStatus?.lastActionTime }) },
      progress: s.progress,
      ...(s.error ? { error: s.error } : {}),
    },
  } as UpgradeOperationHistoricalStatusInfo;
}

function revive(raw: unknown): UpgradeOperationHistoricalStatusInfo {
  const h = raw as UpgradeOperationHistoricalStatusInfo;
  const s = h.properties?.runningStatus;
  if (s?.startTime) (s as { startTime?: Date }).startTime = new Date(s.startTime);
  if (s?.endTime) (s as { endTime?: Date }).endTime = new Date(s.endTime);
  return h;
}

export class PlatformHistoryStore {
  constructor(readonly dir: string) {}

  private fileOf(scaleSetId: string): string {
    return path.join(this.dir, `${createHash('sha256').update(scaleSetId.toLowerCase()).digest('hex').slice(0, 24)}.json`);
  }

  /** What was kept for the set, newest first. A damaged file counts as empty (it is rewritten on the next sighting). */
  kept(scaleSetId: string): UpgradeOperationHistoricalStatusInfo[] {
    try {
      const parsed = JSON.parse(fs.readFileSync(this.fileOf(scaleSetId), 'utf8')) as { scaleSetId?: string; entries?: unknown[] };
      return (parsed.entries ?? []).map(revive);
    } catch {
      return [];
    }
  }

  /** Keeps what was seen (entries without a start time cannot be matched later and are skipped). */
  record(scaleSetId: string, seen: readonly UpgradeOperationHistoricalStatusInfo[]): void {
    const dated = seen.filter((h) => startOf(h) !== undefined);
    if (dated.length === 0) return;
    const byStart = new Map<number, UpgradeOperationHistoricalStatusInfo>();
    for (const h of this.kept(scaleSetId)) byStart.set(startOf(h)!, h);
    for (const h of dated) {
      const earlier = byStart.get(startOf(h)!);
      // The history has startedBy and the target image; a later `latest` sighting must not drop them.
      byStart.set(startOf(h)!, earlier ? { ...earlier, ...h, properties: { ...earlier.properties, ...h.properties } } : h);
    }
    const entries = [...byStart.values()].sort((a, b) => startOf(b)! - startOf(a)!).slice(0, keptPerScaleSet);
    fs.mkdirSync(this.dir, { recursive: true });
    const file = this.fileOf(scaleSetId);
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify({ scaleSetId, entries }));
    fs.renameSync(tmp, file);
  }
}

/** Azure's entries, then the kept ones Azure no longer lists (same start time: Azure's wins), newest first. */
export function withKept(azure: readonly UpgradeOperationHistoricalStatusInfo[], kept: readonly UpgradeOperationHistoricalStatusInfo[]): (UpgradeOperationHistoricalStatusInfo & { keptOnly?: true })[] {
  const listed = new Set(azure.map(startOf).filter((t): t is number => t !== undefined));
  const older = kept.filter((h) => !listed.has(startOf(h)!)).map((h) => ({ ...h, keptOnly: true as const }));
  return [...azure, ...older].sort((a, b) => (startOf(b) ?? -Infinity) - (startOf(a) ?? -Infinity));
}

/** Where the extension and the CLI keep it: beside the run journals. */
export function platformHistoryDir(journalDir: string): string {
  return path.join(journalDir, 'platform-history');
}
