// A6: Azure's own rolling upgrade as `rollingUpgrades/latest` reports it.
import type { AwaitingApproval, PlatformUpgradeView } from '../webview/contract';
import { el, icon, replaceChildren } from './dom';
import { formatTimestamp } from './format';
import type { DashboardDom } from './skeleton';

function approveButton(label: string, instanceId?: string): HTMLElement {
  return el('button', { type: 'button', class: 'action secondary', 'data-action': 'approveOsUpgrade', ...(instanceId ? { 'data-instance': instanceId, 'aria-label': `Approve the OS upgrade of ${label}` } : {}) }, [
    icon('check'),
    el('span', {}, [instanceId ? 'Approve' : label]),
  ]);
}

/** A1 osRollingUpgradeDeferral: the instances Azure holds for approval, each with its own approve button. */
function approvals(platform: PlatformUpgradeView): HTMLElement | undefined {
  if (!platform.deferral) return undefined;
  const waiting: readonly AwaitingApproval[] = platform.awaitingApproval ?? [];
  if (waiting.length === 0) return el('p', { class: 'note' }, ['Upgrade deferral is on: automatic OS upgrades wait for approval. Nothing is waiting now.']);
  return el('div', { class: 'approvals', 'data-waiting': String(waiting.length) }, [
    el('p', { class: 'platform-status', 'data-status': 'awaitingApproval' }, [`${waiting.length} instance(s) waiting for OS upgrade approval`]),
    el(
      'ul',
      { class: 'approval-list', 'aria-label': 'Instances waiting for approval' },
      waiting.map((w) =>
        el('li', {}, [
          icon('bell-dot'),
          ` ${w.name}${w.updateDomain !== undefined ? ` · update domain ${w.updateDomain}` : ''}${w.targetVersion ? ` → ${w.targetVersion}` : ''} `,
          approveButton(w.name, w.id),
        ]),
      ),
    ),
    el('div', { class: 'buttons' }, [approveButton('Approve all waiting')]),
  ]);
}

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
    approvals(platform),
    platform.note ? el('p', { class: 'note' }, [platform.note]) : undefined,
    platform.error ? el('p', { class: 'error-text' }, [platform.error]) : undefined,
  ]);
}
