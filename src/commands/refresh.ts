// Reloads the whole tree, or one node when invoked from a row (inline action, "Retry" on a message).
import type { TreeNode } from '../views/treeNodes';
import type { ExtensionCommand } from './extensionCommand';

export const refreshCommand: ExtensionCommand = {
  id: 'vmssUpgrades.refresh',
  run({ tree }, node?: unknown) {
    tree.refresh(isTreeNode(node) ? node : undefined);
  },
};

function isTreeNode(value: unknown): value is TreeNode {
  return typeof value === 'object' && value !== null && 'kind' in value && 'key' in value;
}
