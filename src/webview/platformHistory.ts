// Azure's OS upgrade history in the dashboard with what this extension kept of it (issue 15). Pure
// apart from the kept files (core/journal/platformHistoryStore.ts); no vscode.
import type { RollingUpgradeStatusInfo, UpgradeOperationHistoricalStatusInfo } from '../azure/gateway';
import { historyFromLatest, platformHistoryDir, PlatformHistoryStore, withKept } from '../core/journal/platformHistoryStore';
import { platformHistoryEntry } from './azureViews';
import type { HistoryEntry } from './contract';

/**
 * Azure's history plus what this extension kept of it (issue 15: beyond A5's five entries / two months);
 * what was just read is kept first. A kept entry Azure still lists is shown once, as Azure's.
 */
export function platformEntries(journalDir: string, id: string, rolling: PromiseSettledResult<RollingUpgradeStatusInfo | undefined>, history: PromiseSettledResult<UpgradeOperationHistoricalStatusInfo[]>, warn: (err: unknown) => void): HistoryEntry[] {
  const azure = history.status === 'fulfilled' ? history.value : [];
  const store = new PlatformHistoryStore(platformHistoryDir(journalDir));
  try {
    store.record(id, [...azure, ...(rolling.status === 'fulfilled' && rolling.value ? [historyFromLatest(rolling.value)] : [])]);
  } catch (err) {
    warn(err);
  }
  return withKept(azure, store.kept(id)).map((h) => ({ ...platformHistoryEntry(h), ...(h.keptOnly ? { kept: true } : {}) }));
}
