// After a command changed a scale set: the tree row shows the new model, an open dashboard reloads
// and its event log says what changed.
import type { CommandServices } from './extensionCommand';
import type { ScaleSetTarget } from './scaleSetTarget';

export async function afterScaleSetChange(services: CommandServices, target: ScaleSetTarget, logLine?: string): Promise<void> {
  // A watch that ends at once still makes one last read: the row shows the new model.
  services.tree.watch(target.ref, Promise.resolve());
  if (logLine) services.upgrades.note(target.id, [{ level: 'info', text: logLine }]);
  // No dashboard was ever opened while the webview host is not loaded (issue 18): nothing to reload.
  if (services.upgrades.loaded()?.dashboards.isOpen(target.id)) await services.upgrades.host().refreshDashboard(services, target.id);
}
