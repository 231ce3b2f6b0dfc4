// Palette and tree: stop the run now (the dashboard has the same button).
import * as vscode from 'vscode';
import { runControlCommand } from './runControl';

export const stopRunNowCommand = runControlCommand('vmssUpgrades.stopRunNow', 'cancelNow', () => vscode.l10n.t('Stop the Run Now'));
