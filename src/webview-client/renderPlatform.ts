// A6: Azure's own rolling upgrade as `rollingUpgrades/latest` reports it.
import type { PlatformUpgradeView } from '../webview/contract';
import { el, replaceChildren } from './dom';
import { formatTimestamp } from './format';
import type { DashboardDom } from './skeleton';

export function renderPlatform(dom: DashboardDom, platform: PlatformUpgradeView | undefined): void {
  dom.platform.cancel.hidden = platform?.status !== 'RollingForward';
  if (!platform) {
    replaceChildren(dom.platform.body, [el('p', { class: 'empty' }, ['No Azure rolling upgrade on record.'])]);
    return;
  }
  const when = [platform.startedAt ? `started ${formatTimestamp(platform.startedAt)}` : '', platform.endedAt ? `ended ${formatTimestamp(platform.endedAt)}` : ''].filter(Boolean).join(', ');
  replaceChildren(dom.platform.body, [
    el('p', { class: 'platform-status', 'data-status': platform.status }, [`${platform.status}${platform.lastAction ? ` (last action: ${platform.lastAction})` : ''}${when ? ` — ${when}` : ''}`]),
    el('dl', { class: 'counts' }, [
      el('dt', {}, ['Upgraded']), el('dd', {}, [String(platform.successful)]),
      el('dt', {}, ['In progress']), el('dd', {}, [String(platform.inProgress)]),
      el('dt', {}, ['Pending']), el('dd', {}, [String(platform.pending)]),
      el('dt', {}, ['Failed']), el('dd', {}, [String(platform.failed)]),
    ]),
    platform.note ? el('p', { class: 'note' }, [platform.note]) : undefined,
    platform.error ? el('p', { class: 'error-text' }, [platform.error]) : undefined,
  ]);
}
