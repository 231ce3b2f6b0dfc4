// How an instance row looks: a codicon and theme colour by health (H1–H3), and its context value.
// Rolling upgrades treat Unknown as unhealthy and wait while Initializing (H3), so those get their own
// looks; an instance that is not running is shown as stopped whatever its derived health.
import type { InstanceSnapshot } from '../azure/gateway';

export interface Appearance {
  /** Codicon id, e.g. `pass`. */
  readonly icon: string;
  /** Theme colour id, e.g. `testing.iconPassed`. */
  readonly color: string;
}

export function instanceAppearance(instance: InstanceSnapshot): Appearance {
  // osRollingUpgradeDeferral: the platform holds this instance's OS upgrade until someone approves it.
  if (instance.pendingOsUpgrade !== undefined) return { icon: 'bell-dot', color: 'charts.orange' };
  if (instance.powerState !== 'running' && instance.powerState !== 'starting') return { icon: 'circle-slash', color: 'disabledForeground' };
  switch (instance.health) {
    case 'healthy':
      return { icon: 'pass', color: 'testing.iconPassed' };
    case 'unhealthy':
      return { icon: 'error', color: 'testing.iconFailed' };
    case 'initializing':
      return { icon: 'watch', color: 'charts.yellow' };
    default:
      return { icon: 'question', color: 'list.warningForeground' };
  }
}

/** The version an instance runs: the resolved exact version when `latest` is in the model. */
export function instanceImageVersion(instance: InstanceSnapshot): string {
  return instance.image.exactVersion ?? instance.image.version ?? '';
}

/** e.g. `vmssInstance;healthy;running;latestModel`. */
export function instanceContextValue(instance: InstanceSnapshot): string {
  const model = instance.latestModelApplied === false ? 'outdatedModel' : 'latestModel';
  return ['vmssInstance', instance.health, instance.powerState, model, ...(instance.pendingOsUpgrade !== undefined ? ['awaitingApproval'] : [])].join(';');
}
