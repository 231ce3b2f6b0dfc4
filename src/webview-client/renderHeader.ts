import type { ScaleSetHeader } from '../webview/contract';
import type { DashboardDom } from './skeleton';

export function renderHeader(dom: DashboardDom, scaleSet: ScaleSetHeader): void {
  dom.header.title.textContent = scaleSet.name;
  const auto = scaleSet.automaticOsUpgrade === undefined ? undefined : `automatic OS upgrade ${scaleSet.automaticOsUpgrade ? 'on' : 'off'}`;
  const mode = scaleSet.upgradeMode ? `${scaleSet.upgradeMode} upgrade mode` : undefined;
  const orchestration = scaleSet.orchestrationMode === 'Flexible' ? 'Flexible orchestration' : undefined;
  dom.header.meta.textContent = [scaleSet.resourceGroup, scaleSet.location, orchestration, scaleSet.image, mode, auto].filter(Boolean).join(' · ');
  // Issue 16: the OS-image maintenance window — automatic OS upgrades start only inside it.
  const w = scaleSet.maintenanceWindow;
  dom.header.window.hidden = !w;
  dom.header.window.dataset.open = w?.open ? 'true' : 'false';
  dom.header.window.textContent = w ? `Maintenance window (${w.name}): ${w.schedule}, ${w.timeZone} — ${w.when}` : '';
  document.title = `Upgrades: ${scaleSet.name}`;
}
