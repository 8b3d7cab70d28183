// Shows a mapped AWS error with the buttons that fix it. Returns true when the user asked to retry.
import * as vscode from 'vscode';
import { describeAwsError, type CallContext, type UserFacingError } from '../model/awsErrorMessages';
import type { AwsSession } from './session';
import type { Log } from './log';

export function toUserError(error: unknown, session: AwsSession, service: string, operation: string): UserFacingError {
  const ctx: CallContext = {
    service, operation, profileLabel: session.current.profileLabel, endpointUrl: session.current.endpointUrl,
  };
  return describeAwsError(error, ctx);
}

export async function showAwsError(
  error: unknown, session: AwsSession, log: Log, service: string, operation: string,
): Promise<boolean> {
  const mapped = toUserError(error, session, service, operation);
  log.error(mapped.message);
  if (mapped.kind === 'no-credentials') await session.markCredentialsMissing();
  const labels: Record<string, string> = {
    'choose-profile': 'Choose Profile', 'copy-sso-login': 'Copy Login Command', retry: 'Retry', 'show-log': 'Show Log',
  };
  const choice = await vscode.window.showErrorMessage(mapped.message, ...mapped.actions.map((a) => labels[a]));
  switch (choice) {
    case labels['choose-profile']:
      await vscode.commands.executeCommand('sagemakerWorkbench.chooseProfile');
      return false;
    case labels['copy-sso-login']:
      if (mapped.command) await vscode.env.clipboard.writeText(mapped.command);
      return false;
    case labels['show-log']:
      log.show();
      return false;
    case labels.retry:
      return true;
    default:
      return false;
  }
}
