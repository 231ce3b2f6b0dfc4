// The one registration point for commands: adding a command is one file plus one entry in `commands`.
// Every handler is wrapped so that a failure becomes a clear notification, never an unhandled rejection
// (issue 4, item 5), and so that the caller can add measurement (telemetry's instrumentCommand).
import * as vscode from 'vscode';
import { describeAzureError } from '../azure/azureError';
import type { CommandServices, ExtensionCommand } from './extensionCommand';
import { cancelLoadingCommand } from './cancelLoading';
import { refreshCommand } from './refresh';
import { selectSubscriptionsCommand } from './selectSubscriptions';
import { selectTenantCommand } from './selectTenant';
import { signInCommand } from './signIn';
import { signOutCommand } from './signOut';
import { useSimulatorCommand } from './useSimulator';
import { showDashboardCommand } from './showDashboard';
import { playDashboardScenarioCommand } from './playDashboardScenario';
import { enableAutomaticOsUpgradeCommand } from './enableAutomaticOsUpgrade';
import { disableAutomaticOsUpgradeCommand } from './disableAutomaticOsUpgrade';
import { editRollingPolicyCommand } from './editRollingPolicy';
import { startPlatformUpgradeCommand } from './startPlatformUpgrade';
import { cancelPlatformUpgradeCommand } from './cancelPlatformUpgrade';
import { rehearseUpgradeCommand } from './rehearseUpgrade';
import { runEmbeddedUpgradeCommand } from './runEmbeddedUpgrade';
import { startPlannedRunCommand } from './startPlannedRun';
import { pauseRunCommand } from './pauseRun';
import { resumeRunCommand } from './resumeRun';
import { cancelRunCommand } from './cancelRun';
import { stopRunNowCommand } from './stopRunNow';
import { approveGateCommand } from './approveGate';
import { rejectGateCommand } from './rejectGate';
import { showHistoryCommand } from './showHistory';
import { exportHistoryCommand } from './exportHistory';

export const commands: readonly ExtensionCommand[] = [
  refreshCommand,
  signInCommand,
  signOutCommand,
  useSimulatorCommand,
  selectSubscriptionsCommand,
  selectTenantCommand,
  cancelLoadingCommand,
  showDashboardCommand,
  playDashboardScenarioCommand,
  enableAutomaticOsUpgradeCommand,
  disableAutomaticOsUpgradeCommand,
  editRollingPolicyCommand,
  startPlatformUpgradeCommand,
  cancelPlatformUpgradeCommand,
  runEmbeddedUpgradeCommand,
  rehearseUpgradeCommand,
  startPlannedRunCommand,
  pauseRunCommand,
  resumeRunCommand,
  cancelRunCommand,
  stopRunNowCommand,
  approveGateCommand,
  rejectGateCommand,
  showHistoryCommand,
  exportHistoryCommand,
];

export type CommandWrapper = (id: string, handler: (...args: unknown[]) => Promise<unknown>) => (...args: unknown[]) => Promise<unknown>;

export type CommandHandler = (...args: unknown[]) => Promise<unknown>;

/** Every command's handler by id, each turning a failure into a notification (the activation bundle registers the ids). */
export function commandHandlers(services: CommandServices, wrap: CommandWrapper = (_id, handler) => handler): Map<string, CommandHandler> {
  return new Map(
    commands.map((command) => {
      const handler = wrap(command.id, async (...args: unknown[]) => command.run(services, ...args));
      const guarded: CommandHandler = async (...args) => {
        try {
          return await handler(...args);
        } catch (err) {
          void vscode.window.showErrorMessage(describeAzureError(err).message);
          return undefined;
        }
      };
      return [command.id, guarded];
    }),
  );
}
