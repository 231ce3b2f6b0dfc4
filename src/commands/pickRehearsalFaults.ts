// What a rehearsal should try (issue 15): the faults of `vmss-upgrades rehearse`, chosen in one quick
// pick, with the count or seconds asked only for what was ticked.
import * as vscode from 'vscode';
import type { RehearsalFaults } from '../rehearsal/rehearsalFaults';

type FaultKind = 'neverHealthy' | 'slow' | 'throttle';

interface FaultItem extends vscode.QuickPickItem {
  readonly fault: FaultKind;
}

async function askNumber(title: string, prompt: string, value: string, valid: (n: number) => boolean, invalid: string): Promise<number | undefined> {
  const text = await vscode.window.showInputBox({ title, prompt, value, ignoreFocusOut: true, validateInput: (v) => (valid(Number(v.trim())) ? undefined : invalid) });
  return text === undefined ? undefined : Number(text.trim());
}

/** Undefined when the user backs out; an empty object is a rehearsal without faults. */
export async function pickRehearsalFaults(title: string): Promise<RehearsalFaults | undefined> {
  const items: FaultItem[] = [
    { fault: 'neverHealthy', label: vscode.l10n.t('Some instances never become healthy on the new image'), description: 'O4, O5' },
    { fault: 'slow', label: vscode.l10n.t('Some instances are slow to become healthy'), description: 'O4' },
    { fault: 'throttle', label: vscode.l10n.t('Azure throttles some requests (429)'), description: vscode.l10n.t('ARM throttling') },
  ];
  const picked = await vscode.window.showQuickPick(items, { title, canPickMany: true, ignoreFocusOut: true, placeHolder: vscode.l10n.t('What should go wrong in the rehearsal? (none: everything goes well)') });
  if (!picked) return undefined;
  const kinds = new Set(picked.map((p) => p.fault));
  const whole = (n: number) => Number.isInteger(n) && n >= 1;
  const faults: { -readonly [K in keyof RehearsalFaults]: RehearsalFaults[K] } = {};
  if (kinds.has('neverHealthy')) {
    const first = await askNumber(title, vscode.l10n.t('How many instances never become healthy? (the first ones the plan moves)'), '1', whole, vscode.l10n.t('A whole number of at least 1'));
    if (first === undefined) return undefined;
    faults.neverHealthy = { first };
  }
  if (kinds.has('slow')) {
    const first = await askNumber(title, vscode.l10n.t('How many instances are slow? (the first ones the plan moves)'), '1', whole, vscode.l10n.t('A whole number of at least 1'));
    if (first === undefined) return undefined;
    const seconds = await askNumber(title, vscode.l10n.t('Seconds after the new disk until they are healthy'), '400', whole, vscode.l10n.t('A whole number of seconds'));
    if (seconds === undefined) return undefined;
    faults.slow = { pick: { first }, seconds };
  }
  if (kinds.has('throttle')) {
    const percent = await askNumber(title, vscode.l10n.t('Percent of Compute requests answered 429'), '10', (n) => n > 0 && n <= 100, vscode.l10n.t('A number from 1 to 100'));
    if (percent === undefined) return undefined;
    faults.throttleRate = percent / 100;
  }
  return faults;
}
