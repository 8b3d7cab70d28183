// Shows a mapped AWS error with the buttons that fix it (choose another profile, copy `aws sso login`,
// open the log, retry). It does not wait for the click: a notification can sit unanswered for hours.
import * as vscode from 'vscode';
import { describeAwsError, type CallContext, type UserFacingError } from '../model/awsErrorMessages';
import type { AwsSession } from '../session/awsSession';
import type { Log } from '../session/log';
import { window } from './window';

export function toUserError(error: unknown, session: AwsSession, service: string, operation: string): UserFacingError {
  const ctx: CallContext = {
    service,
    operation,
    profileLabel: session.current.profileLabel,
    endpointUrl: session.current.endpointUrl,
  };
  return describeAwsError(error, ctx);
}

const LABELS: Record<UserFacingError['actions'][number], string> = {
  'choose-profile': vscode.l10n.t('Choose Profile'),
  'copy-sso-login': vscode.l10n.t('Copy Login Command'),
  retry: vscode.l10n.t('Retry'),
  'show-log': vscode.l10n.t('Show Log'),
};

/** Shows the error; `retry` runs when the user picks Retry. Returns the mapped error at once. */
export function showAwsError(
  error: unknown,
  session: AwsSession,
  log: Log,
  service: string,
  operation: string,
  retry?: () => void,
): UserFacingError {
  const mapped = toUserError(error, session, service, operation);
  log.error(mapped.message);
  if (mapped.kind === 'no-credentials') void session.markCredentialsMissing();
  const actions = mapped.actions.filter((a) => a !== 'retry' || retry);
  void window.showErrorMessage(mapped.message, ...actions.map((a) => LABELS[a])).then(async (choice) => {
    switch (choice) {
      case LABELS['choose-profile']:
        await vscode.commands.executeCommand('sagemakerWorkbench.chooseProfile');
        break;
      case LABELS['copy-sso-login']:
        if (mapped.command) await vscode.env.clipboard.writeText(mapped.command);
        break;
      case LABELS['show-log']:
        log.show();
        break;
      case LABELS.retry:
        retry?.();
        break;
    }
  });
  return mapped;
}
