// A rollout file's target in words, for the plan, the status table and the dashboard.
import type { UpgradeTarget } from '../contract';

export function describeTarget(target: UpgradeTarget): string {
  switch (target.kind) {
    case 'latest':
      return 'the latest version of each set\'s image';
    case 'version':
      return `version ${target.version}`;
    case 'sku':
      return `SKU ${target.sku}${target.version ? ` ${target.version}` : ''}`;
    case 'image':
      return target.id.split('/').slice(-3).join('/');
  }
}
