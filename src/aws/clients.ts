// SDK v3 clients, created on first use and cached per service, profile, region and endpoint, so switching
// the region back and forth reuses clients and nothing is built during activation.
import type { ApplicationAutoScalingClient } from '@aws-sdk/client-application-auto-scaling';
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { CodeCommitClient } from '@aws-sdk/client-codecommit';
import type { CodePipelineClient } from '@aws-sdk/client-codepipeline';
import type { ECRClient } from '@aws-sdk/client-ecr';
import type { IAMClient } from '@aws-sdk/client-iam';
import type { S3Client } from '@aws-sdk/client-s3';
import type { SageMakerClient } from '@aws-sdk/client-sagemaker';
import type { SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { sessionKey, type ResolvedSession } from '../model/sessionSettings';
import { callLoggingPlugin, type ApiCall } from './callLogging';

/** Keys are the IAM service prefixes, which is also what the log and error messages name. */
/** Every service the extension calls; each loads its SDK package on first use (`lazy`). */
export type ServiceId =
  | 'sagemaker'
  | 'sagemaker-runtime'
  | 'codepipeline'
  | 'codecommit'
  | 'logs'
  | 'cloudwatch'
  | 'application-autoscaling'
  | 's3';

/** IAM prefix used in permission messages; the runtime's actions live under `sagemaker:`. */
export function iamPrefix(service: ServiceId | 'iam' | 'ecr'): string {
  return service === 'sagemaker-runtime' ? 'sagemaker' : service;
}

export class AwsClients {
  private readonly clients = new Map<string, { destroy(): void }>();
  private readonly credentialProviders = new Map<string, AwsCredentialIdentityProvider>();

  constructor(
    private readonly currentSession: () => ResolvedSession,
    private readonly onCall: (call: ApiCall) => void,
    private readonly userAgent: string,
  ) {}

  sagemaker(): Promise<SageMakerClient> {
    return this.lazy('sagemaker', async () => (await import('./sagemaker/sageMakerSdk.js')).SageMakerClient);
  }
  // Each service's SDK package loads on first use, in its own webpack chunk: activation needs none of them.
  runtime(): Promise<SageMakerRuntimeClient> {
    return this.lazy(
      'sagemaker-runtime',
      async () => (await import('./sagemaker/runtimeSdk.js')).SageMakerRuntimeClient,
    );
  }
  codepipeline(): Promise<CodePipelineClient> {
    return this.lazy(
      'codepipeline',
      async () => (await import('./codepipeline/codePipelineSdk.js')).CodePipelineClient,
    );
  }
  codecommit(): Promise<CodeCommitClient> {
    return this.lazy('codecommit', async () => (await import('./codecommit/codeCommitSdk.js')).CodeCommitClient);
  }
  logs(): Promise<CloudWatchLogsClient> {
    return this.lazy('logs', async () => (await import('./logs/logsSdk.js')).CloudWatchLogsClient);
  }
  cloudwatch(): Promise<CloudWatchClient> {
    return this.lazy('cloudwatch', async () => (await import('./cloudwatch/cloudWatchSdk.js')).CloudWatchClient);
  }
  /** IAM is only asked in the create wizards' role step: its SDK package loads then (its own chunk). */
  iam(): Promise<IAMClient> {
    return this.lazy('iam', async () => (await import('./iam/iamSdk.js')).IAMClient);
  }
  /** ECR is only asked in the training wizard's image step: its SDK package loads then (its own chunk). */
  ecr(): Promise<ECRClient> {
    return this.lazy('ecr', async () => (await import('./ecr/ecrSdk.js')).ECRClient);
  }
  autoscaling(): Promise<ApplicationAutoScalingClient> {
    return this.lazy(
      'application-autoscaling',
      async () => (await import('./autoscaling/autoScalingSdk.js')).ApplicationAutoScalingClient,
    );
  }
  s3(): Promise<S3Client> {
    return this.lazy('s3', async () => (await import('./s3/s3Sdk.js')).S3Client);
  }

  /**
   * A client whose SDK package loads on first use (its own webpack chunk), built like the others (credentials,
   * endpoint, retries, call log) but in `region` when the service answers only in some regions (the Price List API).
   */
  async lazy<C extends { destroy(): void }>(
    service: string,
    load: () => Promise<new (config: object) => C>,
    region?: string,
  ): Promise<C> {
    const session = this.currentSession();
    const key = `${service}|${region ?? ''}|${sessionKey(session)}`;
    const cached = this.clients.get(key) as C | undefined;
    if (cached) return cached;
    // The credential chain loads with the first client, as the SDKs do: not in the activation chunk.
    const [Ctor, { fromNodeProviderChain }] = await Promise.all([load(), import('@aws-sdk/credential-providers')]);
    const credentials = this.credentials(session.profile, fromNodeProviderChain);
    const client = this.build(Ctor, service, { ...session, region: region ?? session.region }, credentials);
    this.clients.set(key, client);
    return client;
  }

  /**
   * Loads the SageMaker SDK and the credential chain, without creating a client or calling AWS, so the first
   * command that needs them does not wait for their chunks (about half a second on a slow disk).
   */
  async preload(): Promise<void> {
    await Promise.all([import('./sagemaker/sageMakerSdk.js'), import('@aws-sdk/credential-providers')]);
  }

  /** Forget cached credentials (after `aws sso login`, a profile edit) and clients. */
  reset(): void {
    for (const client of this.clients.values()) client.destroy();
    this.clients.clear();
    this.credentialProviders.clear();
  }

  dispose(): void {
    this.reset();
  }

  private build<C>(
    Ctor: new (config: object) => C,
    service: string,
    session: ResolvedSession,
    credentials: AwsCredentialIdentityProvider,
  ): C {
    const client = new Ctor({
      region: session.region,
      credentials,
      retryMode: 'adaptive',
      // Throttling-heavy accounts (and the fault suite's 30% throttling + 10% 5xx) need more than the default 3.
      maxAttempts: 8,
      customUserAgent: this.userAgent,
      ...(session.endpointUrl ? { endpoint: session.endpointUrl } : {}),
      // A custom endpoint (emulator, VPC endpoint, LocalStack) rarely resolves bucket subdomains.
      ...(service === 's3' && session.endpointUrl ? { forcePathStyle: true } : {}),
    });
    (
      client as unknown as { middlewareStack: { use(p: ReturnType<typeof callLoggingPlugin>): void } }
    ).middlewareStack.use(callLoggingPlugin(iamPrefix(service as ServiceId), this.onCall));
    return client;
  }

  private credentials(
    profile: string | undefined,
    fromNodeProviderChain: typeof import('@aws-sdk/credential-providers').fromNodeProviderChain,
  ): AwsCredentialIdentityProvider {
    const key = profile ?? '<chain>';
    let provider = this.credentialProviders.get(key);
    if (!provider) {
      provider = fromNodeProviderChain(profile ? { profile } : {});
      this.credentialProviders.set(key, provider);
    }
    return provider;
  }
}
