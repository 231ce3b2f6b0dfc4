// A small multi-step input on window.createInputBox / createQuickPick: "Step n of m" titles, a Back
// button, validation as the user types. Resolves undefined when the user dismisses a step.
import * as vscode from 'vscode';

export const back = Symbol('back');

interface StepBase {
  readonly title: string;
  readonly step: number;
  readonly totalSteps: number;
}

export function inputStep(options: StepBase & { readonly value: string; readonly prompt: string; validate(value: string): string | undefined }): Promise<string | typeof back | undefined> {
  return new Promise((resolve) => {
    const box = vscode.window.createInputBox();
    box.title = options.title;
    box.step = options.step;
    box.totalSteps = options.totalSteps;
    box.value = options.value;
    box.prompt = options.prompt;
    box.ignoreFocusOut = true;
    box.buttons = options.step > 1 ? [vscode.QuickInputButtons.Back] : [];
    let settled = false;
    const finish = (value: string | typeof back | undefined) => {
      if (settled) return;
      settled = true;
      resolve(value);
      box.dispose();
    };
    box.onDidChangeValue((value) => (box.validationMessage = options.validate(value)));
    box.onDidAccept(() => {
      const problem = options.validate(box.value);
      box.validationMessage = problem;
      if (!problem) finish(box.value);
    });
    box.onDidTriggerButton((button) => button === vscode.QuickInputButtons.Back && finish(back));
    box.onDidHide(() => finish(undefined));
    box.show();
  });
}

export function multiPickStep<T extends vscode.QuickPickItem>(options: StepBase & { readonly items: readonly T[]; readonly picked: readonly T[]; readonly placeholder: string }): Promise<readonly T[] | typeof back | undefined> {
  return new Promise((resolve) => {
    const pick = vscode.window.createQuickPick<T>();
    pick.title = options.title;
    pick.step = options.step;
    pick.totalSteps = options.totalSteps;
    pick.canSelectMany = true;
    pick.items = options.items;
    pick.selectedItems = options.picked;
    pick.placeholder = options.placeholder;
    pick.ignoreFocusOut = true;
    pick.buttons = options.step > 1 ? [vscode.QuickInputButtons.Back] : [];
    let settled = false;
    const finish = (value: readonly T[] | typeof back | undefined) => {
      if (settled) return;
      settled = true;
      resolve(value);
      pick.dispose();
    };
    pick.onDidAccept(() => finish([...pick.selectedItems]));
    pick.onDidTriggerButton((button) => button === vscode.QuickInputButtons.Back && finish(back));
    pick.onDidHide(() => finish(undefined));
    pick.show();
  });
}
