// Turns what the SDK throws into a sentence a user can act on. No stack traces, no request dumps; the
// AWS message is quoted as text because it often names the offending value.
import * as l10n from '@vscode/l10n';

export type ErrorKind =
  | 'no-credentials'
  | 'sso-expired'
  | 'credentials-expired'
  | 'access-denied'
  | 'throttled'
  | 'not-found'
  | 'validation'
  | 'unreachable'
  | 'service'
  | 'unknown';

/** A follow-up the UI offers as a button. */
export type ErrorAction = 'choose-profile' | 'copy-sso-login' | 'retry' | 'show-log';

export interface UserFacingError {
  kind: ErrorKind;
  message: string;
  actions: ErrorAction[];
  /** e.g. `aws sso login --profile ml-sso` for the copy action. */
  command?: string;
}

export interface CallContext {
  /** IAM service prefix, e.g. sagemaker, codepipeline, s3. */
  service: string;
  /** API operation, e.g. ListNotebookInstances. */
  operation: string;
  profileLabel: string;
  endpointUrl?: string;
}

interface ErrorLike {
  name?: string;
  message?: string;
  code?: string;
  Code?: string;
  $metadata?: { httpStatusCode?: number };
}

const THROTTLING = new Set([
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'SlowDown',
  'RequestLimitExceeded',
  'ProvisionedThroughputExceededException',
  'RequestThrottled',
  'RequestThrottledException',
  'ThrottledException',
]);
const EXPIRED = new Set(['ExpiredToken', 'ExpiredTokenException', 'RequestExpired', 'TokenRefreshRequired']);
const DENIED = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
]);
const NETWORK = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'TimeoutError',
  'EPIPE',
]);

// S3 operations whose IAM action differs from the operation name.
const S3_ACTIONS: Record<string, string> = {
  ListObjectsV2: 'ListBucket',
  ListObjects: 'ListBucket',
  HeadObject: 'GetObject',
  HeadBucket: 'ListBucket',
  ListBuckets: 'ListAllMyBuckets',
  DeleteObjects: 'DeleteObject',
};

export function iamAction(ctx: Pick<CallContext, 'service' | 'operation'>): string {
  const action = ctx.service === 's3' ? (S3_ACTIONS[ctx.operation] ?? ctx.operation) : ctx.operation;
  return `${ctx.service}:${action}`;
}

export function describeAwsError(error: unknown, ctx: CallContext): UserFacingError {
  const e = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as ErrorLike;
  const name = e.name ?? e.code ?? e.Code ?? 'Error';
  const code = e.code ?? '';
  const awsMessage = (e.message ?? '').trim();
  const status = e.$metadata?.httpStatusCode;
  const action = iamAction(ctx);
  const profile = ctx.profileLabel;

  if (isSsoExpired(name, awsMessage)) {
    const command = `aws sso login --profile ${profile}`; // l10n-exempt: a shell command the user copies and runs
    return {
      kind: 'sso-expired',
      message: l10n.t(
        'The SSO session of profile "{0}" has expired or was never started. Run `{1}` in a terminal, then retry.',
        profile,
        command,
      ),
      actions: ['copy-sso-login', 'retry'],
      command,
    };
  }
  if (
    name === 'CredentialsProviderError' ||
    /could not load credentials|unable to (load|find) credentials|profile .* could not be found/i.test(awsMessage)
  ) {
    return {
      kind: 'no-credentials',
      message: l10n.t(
        'No AWS credentials were found for profile "{0}". Configure them with `aws configure` (or `aws configure sso`), or choose another profile.',
        profile,
      ),
      actions: ['choose-profile', 'retry'],
    };
  }
  if (EXPIRED.has(name) || /security token .* expired|token has expired/i.test(awsMessage)) {
    return {
      kind: 'credentials-expired',
      message: l10n.t(
        'The credentials of profile "{0}" have expired. Refresh them (for SSO profiles: `aws sso login --profile {0}`), then retry.',
        profile,
      ),
      actions: ['retry', 'choose-profile'],
      command: `aws sso login --profile ${profile}`, // l10n-exempt: a shell command the user copies and runs
    };
  }
  if (DENIED.has(name) || (status === 403 && !THROTTLING.has(name))) {
    return {
      kind: 'access-denied',
      message: l10n.t(
        'Access denied: profile "{0}" may not call {1}. Ask your AWS administrator to allow {1}, or choose another profile.',
        profile,
        action,
      ),
      actions: ['choose-profile', 'show-log'],
    };
  }
  if (THROTTLING.has(name) || status === 429) {
    return {
      kind: 'throttled',
      message: l10n.t('AWS is throttling {0} and the retries did not get through. Wait a moment, then retry.', action),
      actions: ['retry'],
    };
  }
  if (isNotFound(name, awsMessage, status)) {
    return {
      kind: 'not-found',
      message: l10n.t(
        'Not found ({0}): {1}. It may have been deleted or be in another region; refresh the view.',
        action,
        awsMessage || name,
      ),
      actions: ['retry'],
    };
  }
  if (name === 'ValidationException' || name === 'InvalidParameterException' || name === 'InvalidArgument') {
    return {
      kind: 'validation',
      message: l10n.t('AWS rejected {0}: {1}', action, awsMessage || name),
      actions: ['show-log'],
    };
  }
  if (
    NETWORK.has(name) ||
    NETWORK.has(code) ||
    /ECONNREFUSED|ENOTFOUND|socket hang up|ECONNRESET|timed? ?out/i.test(awsMessage)
  ) {
    const where = ctx.endpointUrl ? ctx.endpointUrl : 'AWS';
    return {
      kind: 'unreachable',
      message: ctx.endpointUrl
        ? l10n.t(
            'Could not reach {0} for {1} ({2}). Check your network and the sagemakerWorkbench.endpointUrl setting, then retry.',
            where,
            action,
            awsMessage || name,
          )
        : l10n.t(
            'Could not reach {0} for {1} ({2}). Check your network, then retry.',
            where,
            action,
            awsMessage || name,
          ),
      actions: ['retry', 'show-log'],
    };
  }
  if (status !== undefined && status >= 500) {
    return {
      kind: 'service',
      message: l10n.t(
        'AWS had an internal problem with {0} ({1}, HTTP {2}) and the retries did not get through. Retry in a moment.',
        action,
        name,
        status,
      ),
      actions: ['retry', 'show-log'],
    };
  }
  return {
    kind: 'unknown',
    message:
      awsMessage && awsMessage !== name
        ? l10n.t('{0} failed: {1}: {2}', action, name, awsMessage)
        : l10n.t('{0} failed: {1}', action, name),
    actions: ['show-log'],
  };
}

function isSsoExpired(name: string, message: string): boolean {
  if (name === 'TokenProviderError') return true;
  return /sso/i.test(message) && /(expired|refresh|login|invalid)/i.test(message);
}

function isNotFound(name: string, message: string, status: number | undefined): boolean {
  if (/NotFound|NoSuch|DoesNotExist/.test(name)) return true;
  if (name === 'ValidationException' && /(does not exist|could not find|not found)/i.test(message)) return true;
  return status === 404;
}
