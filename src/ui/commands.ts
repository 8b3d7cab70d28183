// Every command of the extension is registered here, so each behaves alike: a log line when it runs, a
// trust check for the ones that touch workspace files, its outcome shown as a message, and an error it did
// not expect shown as the AWS error it is, with the buttons that fix it. The handler's result is returned
// to whoever ran the command (menus ignore it; tests assert on it).
import * as vscode from 'vscode';
import type { AwsSession } from '../session/awsSession';
import type { Log } from '../session/log';
import { showOutcome, type Outcome } from './outcome';
import { showAwsError } from './showAwsError';
import { window } from './window';
import { workspaceTrusted } from './workspaceTrust';

export interface CommandHost {
  session: AwsSession;
  log: Log;
}

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
  return vscode.commands.registerCommand(id, run);
}
