// Reloads the whole tree, or one node when invoked from a row (inline action, "Retry" on a message).
import { isTreeNode } from '../views/treeNodes';
import type { ExtensionCommand } from './extensionCommand';

export const refreshCommand: ExtensionCommand = {
  id: 'vmssUpgrades.refresh',
  run({ tree }, node?: unknown) {
    tree.refresh(isTreeNode(node) ? node : undefined);
  },
};

