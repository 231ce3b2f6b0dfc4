// Palette and tree: reject the open gate of a run; the run stops (outcome "rejected").
import * as vscode from 'vscode';
import { gateCommand } from './runControl';

export const rejectGateCommand = gateCommand('vmssUpgrades.rejectGate', 'reject', () => vscode.l10n.t('Reject the Open Gate'));
