// Palette and tree: resume the run (the dashboard has the same button).
import * as vscode from 'vscode';
import { runControlCommand } from './runControl';

export const resumeRunCommand = runControlCommand('vmssUpgrades.resumeRun', 'resume', () => vscode.l10n.t('Resume the Run'));
