// Switches to the built-in simulator (sets `vmssUpgrades.cloud` to Simulator), or restarts it.
import type { ExtensionCommand } from './extensionCommand';

export const useSimulatorCommand: ExtensionCommand = {
  id: 'vmssUpgrades.useSimulator',
  async run({ connection }) {
    await connection.useSimulator();
  },
};
