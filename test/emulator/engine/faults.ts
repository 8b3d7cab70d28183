// Fault injection for reliability tests and demos: rules match by service and operation and fire a
// limited number of times, on a share of requests (`rate`, drawn from a seeded generator so a run can be
// repeated), or until cleared. `lost-response` lets the request take effect and then drops the
// connection, the case where a client's retry of a create meets the resource it already made.
import { AwsError, type ServiceName } from './contract';
import { seededRandom } from '../services/support/random';

export type FaultKind =
  'throttle' | 'server-error' | 'latency' | 'drop' | 'lost-response' | 'expired-credentials' | 'access-denied';

export interface FaultRule {
  kind: FaultKind;
  service?: ServiceName;
  operation?: string;
  /** How many matching requests it affects; unlimited when absent. */
  times?: number;
  /** For latency: extra milliseconds before the request is handled. */
  latencyMs?: number;
  /** Share of matching requests affected (0..1); every one when absent. */
  rate?: number;
}

const KINDS: FaultKind[] = [
  'throttle',
  'server-error',
  'latency',
  'drop',
  'lost-response',
  'expired-credentials',
  'access-denied',
];

export function parseFaultRules(body: unknown): FaultRule[] {
  const rules = Array.isArray(body) ? body : (body as { rules?: unknown })?.rules;
  if (!Array.isArray(rules)) throw new Error('expected {"rules": [{"kind": "throttle", ...}]}');
  for (const rule of rules) {
    if (!KINDS.includes(rule?.kind))
      throw new Error(`unknown fault kind ${JSON.stringify(rule?.kind)}; one of ${KINDS.join(', ')}`);
    if (rule.rate !== undefined && !(typeof rule.rate === 'number' && rule.rate >= 0 && rule.rate <= 1))
      throw new Error(`rate is a share from 0 to 1, not ${JSON.stringify(rule.rate)}`);
  }
  return rules.map((rule) => ({ ...rule }));
}

export type FaultOutcome =
  | { kind: 'none'; delayMs: number }
  | { kind: 'error'; error: AwsError; delayMs: number }
  | { kind: 'drop'; delayMs: number }
  | { kind: 'lost-response'; delayMs: number };

export class Faults {
  private rules: FaultRule[] = [];
  private random = seededRandom('faults-1');
  /** Faults injected since the rules were set. */
  injected = 0;

  set(rules: FaultRule[], seed = 1): void {
    this.rules = rules;
    this.random = seededRandom(`faults-${seed}`);
    this.injected = 0;
  }

  clear(): void {
    this.rules = [];
    this.injected = 0;
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
      if (rule.rate !== undefined && this.random() >= rule.rate) continue;
      if (rule.times !== undefined) {
        if (rule.times <= 0) continue;
        rule.times--;
      }
      if (rule.kind !== 'latency') this.injected++;
      switch (rule.kind) {
        case 'lost-response':
          return { kind: 'lost-response', delayMs };
        case 'latency':
          delayMs += rule.latencyMs ?? 1000;
          break;
        case 'drop':
          return { kind: 'drop', delayMs };
        case 'throttle':
          return {
            kind: 'error',
            delayMs,
            error:
              service === 's3'
                ? new AwsError('SlowDown', 'Please reduce your request rate.', 503)
                : new AwsError('ThrottlingException', 'Rate exceeded', 400),
          };
        case 'server-error':
          return {
            kind: 'error',
            delayMs,
            error:
              service === 's3'
                ? new AwsError('InternalError', 'We encountered an internal error. Please try again.', 500)
                : new AwsError(
                    'InternalFailure',
                    'The request processing has failed because of an unknown error, exception or failure.',
                    500,
                  ),
          };
        case 'access-denied': {
          // The wording IAM uses, naming the action the caller lacks.
          const action = `${service === 'runtime.sagemaker' ? 'sagemaker' : service === 'monitoring' ? 'cloudwatch' : service}:${operation}`;
          const message = `User: arn:aws:sts::123456789012:assumed-role/DataScientist/session is not authorized to perform: ${action} because no identity-based policy allows the ${action} action`;
          return {
            kind: 'error',
            delayMs,
            error:
              service === 's3'
                ? new AwsError('AccessDenied', 'Access Denied', 403)
                : new AwsError('AccessDeniedException', message, 400),
          };
        }
        case 'expired-credentials':
          return {
            kind: 'error',
            delayMs,
            error:
              service === 's3'
                ? new AwsError('ExpiredToken', 'The provided token has expired.', 400)
                : new AwsError('ExpiredTokenException', 'The security token included in the request is expired', 400),
          };
      }
    }
    return { kind: 'none', delayMs };
  }
}
