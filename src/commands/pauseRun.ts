// Palette and tree: pause the run (the dashboard has the same button).
import * as vscode from 'vscode';
import { runControlCommand } from './runControl';

export const pauseRunCommand = runControlCommand('vmssUpgrades.pauseRun', 'pause', () => vscode.l10n.t('Pause the Run'));
