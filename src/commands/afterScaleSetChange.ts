// After a command changed a scale set: the tree row shows the new model, an open dashboard reloads
// and its event log says what changed.
import type { CommandServices } from './extensionCommand';
import { refreshDashboard } from './dashboardActions';
import type { ScaleSetTarget } from './scaleSetTarget';

export async function afterScaleSetChange(services: CommandServices, target: ScaleSetTarget, logLine?: string): Promise<void> {
  // A watch that ends at once still makes one last read: the row shows the new model.
  services.tree.watch(target.ref, Promise.resolve());
  const { dashboards } = services.upgrades;
  if (logLine) dashboards.session(target.id).append([{ level: 'info', text: logLine }]);
  if (dashboards.isOpen(target.id)) await refreshDashboard(services, target.id);
}
