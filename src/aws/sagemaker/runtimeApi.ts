// SageMaker Runtime InvokeEndpoint with the time it took as the user waited for it (round trip).
import type { AwsClients } from '../clients';

export interface Invocation {
  body: string;
  contentType?: string;
  variant?: string;
  latencyMs: number;
}

export async function invokeEndpoint(
  clients: AwsClients,
  endpointName: string,
  body: string | Uint8Array,
  contentType: string,
  signal?: AbortSignal,
): Promise<Invocation> {
  const { InvokeEndpointCommand } = await import('./runtimeSdk.js');
  const started = performance.now();
  const runtime = await clients.runtime();
  const out = await runtime.send(
    new InvokeEndpointCommand({
      EndpointName: endpointName,
      ContentType: contentType,
      Body: typeof body === 'string' ? Buffer.from(body) : body,
    }),
    { abortSignal: signal },
  );
  return {
    body: out.Body ? Buffer.from(out.Body).toString('utf8') : '',
    contentType: out.ContentType,
    variant: out.InvokedProductionVariant,
    latencyMs: Math.round(performance.now() - started),
  };
}
