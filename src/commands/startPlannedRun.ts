// Palette and tree: start the reviewed run (the dashboard has the same button).
import * as vscode from 'vscode';
import { runControlCommand } from './runControl';

export const startPlannedRunCommand = runControlCommand('vmssUpgrades.startPlannedRun', 'start', () => vscode.l10n.t('Start the Reviewed Run'));
