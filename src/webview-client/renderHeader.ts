import type { ScaleSetHeader } from '../webview/contract';
import type { DashboardDom } from './skeleton';

export function renderHeader(dom: DashboardDom, scaleSet: ScaleSetHeader): void {
  dom.header.title.textContent = scaleSet.name;
  const auto = scaleSet.automaticOsUpgrade === undefined ? undefined : `automatic OS upgrade ${scaleSet.automaticOsUpgrade ? 'on' : 'off'}`;
  const mode = scaleSet.upgradeMode ? `${scaleSet.upgradeMode} upgrade mode` : undefined;
  const orchestration = scaleSet.orchestrationMode === 'Flexible' ? 'Flexible orchestration' : undefined;
  dom.header.meta.textContent = [scaleSet.resourceGroup, scaleSet.location, orchestration, scaleSet.image, mode, auto].filter(Boolean).join(' · ');
  document.title = `Upgrades: ${scaleSet.name}`;
}
