// Talks to the emulator's control API (/_emulator/...) from inside the extension host, so a test can assert
// what AWS received and inject faults. The harness passes the emulator's URL in SMW_EMULATOR_URL.
import { tally } from '../../support/reliabilityTally';

export interface RecordedRequest {
  seq: number;
  service: string;
  operation: string;
  status: number;
  errorCode?: string;
  input?: unknown;
  /** Milliseconds the emulator spent answering (AWS's side of the call). */
  handledMs?: number;
}

export function emulatorUrl(): string {
  const url = process.env.SMW_EMULATOR_URL;
  if (!url) throw new Error('SMW_EMULATOR_URL is not set: run the integration tests with `npm run test:integration`');
  return url;
}

async function control(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${emulatorUrl()}/_emulator/${path}`, {
    method,
    headers: body === undefined ? undefined : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`emulator control ${method} ${path}: HTTP ${response.status}`);
  const text = await response.text();
  return text ? JSON.parse(text) : undefined;
}

export async function recordedRequests(): Promise<RecordedRequest[]> {
  const result = (await control('GET', 'requests')) as RecordedRequest[] | { requests: RecordedRequest[] };
  return Array.isArray(result) ? result : result.requests;
}

/** Moves the emulator's AWS clock; back (negative) holds a transition in its current state while a test looks. */
export async function advanceEmulatorClock(seconds: number): Promise<void> {
  await control('POST', 'clock/advance', { seconds });
}

export async function clearRequests(): Promise<void> {
  await control('DELETE', 'requests');
}

export interface FaultRule {
  kind: 'throttle' | 'server-error' | 'latency' | 'drop' | 'lost-response' | 'expired-credentials' | 'access-denied';
  /** Share of matching requests affected (0..1). */
  rate?: number;
  service?: string;
  operation?: string;
  times?: number;
  latencyMs?: number;
}

/** Counts the faults the rules in place injected (the emulator restarts its count when rules change). */
async function tallyInjected(): Promise<void> {
  const { injected } = (await control('GET', 'faults')) as { injected: number };
  tally('faults injected (throttling, 5xx, dropped connections, lost answers, expired credentials)', injected);
}

/** Sets the fault rules; `seed` makes rate-based faults repeatable. */
export async function setFaults(rules: FaultRule[], seed = 1): Promise<void> {
  await tallyInjected();
  await control('PUT', 'faults', { rules, seed });
}

export async function clearFaults(): Promise<void> {
  await tallyInjected();
  await control('DELETE', 'faults');
}

/** Restarts the emulator as a process restart looks to callers: connections refused for `downMs`, then the same world. */
export async function restartEmulator(downMs: number): Promise<void> {
  await control('POST', 'restart', { downMs });
}

/** Whether the emulator answers now (false while it is down). */
export async function emulatorAnswers(): Promise<boolean> {
  return fetch(`${emulatorUrl()}/_emulator/health`).then(
    (r) => r.ok,
    () => false,
  );
}

/** Reseeds the emulator (the seeded scenario unless told otherwise), e.g. after a test approved the release. */
export async function resetEmulator(scenario = 'seeded'): Promise<void> {
  await control('POST', 'reset', { scenario });
}
