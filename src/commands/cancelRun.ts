// Palette and tree: cancel the run after this batch (the dashboard has the same button).
import * as vscode from 'vscode';
import { runControlCommand } from './runControl';

export const cancelRunCommand = runControlCommand('vmssUpgrades.cancelRun', 'cancel', () => vscode.l10n.t('Cancel the Run After This Batch'));
