// A wizard of quick picks and input boxes with a working Back button and a step counter ("2/5"), the way
// VS Code's own multi-step inputs behave. Each step is a function that asks one thing and returns the next
// step; Back re-runs the previous step with the values entered so far, so nothing typed is lost.
import * as vscode from 'vscode';
import { window } from './window';

export class WizardBack extends Error {}
export class WizardCancelled extends Error {}

export type Step<S> = (input: MultiStepInput, state: S) => Promise<Step<S> | undefined>;

export interface PickOptions<T extends vscode.QuickPickItem> {
  title: string;
  placeholder?: string;
  items: readonly T[] | Promise<readonly T[]>;
  activeItem?: T;
  /** Accept typed text that matches no item (e.g. a region code not in the list). */
  acceptTyped?: (value: string) => T | undefined;
  matchOnDescription?: boolean;
  matchOnDetail?: boolean;
}

export interface InputOptions {
  title: string;
  prompt?: string;
  placeholder?: string;
  value?: string;
  password?: boolean;
  /** Returns an error message, or undefined when the value is valid. */
  validate?: (value: string) => string | undefined | Promise<string | undefined>;
}

export class MultiStepInput {
  private current?: vscode.QuickInput;
  private steps: Array<() => Promise<unknown>> = [];
  stepIndex = 0;
  totalSteps = 0;

  static async run<S>(first: Step<S>, state: S, totalSteps: number): Promise<S | undefined> {
    const input = new MultiStepInput();
    input.totalSteps = totalSteps;
    try {
      return (await input.runSteps(first, state)) ? state : undefined;
    } finally {
      input.current?.dispose();
    }
  }

  private async runSteps<S>(first: Step<S>, state: S): Promise<boolean> {
    const history: Step<S>[] = [];
    let step: Step<S> | undefined = first;
    while (step) {
      history.push(step);
      this.stepIndex = history.length;
      try {
        step = await step(this, state);
      } catch (err) {
        if (err instanceof WizardBack) {
          history.pop();
          step = history.pop();
          continue;
        }
        if (err instanceof WizardCancelled) return false;
        throw err;
      }
    }
    this.steps = [];
    return true;
  }

  async pick<T extends vscode.QuickPickItem>(options: PickOptions<T>): Promise<T> {
    const picker = window.createQuickPick<T>();
    picker.title = options.title;
    picker.step = this.stepIndex;
    picker.totalSteps = this.totalSteps;
    picker.placeholder = options.placeholder;
    picker.matchOnDescription = options.matchOnDescription ?? true;
    picker.matchOnDetail = options.matchOnDetail ?? false;
    picker.ignoreFocusOut = true;
    picker.buttons = this.stepIndex > 1 ? [vscode.QuickInputButtons.Back] : [];
    picker.busy = true;
    this.replace(picker);
    const items = await options.items;
    picker.items = items;
    if (options.activeItem) picker.activeItems = [options.activeItem];
    picker.busy = false;
    return new Promise<T>((resolve, reject) => {
      const subs: vscode.Disposable[] = [
        picker.onDidTriggerButton((b) => {
          if (b === vscode.QuickInputButtons.Back) reject(new WizardBack());
        }),
        picker.onDidAccept(() => {
          const chosen = picker.selectedItems[0] ?? picker.activeItems[0];
          const typed = options.acceptTyped?.(picker.value.trim());
          if (typed && (!chosen || picker.value.trim() === typed.label)) resolve(typed);
          else if (chosen) resolve(chosen);
        }),
        picker.onDidHide(() => reject(new WizardCancelled())),
      ];
      this.steps.push(async () => subs.forEach((s) => s.dispose()));
    }).finally(() => this.disposeListeners());
  }

  async inputBox(options: InputOptions): Promise<string> {
    const box = window.createInputBox();
    box.title = options.title;
    box.step = this.stepIndex;
    box.totalSteps = this.totalSteps;
    box.prompt = options.prompt;
    box.placeholder = options.placeholder;
    box.value = options.value ?? '';
    box.password = options.password ?? false;
    box.ignoreFocusOut = true;
    box.buttons = this.stepIndex > 1 ? [vscode.QuickInputButtons.Back] : [];
    this.replace(box);
    return new Promise<string>((resolve, reject) => {
      const validate = async (value: string) => {
        const message = await options.validate?.(value);
        box.validationMessage = message;
        return message === undefined;
      };
      const subs: vscode.Disposable[] = [
        box.onDidTriggerButton((b) => {
          if (b === vscode.QuickInputButtons.Back) reject(new WizardBack());
        }),
        box.onDidChangeValue((v) => void validate(v)),
        box.onDidAccept(async () => {
          box.busy = true;
          box.enabled = false;
          const ok = await validate(box.value);
          box.busy = false;
          box.enabled = true;
          if (ok) resolve(box.value);
        }),
        box.onDidHide(() => reject(new WizardCancelled())),
      ];
      this.steps.push(async () => subs.forEach((s) => s.dispose()));
    }).finally(() => this.disposeListeners());
  }

  private replace(input: vscode.QuickInput): void {
    const previous = this.current;
    this.current = input;
    input.show();
    // Dispose the previous input after showing the next so the widget does not flicker closed.
    previous?.dispose();
  }

  private disposeListeners(): void {
    const pending = this.steps;
    this.steps = [];
    for (const dispose of pending) void dispose();
  }
}
