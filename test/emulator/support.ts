// Shared by the emulator's own tests: a running emulator and SDK v3 clients pointed at it.
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { S3Client } from '@aws-sdk/client-s3';
import { startEmulator, type RunningEmulator } from './index';

export const credentials = { accessKeyId: 'AKIAEMULATORTEST', secretAccessKey: 'not-a-secret' };

export async function emulatorForTest(scenario: 'seeded' | 'large' | 'empty' = 'seeded'): Promise<RunningEmulator> {
  return startEmulator({ port: 0, scenario, timeScale: 0.001, strictOutputs: true, log: () => {} });
}

export function clientsFor(url: string) {
  const common = { endpoint: url, region: 'us-east-1', credentials, maxAttempts: 1 };
  return { sagemaker: new SageMakerClient(common), s3: new S3Client({ ...common, forcePathStyle: true }) };
}

export interface Recorded {
  service: string;
  operation: string;
  status: number;
  errorCode?: string;
  input?: Record<string, unknown>;
  outputProblems?: string[];
  handledMs?: number;
}

export async function recorded(url: string): Promise<Recorded[]> {
  const response = await fetch(`${url}/_emulator/requests`);
  return ((await response.json()) as { requests: Recorded[] }).requests;
}

export async function advance(url: string, seconds: number): Promise<void> {
  await fetch(`${url}/_emulator/clock/advance`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ seconds }),
  });
}
