// Fault injection for reliability tests and demos: rules match by service and operation and
// fire a limited number of times (or until cleared).
import { AwsError, type ServiceName } from './contract';

export type FaultKind = 'throttle' | 'server-error' | 'latency' | 'drop' | 'expired-credentials' | 'access-denied';

export interface FaultRule {
  kind: FaultKind;
  service?: ServiceName;
  operation?: string;
  /** How many matching requests it affects; unlimited when absent. */
  times?: number;
  /** For latency: extra milliseconds before the request is handled. */
  latencyMs?: number;
}

const KINDS: FaultKind[] = ['throttle', 'server-error', 'latency', 'drop', 'expired-credentials', 'access-denied'];

export function parseFaultRules(body: unknown): FaultRule[] {
  const rules = Array.isArray(body) ? body : (body as { rules?: unknown })?.rules;
  if (!Array.isArray(rules)) throw new Error('expected {"rules": [{"kind": "throttle", ...}]}');
  for (const rule of rules) {
    if (!KINDS.includes(rule?.kind)) throw new Error(`unknown fault kind ${JSON.stringify(rule?.kind)}; one of ${KINDS.join(', ')}`);
  }
  return rules.map((rule) => ({ ...rule }));
}

export type FaultOutcome = { kind: 'none'; delayMs: number } | { kind: 'error'; error: AwsError; delayMs: number } | { kind: 'drop'; delayMs: number };

export class Faults {
  private rules: FaultRule[] = [];

  set(rules: FaultRule[]): void {
    this.rules = rules;
  }

  clear(): void {
    this.rules = [];
  }

  list(): FaultRule[] {
    return this.rules.map((rule) => ({ ...rule }));
  }

  /** Consumes the matching rules for one request. */
  apply(service: ServiceName, operation: string): FaultOutcome {
    let delayMs = 0;
    for (const rule of this.rules) {
      if (rule.service && rule.service !== service) continue;
      if (rule.operation && rule.operation !== operation) continue;
      if (rule.times !== undefined) {
        if (rule.times <= 0) continue;
        rule.times--;
      }
      switch (rule.kind) {
        case 'latency':
          delayMs += rule.latencyMs ?? 1000;
          break;
        case 'drop':
          return { kind: 'drop', delayMs };
        case 'throttle':
          return {
            kind: 'error',
            delayMs,
            error: service === 's3' ? new AwsError('SlowDown', 'Please reduce your request rate.', 503) : new AwsError('ThrottlingException', 'Rate exceeded', 400),
          };
        case 'server-error':
          return {
            kind: 'error',
            delayMs,
            error: service === 's3' ? new AwsError('InternalError', 'We encountered an internal error. Please try again.', 500) : new AwsError('InternalFailure', 'The request processing has failed because of an unknown error, exception or failure.', 500),
          };
        case 'access-denied': {
          // The wording IAM uses, naming the action the caller lacks.
          const action = `${service === 'runtime.sagemaker' ? 'sagemaker' : service === 'monitoring' ? 'cloudwatch' : service}:${operation}`;
          const message = `User: arn:aws:sts::123456789012:assumed-role/DataScientist/session is not authorized to perform: ${action} because no identity-based policy allows the ${action} action`;
          return { kind: 'error', delayMs, error: service === 's3' ? new AwsError('AccessDenied', 'Access Denied', 403) : new AwsError('AccessDeniedException', message, 400) };
        }
        case 'expired-credentials':
          return {
            kind: 'error',
            delayMs,
            error: service === 's3' ? new AwsError('ExpiredToken', 'The provided token has expired.', 400) : new AwsError('ExpiredTokenException', 'The security token included in the request is expired', 400),
          };
      }
    }
    return { kind: 'none', delayMs };
  }
}
