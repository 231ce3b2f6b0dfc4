// Palette and tree: approve the open gate of a run (canary, zone or batch), so it continues.
import * as vscode from 'vscode';
import { gateCommand } from './runControl';

export const approveGateCommand = gateCommand('vmssUpgrades.approveGate', 'approve', () => vscode.l10n.t('Approve the Open Gate'));
