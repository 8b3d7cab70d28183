// Every command of the extension is registered here, so each behaves alike: a log line when it runs, a
// trust check for the ones that touch workspace files, its outcome shown as a message, and an error it did
// not expect shown as the AWS error it is, with the buttons that fix it. The handler's result is returned
// to whoever ran the command (menus ignore it; tests assert on it).
import * as vscode from 'vscode';
import { loadOnce } from '../model/loadOnce';
import type { AwsSession } from '../session/awsSession';
import type { Log } from '../session/log';
import { showOutcome, type Outcome } from './outcome';
import { showAwsError } from './showAwsError';
import { window } from './window';
import { workspaceTrusted } from './workspaceTrust';

export interface CommandHost {
  session: AwsSession;
  log: Log;
  /** Set while a feature loaded on first use registers: its commands go to the proxies already registered. */
  adopt?: (id: string, run: CommandRun) => void;
}

type CommandRun = (...args: unknown[]) => Promise<unknown>;

/** What a handler may return to have its ending shown; `action` adds a button to a failure. */
export type CommandOutcome = Outcome & { action?: { label: string; run(): void }; quiet?: boolean };

export interface CommandOptions {
  /** The AWS call an unexpected error is attributed to (its IAM action is named in the message). */
  operation?: string;
  /** IAM service prefix of `operation`; sagemaker unless said. */
  service?: string;
  /** Reads or writes workspace files: refused in an untrusted workspace, naming this feature. */
  needsTrust?: string;
}

function isOutcome(value: unknown): value is CommandOutcome {
  return typeof value === 'object' && value !== null && typeof (value as Outcome).outcome === 'string';
}

/**
 * A plain Error a command throws to say how it was misused ("Select a resource first") is shown as it is;
 * everything else (SDK exceptions, credential and network errors, which are subclasses or carry a code) is an
 * AWS error and mapped to what the user can do about it.
 */
function isUsageError(error: unknown): error is Error {
  return (
    error instanceof Error &&
    Object.getPrototypeOf(error) === Error.prototype &&
    !('code' in error) &&
    !('$metadata' in error)
  );
}

export type CommandHandler = (...args: never[]) => unknown;

export function registerCommand(
  host: CommandHost,
  id: string,
  handler: CommandHandler,
  options: CommandOptions = {},
): vscode.Disposable {
  const run = async (...args: unknown[]): Promise<unknown> => {
    host.log.info(`Command ${id}`);
    if (options.needsTrust && !workspaceTrusted(options.needsTrust))
      return { outcome: 'refused', message: vscode.l10n.t('{0} needs a trusted workspace.', options.needsTrust) };
    try {
      const result = await (handler as (...a: unknown[]) => unknown)(...args);
      if (isOutcome(result) && !result.quiet) showOutcome(result, { action: result.action });
      return result;
    } catch (error) {
      if (isUsageError(error)) {
        host.log.warn(`${id}: ${error.message}`);
        void window.showErrorMessage(error.message);
        return { outcome: 'failed', message: error.message };
      }
      const mapped = showAwsError(
        error,
        host.session,
        host.log,
        options.service ?? 'sagemaker',
        options.operation ?? id,
        () => void run(...args),
      );
      return { outcome: 'failed', message: mapped.message, kind: mapped.kind };
    }
  };
  if (host.adopt) {
    host.adopt(id, run);
    return new vscode.Disposable(() => undefined);
  }
  return vscode.commands.registerCommand(id, run);
}

/**
 * A feature whose code loads on first use: its command ids are registered now, and the first run of any of them
 * imports the feature (a webpack chunk of its own), which registers its commands through `registerCommand` with a
 * host that hands them to these proxies. So activation loads only the ids, and every command behaves as if it had
 * been registered directly. A failed load (a missing chunk) is shown, and the next run tries again.
 */
export function registerLazyCommands<H extends CommandHost>(
  host: H,
  feature: string,
  ids: readonly string[],
  load: (host: H) => Promise<vscode.Disposable[]>,
): vscode.Disposable {
  const handlers = new Map<string, CommandRun>();
  const owned: vscode.Disposable[] = [];
  const loaded = loadOnce(async () => {
    owned.push(...(await load({ ...host, adopt: (id, run) => handlers.set(id, run) })));
    const stray = [...handlers.keys()].filter((id) => !ids.includes(id));
    const missing = ids.filter((id) => !handlers.has(id));
    // A command missing from `ids` would never be reachable; one in `ids` but not registered would do nothing.
    if (stray.length || missing.length)
      throw new Error(
        // l10n-exempt: a wiring mistake the integration tests catch, never shipped
        `${feature}: not proxied ${stray.join(', ')}; proxied but not registered ${missing.join(', ')}`,
      );
    host.log.info(`Loaded ${feature} on first use`);
  });
  const proxies = ids.map((id) =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        await loaded();
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        host.log.error(`Loading ${feature} for ${id} failed: ${reason}`);
        void window.showErrorMessage(vscode.l10n.t('SageMaker Workbench could not load {0}: {1}', feature, reason));
        return { outcome: 'failed', message: reason };
      }
      return handlers.get(id)?.(...args);
    }),
  );
  return vscode.Disposable.from(...proxies, { dispose: () => owned.forEach((d) => d.dispose()) });
}
