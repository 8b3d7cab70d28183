// The scripted stand-in for VS Code's dialogs: installed through the extension's one window seam
// (src/ui/window.ts), it answers every quick pick, input box and message the commands show, in the order a
// test scripted, and records what the user would have seen. A prompt nobody scripted fails the test with its
// title instead of waiting forever. Multi-step wizards see quick picks and input boxes that behave like
// VS Code's: items arrive, values are validated on accept, Back and Escape work.
import * as vscode from 'vscode';
import { useWindow, type Window } from '../../../src/ui/window';

export type Matcher = string | RegExp;
export type MessageLevel = 'info' | 'warning' | 'error';

export interface ShownMessage {
  level: MessageLevel;
  message: string;
  detail?: string;
  modal: boolean;
  items: string[];
}

export interface PickPrompt {
  readonly title: string;
  readonly placeholder?: string;
  readonly items: readonly vscode.QuickPickItem[];
  /** Chooses the first item whose label equals `label`, or matches a predicate; fails when none does. */
  pick(label: string | ((item: vscode.QuickPickItem) => boolean)): void;
  /** Chooses several items (a picker with canPickMany). */
  pickMany(labels: string[]): void;
  /** Types text and presses Enter with no item selected (a picker that accepts typed values). */
  type(value: string): void;
  back(): void;
  cancel(): void;
}

export interface InputPrompt {
  readonly title: string;
  readonly prompt?: string;
  /** The value the box opened with. */
  readonly value: string;
  /** Types `value` (replacing the text) and presses Enter: the validation message if refused, else undefined. */
  type(value: string): Promise<string | undefined>;
  /** Presses Enter on the value as it is. */
  accept(): Promise<string | undefined>;
  back(): void;
  cancel(): void;
}

type Handler =
  | { kind: 'pick'; match: Matcher; answer: (p: PickPrompt) => void | Promise<void> }
  | { kind: 'input'; match: Matcher; answer: (p: InputPrompt) => void | Promise<void> }
  | { kind: 'message'; match: Matcher; answer: string | undefined };

const matches = (m: Matcher, text: string) => (typeof m === 'string' ? text.includes(m) : m.test(text));

/** A picker as VS Code shows one: `createQuickPick` returns it, and `showQuickPick` uses one too. */
class FakeQuickPick<T extends vscode.QuickPickItem> {
  private readonly accept = new vscode.EventEmitter<void>();
  private readonly hide = new vscode.EventEmitter<void>();
  private readonly button = new vscode.EventEmitter<vscode.QuickInputButton>();
  private readonly changeValue = new vscode.EventEmitter<string>();
  private readonly changeSelection = new vscode.EventEmitter<readonly T[]>();
  private readonly changeActive = new vscode.EventEmitter<readonly T[]>();
  readonly onDidAccept = this.accept.event;
  readonly onDidHide = this.hide.event;
  readonly onDidTriggerButton = this.button.event;
  readonly onDidChangeValue = this.changeValue.event;
  readonly onDidChangeSelection = this.changeSelection.event;
  readonly onDidChangeActive = this.changeActive.event;
  readonly onDidTriggerItemButton = new vscode.EventEmitter<vscode.QuickPickItemButtonEvent<T>>().event;
  title: string | undefined;
  step: number | undefined;
  totalSteps: number | undefined;
  placeholder: string | undefined;
  prompt: string | undefined;
  value = '';
  items: readonly T[] = [];
  activeItems: readonly T[] = [];
  selectedItems: readonly T[] = [];
  buttons: readonly vscode.QuickInputButton[] = [];
  canSelectMany = false;
  matchOnDescription = false;
  matchOnDetail = false;
  ignoreFocusOut = false;
  keepScrollPosition = false;
  sortByLabel = true;
  enabled = true;
  private busyValue = false;
  private shown = false;
  private dispatched = false;

  constructor(private readonly onReady: (picker: FakeQuickPick<T>) => void) {}

  get busy(): boolean {
    return this.busyValue;
  }
  set busy(value: boolean) {
    this.busyValue = value;
    this.dispatch();
  }

  show(): void {
    this.shown = true;
    // Like VS Code, the picker is answered only once its items are there (busy cleared).
    this.dispatch();
  }

  private dispatch(): void {
    if (!this.shown || this.busyValue || this.dispatched) return;
    this.dispatched = true;
    // After the code that showed it has subscribed to its events, as a person's answer would come.
    setImmediate(() => this.onReady(this));
  }

  prompt_(): PickPrompt {
    const find = (label: string | ((item: vscode.QuickPickItem) => boolean)) => {
      const item = this.items.find((i) => (typeof label === 'string' ? i.label === label : label(i)));
      if (!item)
        throw new Error(
          `"${this.title ?? this.placeholder}" offers no ${typeof label === 'string' ? `"${label}"` : 'such item'}; it offers: ${this.items.map((i) => i.label).join(' | ')}`,
        );
      return item;
    };
    return {
      title: this.title ?? '',
      placeholder: this.placeholder,
      items: this.items,
      pick: (label) => {
        const item = find(label);
        this.activeItems = [item];
        this.selectedItems = [item];
        this.changeSelection.fire(this.selectedItems);
        this.accept.fire();
      },
      pickMany: (labels) => {
        this.selectedItems = labels.map((l) => find(l));
        this.changeSelection.fire(this.selectedItems);
        this.accept.fire();
      },
      type: (value) => {
        this.value = value;
        this.changeValue.fire(value);
        this.activeItems = [];
        this.selectedItems = [];
        this.accept.fire();
      },
      back: () => this.button.fire(vscode.QuickInputButtons.Back),
      cancel: () => this.hide.fire(),
    };
  }

  dispose(): void {
    for (const e of [this.accept, this.hide, this.button, this.changeValue, this.changeSelection, this.changeActive])
      e.dispose();
  }
  hide_(): void {
    this.hide.fire();
  }
}

/** An input box as VS Code shows one, for `createInputBox` and `showInputBox`. */
class FakeInputBox {
  private readonly acceptEmitter = new vscode.EventEmitter<void>();
  private readonly hide = new vscode.EventEmitter<void>();
  private readonly button = new vscode.EventEmitter<vscode.QuickInputButton>();
  private readonly changeValue = new vscode.EventEmitter<string>();
  readonly onDidAccept = this.acceptEmitter.event;
  readonly onDidHide = this.hide.event;
  readonly onDidTriggerButton = this.button.event;
  readonly onDidChangeValue = this.changeValue.event;
  title: string | undefined;
  step: number | undefined;
  totalSteps: number | undefined;
  placeholder: string | undefined;
  prompt: string | undefined;
  value = '';
  valueSelection: readonly [number, number] | undefined;
  password = false;
  buttons: readonly vscode.QuickInputButton[] = [];
  ignoreFocusOut = false;
  enabled = true;
  busy = false;
  validationMessage: string | vscode.InputBoxValidationMessage | undefined;
  /**
   * Resolves once an accept was judged (true = taken). A wizard's box is busy while it validates, so by
   * default the verdict is read when it is no longer busy.
   */
  settle = async (): Promise<boolean> => {
    do await new Promise((resolve) => setImmediate(resolve));
    while (this.busy);
    return !this.validationMessage;
  };

  constructor(private readonly onReady: (box: FakeInputBox) => void) {}

  show(): void {
    setImmediate(() => this.onReady(this));
  }

  prompt_(): InputPrompt {
    const accept = async (): Promise<string | undefined> => {
      this.acceptEmitter.fire();
      const taken = await this.settle();
      if (taken) return undefined;
      const message = this.validationMessage;
      return typeof message === 'string' ? message : (message?.message ?? 'refused');
    };
    return {
      title: this.title ?? '',
      prompt: this.prompt,
      value: this.value,
      type: (value) => {
        this.value = value;
        this.changeValue.fire(value);
        return accept();
      },
      accept,
      back: () => this.button.fire(vscode.QuickInputButtons.Back),
      cancel: () => this.hide.fire(),
    };
  }

  dispose(): void {
    for (const e of [this.acceptEmitter, this.hide, this.button, this.changeValue]) e.dispose();
  }
}

export class TestWindow implements Window {
  /** Every message shown, in order. */
  readonly messages: ShownMessage[] = [];
  /** Titles of every quick pick and input box shown, in order. */
  readonly asked: string[] = [];
  /** URLs handed to the browser, in order. */
  readonly opened: vscode.Uri[] = [];
  /** Prompts nothing answered (each also failed the command that showed it). */
  readonly unanswered: string[] = [];
  private readonly handlers: Handler[] = [];

  /** Answers the next quick pick whose title or placeholder matches. */
  onQuickPick(match: Matcher, answer: (p: PickPrompt) => void | Promise<void>): this {
    this.handlers.push({ kind: 'pick', match, answer });
    return this;
  }

  /** Answers the next input box whose title or prompt matches. */
  onInputBox(match: Matcher, answer: string | ((p: InputPrompt) => void | Promise<void>)): this {
    this.handlers.push({
      kind: 'input',
      match,
      answer: typeof answer === 'string' ? async (p) => void (await expectTaken(p, answer)) : answer,
    });
    return this;
  }

  /** Clicks `button` (undefined: dismisses) on the next message that matches. */
  onMessage(match: Matcher, button: string | undefined): this {
    this.handlers.push({ kind: 'message', match, answer: button });
    return this;
  }

  /** The messages at `level` shown so far (text only). */
  shown(level?: MessageLevel): string[] {
    return this.messages.filter((m) => !level || m.level === level).map((m) => m.message);
  }

  /** Handlers scripted but never used: a test that scripted a prompt the command never showed. */
  get unused(): string[] {
    return this.handlers.map((h) => `${h.kind} ${String(h.match)}`);
  }

  private take<K extends Handler['kind']>(
    kind: K,
    ...texts: Array<string | undefined>
  ): Extract<Handler, { kind: K }> | undefined {
    const index = this.handlers.findIndex(
      (h) => h.kind === kind && texts.some((t) => t !== undefined && matches(h.match, t)),
    );
    if (index < 0) return undefined;
    return this.handlers.splice(index, 1)[0] as Extract<Handler, { kind: K }>;
  }

  private unanswer(what: string): Error {
    this.unanswered.push(what);
    return new Error(`Test window: nothing scripted for ${what}`);
  }

  private message(level: MessageLevel, message: string, rest: unknown[]): Promise<unknown> {
    const options =
      typeof rest[0] === 'object' && rest[0] !== null && !('title' in (rest[0] as object))
        ? (rest.shift() as vscode.MessageOptions)
        : {};
    const items = rest as Array<string | vscode.MessageItem>;
    const shown: ShownMessage = {
      level,
      message,
      detail: options.detail,
      modal: options.modal ?? false,
      items: items.map((i) => (typeof i === 'string' ? i : i.title)),
    };
    this.messages.push(shown);
    const handler = this.take('message', message);
    if (!handler) {
      if (shown.modal) return Promise.reject(this.unanswer(`modal ${level} "${message}" (${shown.items.join(' | ')})`));
      return Promise.resolve(undefined);
    }
    if (handler.answer === undefined) return Promise.resolve(undefined);
    const chosen = items.find((i) => (typeof i === 'string' ? i : i.title) === handler.answer);
    if (chosen === undefined)
      return Promise.reject(
        new Error(`Test window: "${message}" has no button "${handler.answer}"; it has ${shown.items.join(' | ')}`),
      );
    return Promise.resolve(chosen);
  }

  showInformationMessage = ((message: string, ...rest: unknown[]) =>
    this.message('info', message, rest)) as Window['showInformationMessage'];
  showWarningMessage = ((message: string, ...rest: unknown[]) =>
    this.message('warning', message, rest)) as Window['showWarningMessage'];
  showErrorMessage = ((message: string, ...rest: unknown[]) =>
    this.message('error', message, rest)) as Window['showErrorMessage'];

  createQuickPick = (<T extends vscode.QuickPickItem>() =>
    new FakeQuickPick<T>((picker) => {
      const title = picker.title ?? picker.placeholder ?? '';
      this.asked.push(title);
      const handler = this.take('pick', picker.title, picker.placeholder);
      if (!handler) {
        this.unanswer(`quick pick "${title}" (${picker.items.map((i) => i.label).join(' | ')})`);
        picker.hide_();
        return;
      }
      void Promise.resolve(handler.answer(picker.prompt_())).catch((error: unknown) => {
        this.unanswered.push(`quick pick "${title}": ${String(error)}`);
        picker.hide_();
      });
    })) as unknown as Window['createQuickPick'];

  createInputBox = (() =>
    new FakeInputBox((box) => {
      const title = box.title ?? box.prompt ?? '';
      this.asked.push(title);
      const handler = this.take('input', box.title, box.prompt);
      if (!handler) {
        this.unanswer(`input box "${title}"`);
        box.prompt_().cancel();
        return;
      }
      void Promise.resolve(handler.answer(box.prompt_())).catch((error: unknown) => {
        this.unanswered.push(`input box "${title}": ${String(error)}`);
        box.prompt_().cancel();
      });
    })) as unknown as Window['createInputBox'];

  showQuickPick = (async (
    items: readonly (string | vscode.QuickPickItem)[] | Thenable<readonly (string | vscode.QuickPickItem)[]>,
    options?: vscode.QuickPickOptions,
  ) => {
    const list = await items;
    const asItems = list.map((i) => (typeof i === 'string' ? { label: i } : i));
    return new Promise((resolve, reject) => {
      const picker = new FakeQuickPick<vscode.QuickPickItem>((p) => {
        const title = options?.title ?? options?.placeHolder ?? '';
        this.asked.push(title);
        const handler = this.take('pick', options?.title, options?.placeHolder);
        if (!handler)
          return reject(this.unanswer(`quick pick "${title}" (${asItems.map((i) => i.label).join(' | ')})`));
        Promise.resolve(handler.answer(p.prompt_())).catch(reject);
      });
      picker.title = options?.title;
      picker.placeholder = options?.placeHolder;
      picker.items = asItems;
      picker.canSelectMany = options?.canPickMany ?? false;
      const original = (item: vscode.QuickPickItem) => list[asItems.indexOf(item)];
      picker.onDidAccept(() => {
        if (picker.canSelectMany) resolve(picker.selectedItems.map(original));
        else resolve(picker.selectedItems[0] ? original(picker.selectedItems[0]) : undefined);
      });
      picker.onDidHide(() => resolve(undefined));
      picker.onDidTriggerButton(() => resolve(undefined));
      picker.show();
    });
  }) as Window['showQuickPick'];

  showInputBox = ((options?: vscode.InputBoxOptions) =>
    new Promise<string | undefined>((resolve, reject) => {
      const box = new FakeInputBox((b) => {
        const title = options?.title ?? options?.prompt ?? '';
        this.asked.push(title);
        const handler = this.take('input', options?.title, options?.prompt);
        if (!handler) return reject(this.unanswer(`input box "${title}"`));
        Promise.resolve(handler.answer(b.prompt_())).catch(reject);
      });
      box.title = options?.title;
      box.prompt = options?.prompt;
      box.value = options?.value ?? '';
      box.password = options?.password ?? false;
      let verdict: Promise<boolean> = Promise.resolve(false);
      box.settle = () => verdict;
      box.onDidAccept(() => {
        verdict = (async () => {
          const message = await options?.validateInput?.(box.value);
          box.validationMessage = message ?? undefined;
          if (message) return false;
          resolve(box.value);
          return true;
        })();
      });
      box.onDidHide(() => resolve(undefined));
      box.onDidTriggerButton(() => resolve(undefined));
      box.show();
    })) as Window['showInputBox'];

  openExternal = (async (uri: vscode.Uri) => {
    this.opened.push(uri);
    return true;
  }) as Window['openExternal'];

  showOpenDialog = (async () => {
    throw this.unanswer('open dialog');
  }) as Window['showOpenDialog'];

  showSaveDialog = (async () => {
    throw this.unanswer('save dialog');
  }) as Window['showSaveDialog'];
}

async function expectTaken(p: InputPrompt, value: string): Promise<void> {
  const refusal = await p.type(value);
  if (refusal) throw new Error(`"${p.title}" refused "${value}": ${refusal}`);
}

/**
 * Runs `body` with a fresh TestWindow answering every dialog, then restores VS Code's own. Fails when a
 * prompt went unanswered or a scripted answer was never asked for (so a script cannot silently drift).
 */
export async function withWindow<T>(body: (ui: TestWindow) => Promise<T>): Promise<T> {
  const ui = new TestWindow();
  const installed = useWindow(ui);
  try {
    const result = await body(ui);
    if (ui.unanswered.length) throw new Error(`Unanswered prompts: ${ui.unanswered.join('; ')}`);
    if (ui.unused.length) throw new Error(`Scripted but never shown: ${ui.unused.join('; ')}`);
    return result;
  } finally {
    installed.dispose();
  }
}

/** Runs a command as a menu or the palette would, with `ui` answering its prompts; returns what it returned. */
export async function run<T = unknown>(command: string, ...args: unknown[]): Promise<T> {
  return (await vscode.commands.executeCommand(
    command.startsWith('sagemakerWorkbench.') ? command : `sagemakerWorkbench.${command}`,
    ...args,
  )) as T;
}
