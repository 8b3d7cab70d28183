// The AWS session: which profile, region and endpoint are in force, and the clients for them. Settings and
// environment are re-read whenever a `sagemakerWorkbench.*` setting changes; listeners (views, status bar)
// refresh on onDidChange.
import * as vscode from 'vscode';
import type { ProfileInfo } from '../model/profiles';
import { resolveSession, sessionKey, type ResolvedSession, type SessionSettings } from '../model/sessionSettings';
import { AwsClients } from '../aws/clients';
import { formatApiCall, type ApiCall } from '../aws/callLogging';
import type { Log } from './log';
import { hasLocalCredentials, readProfiles } from '../aws/profileFiles';

export const SETTINGS_SECTION = 'sagemakerWorkbench';
const SESSION_SETTINGS = ['profile', 'region', 'endpointUrl'];
export type CredentialsState = 'unknown' | 'present' | 'missing';

export class AwsSession implements vscode.Disposable {
  private resolved: ResolvedSession;
  private profiles: ProfileInfo[] = [];
  private credentialsStateValue: CredentialsState = 'unknown';
  private readonly changeEmitter = new vscode.EventEmitter<ResolvedSession>();
  private readonly callEmitter = new vscode.EventEmitter<ApiCall>();
  private readonly disposables: vscode.Disposable[] = [];
  readonly clients: AwsClients;
  /** Fires when the profile, region or endpoint changes. */
  readonly onDidChange = this.changeEmitter.event;
  /** Fires after every AWS API call (success or failure). */
  readonly onDidCall = this.callEmitter.event;

  constructor(
    private readonly log: Log,
    userAgent: string,
  ) {
    this.resolved = this.resolve();
    this.clients = new AwsClients(
      () => this.resolved,
      (call) => this.recordCall(call),
      userAgent,
    );
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        // Only the settings that pick the account, region and endpoint change the session (and refresh every view).
        if (SESSION_SETTINGS.some((key) => e.affectsConfiguration(`${SETTINGS_SECTION}.${key}`))) void this.reload();
      }),
      this.changeEmitter,
      this.callEmitter,
    );
  }

  get current(): ResolvedSession {
    return this.resolved;
  }

  get credentialsState(): CredentialsState {
    return this.credentialsStateValue;
  }

  /** Profiles from the shared files, as of the last reload. */
  get knownProfiles(): readonly ProfileInfo[] {
    return this.profiles;
  }

  /** Reads the profile files (local I/O only) and re-resolves; call once after activation. */
  async reload(): Promise<void> {
    this.profiles = await readProfiles();
    const before = sessionKey(this.resolved);
    const stateBefore = this.credentialsStateValue;
    this.resolved = this.resolve();
    await this.updateCredentialsState();
    if (sessionKey(this.resolved) !== before || this.credentialsStateValue !== stateBefore) {
      this.log.info(
        `Session: profile ${this.resolved.profileLabel}, region ${this.resolved.region}` +
          (this.resolved.endpointUrl ? `, endpoint ${this.resolved.endpointUrl}` : ''),
      );
      this.changeEmitter.fire(this.resolved);
    }
  }

  /** Re-read files and forget cached credentials, then tell every listener to refresh. */
  async refresh(): Promise<void> {
    this.clients.reset();
    await this.reload();
    this.changeEmitter.fire(this.resolved);
  }

  async setProfileAndRegion(profile: string | undefined, region: string | undefined): Promise<void> {
    const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
    if (profile !== undefined) await config.update('profile', profile, vscode.ConfigurationTarget.Global);
    if (region !== undefined) await config.update('region', region, vscode.ConfigurationTarget.Global);
    // onDidChangeConfiguration reloads; do it here too so callers can rely on the new state on return.
    await this.reload();
  }

  /** Called by error handling when the SDK could not find credentials at all. */
  async markCredentialsMissing(): Promise<void> {
    await this.setCredentialsState('missing');
  }

  private resolve(): ResolvedSession {
    const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
    const settings: SessionSettings = {
      profile: config.get<string>('profile', ''),
      region: config.get<string>('region', ''),
      endpointUrl: config.get<string>('endpointUrl', ''),
    };
    return resolveSession(settings, process.env, (name) => this.profiles.find((p) => p.name === name)?.region);
  }

  private async updateCredentialsState(): Promise<void> {
    const present = hasLocalCredentials(this.resolved.profileLabel, this.profiles, process.env);
    await this.setCredentialsState(present ? 'present' : 'missing');
  }

  private async setCredentialsState(state: CredentialsState): Promise<void> {
    const changed = this.credentialsStateValue !== state;
    this.credentialsStateValue = state;
    await vscode.commands.executeCommand('setContext', 'sagemakerWorkbench.credentials', state);
    if (changed && state === 'missing') this.changeEmitter.fire(this.resolved);
  }

  private recordCall(call: ApiCall): void {
    const line = formatApiCall(call);
    if (call.errorName) this.log.warn(line);
    else this.log.info(line);
    this.callEmitter.fire(call);
  }

  dispose(): void {
    this.clients.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
