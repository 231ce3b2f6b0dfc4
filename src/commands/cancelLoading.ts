// Aborts the tree's requests in flight; the levels that were loading offer Retry.
import type { ExtensionCommand } from './extensionCommand';

export const cancelLoadingCommand: ExtensionCommand = {
  id: 'vmssUpgrades.cancelLoading',
  run({ tree }) {
    tree.cancelLoading();
  },
};
