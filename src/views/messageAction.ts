// The one action a message row offers (issue 4, item 5): sign in when the session is missing or
// expired, restart the simulator when it cannot be reached, re-select when a filter hides everything,
// and otherwise retry the level that failed.
import type { CloudName } from '../azure/clouds';
import type { MessageNode } from './treeNodes';

export type MessageActionKind = 'retry' | 'signIn' | 'restartSimulator' | 'selectSubscriptions' | 'selectTenant';

export interface MessageAction {
  readonly kind: MessageActionKind;
  readonly command: string;
  readonly arguments?: unknown[];
}

export function messageAction(node: MessageNode, cloud: CloudName | undefined): MessageAction | undefined {
  const retry: MessageAction = { kind: 'retry', command: 'vmssUpgrades.refresh', arguments: node.parent ? [node.parent] : [] };
  switch (node.reason) {
    case 'noScaleSets':
    case 'noInstances':
    case 'loading':
      return undefined;
    case 'noSubscriptions':
      return cloud === 'Simulator' ? retry : { kind: 'selectTenant', command: 'vmssUpgrades.selectTenant' };
    case 'noSelectedSubscriptions':
      return { kind: 'selectSubscriptions', command: 'vmssUpgrades.selectSubscriptions' };
    case 'cancelled':
      return retry;
    case 'tenantUnavailable':
      return node.error?.kind === 'auth' ? { kind: 'signIn', command: 'vmssUpgrades.signIn', arguments: [node.tenant?.tenantId] } : retry;
    case 'loadFailed':
      if (node.error?.kind === 'auth' && cloud !== 'Simulator') return { kind: 'signIn', command: 'vmssUpgrades.signIn' };
      if (node.error?.kind === 'network' && cloud === 'Simulator') return { kind: 'restartSimulator', command: 'vmssUpgrades.useSimulator' };
      return retry;
  }
}
