// A middleware on every client that logs one line per API call: service, operation, outcome, duration,
// request id and retry attempts. It sits at the initialize step, so the duration includes the retries.
import type { MetadataBearer, Pluggable } from '@smithy/types';

export interface ApiCall {
  service: string;
  operation: string;
  durationMs: number;
  requestId?: string;
  attempts?: number;
  httpStatus?: number;
  errorName?: string;
  errorMessage?: string;
}

export function callLoggingPlugin(service: string, onCall: (call: ApiCall) => void): Pluggable<object, MetadataBearer> {
  return {
    applyToStack(stack) {
      stack.add(
        (next, context) => async (args) => {
          const started = Date.now();
          const operation = String(context.commandName ?? 'Unknown').replace(/Command$/, '');
          try {
            const result = await next(args);
            const meta = (result.output as MetadataBearer | undefined)?.$metadata;
            onCall({
              service,
              operation,
              durationMs: Date.now() - started,
              requestId: meta?.requestId ?? meta?.extendedRequestId,
              attempts: meta?.attempts,
              httpStatus: meta?.httpStatusCode,
            });
            return result;
          } catch (error) {
            const e = error as { name?: string; message?: string; $metadata?: MetadataBearer['$metadata'] };
            onCall({
              service,
              operation,
              durationMs: Date.now() - started,
              requestId: e.$metadata?.requestId,
              attempts: e.$metadata?.attempts,
              httpStatus: e.$metadata?.httpStatusCode,
              errorName: e.name ?? 'Error',
              errorMessage: e.message,
            });
            throw error;
          }
        },
        { step: 'initialize', name: 'sagemakerWorkbenchCallLogging', override: true },
      );
    },
  };
}

export function formatApiCall(call: ApiCall): string {
  const parts = [
    `${call.service}.${call.operation}`,
    call.errorName ? `failed ${call.errorName}` : 'ok',
    `${call.durationMs}ms`,
  ];
  if (call.httpStatus) parts.push(`http=${call.httpStatus}`);
  if (call.attempts && call.attempts > 1) parts.push(`attempts=${call.attempts}`);
  if (call.requestId) parts.push(`requestId=${call.requestId}`);
  if (call.errorMessage) parts.push(`- ${call.errorMessage}`);
  return parts.join(' ');
}
