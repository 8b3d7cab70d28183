// The authenticated connection to a notebook instance's Jupyter server: a presigned URL minted through the
// SDK client factory, signed in with a cookie jar (presignedSession.ts), and @jupyterlab/services managers
// whose fetch and WebSocket carry those cookies (jupyterSettings.ts). Kernels outlive the connection: dispose()
// closes websockets and timers, never shuts a kernel down (a later connection re-attaches by session path).
import * as l10n from '@vscode/l10n';
import {
  ContentsManager,
  KernelManager,
  KernelSpecAPI,
  SessionManager,
  type ServerConnection,
} from '@jupyterlab/services';
import type { AwsClients } from '../clients';
import { presignedNotebookUrl } from '../sagemaker/notebookLifecycleApi';
import { jupyterServerSettings } from './jupyterSettings';
import { routeLibraryConsole } from './libraryConsole';
import { PresignedSession, type JupyterLog, type MintedUrl } from './presignedSession';

export { JupyterAuthError, type JupyterLog, type JupyterLogLevel, type MintedUrl } from './presignedSession';

/**
 * The session length `presignedNotebookUrl` asks SageMaker for (SessionExpirationDurationInSeconds). SageMaker's
 * default would be 12 h; a shorter session costs one CreatePresignedNotebookInstanceUrl call per half hour.
 */
export const NOTEBOOK_SESSION_SECONDS = 1800;

export interface KernelSpecInfo {
  /** What `sessions.startNew({ kernel: { name } })` takes, e.g. `conda_python3`. */
  name: string;
  displayName: string;
  language: string;
  /** The server's default kernel spec. */
  isDefault: boolean;
}

export interface ConnectOptions {
  /** Receives scrubbed lines: sign-ins, re-authentications, the library's own messages. */
  log?: JupyterLog;
  /** Another way to mint the presigned URL (tests; a longer session). Default: presignedNotebookUrl. */
  mint?: () => Promise<MintedUrl>;
  /** When the Jupyter base URL is not where the presigned URL lands (it is `/` on notebook instances). */
  baseUrl?: string;
  refreshMarginMs?: number;
  refreshTimer?: boolean;
  websocketReauthQuietMs?: number;
  now?: () => number;
  fetch?: typeof fetch;
}

export interface InstanceJupyter {
  readonly instanceName: string;
  readonly serverSettings: ServerConnection.ISettings;
  readonly kernels: KernelManager;
  readonly sessions: SessionManager;
  readonly contents: ContentsManager;
  /** The instance's kernel specs, the default first, then by display name. */
  kernelSpecs(): Promise<KernelSpecInfo[]>;
  /** Mint and sign in again now (e.g. after the user resumed a laptop); normally automatic. */
  reauthenticate(): Promise<void>;
  /** When the current sign-in ends (epoch ms); renewed before then. */
  readonly sessionExpiry: number;
  /** Closes websockets, polls and timers; kernels and sessions keep running on the instance. */
  dispose(): void;
}

/**
 * Signs in to the Jupyter server of an InService notebook instance and returns its managers. Rejects with the
 * SDK's error when minting fails (map it with toUserError), or a JupyterAuthError when the server refuses.
 */
export async function connectToInstance(
  clients: AwsClients,
  instanceName: string,
  options: ConnectOptions = {},
): Promise<InstanceJupyter> {
  const mint =
    options.mint ??
    (async () => ({
      url: await presignedNotebookUrl(clients, instanceName),
      sessionSeconds: NOTEBOOK_SESSION_SECONDS,
    }));
  return connectToJupyter(l10n.t('notebook instance "{0}"', instanceName), instanceName, { ...options, mint });
}

/** The same for any Jupyter server reached through a presigned URL (Studio spaces can mint theirs). */
export async function connectToJupyter(
  label: string,
  instanceName: string,
  options: ConnectOptions & { mint: () => Promise<MintedUrl> },
): Promise<InstanceJupyter> {
  const session = new PresignedSession({
    label,
    mint: options.mint,
    log: options.log,
    baseUrl: options.baseUrl,
    refreshMarginMs: options.refreshMarginMs,
    refreshTimer: options.refreshTimer,
    websocketReauthQuietMs: options.websocketReauthQuietMs,
    now: options.now,
    fetch: options.fetch,
  });
  const unroute = routeLibraryConsole((level, message) => session.log(level, message));
  try {
    await session.signIn();
  } catch (error) {
    unroute();
    session.dispose();
    throw error;
  }
  const serverSettings = jupyterServerSettings(session);
  const kernels = new KernelManager({ serverSettings });
  const sessions = new SessionManager({ kernelManager: kernels, serverSettings });
  const contents = new ContentsManager({ serverSettings });
  // The managers' first poll rejects `ready` when they are disposed before it ends (a connection closed soon
  // after it opened, e.g. one used only for files); nobody else may be waiting on it.
  sessions.ready.catch(() => undefined);
  kernels.ready.catch(() => undefined);
  let disposed = false;
  return {
    instanceName,
    serverSettings,
    kernels,
    sessions,
    contents,
    get sessionExpiry() {
      return session.expiry;
    },
    async kernelSpecs() {
      const specs = await KernelSpecAPI.getSpecs(serverSettings);
      return Object.values(specs.kernelspecs)
        .filter((spec): spec is KernelSpecAPI.ISpecModel => !!spec)
        .map((spec) => ({
          name: spec.name,
          displayName: spec.display_name || spec.name,
          language: spec.language,
          isDefault: spec.name === specs.default,
        }))
        .sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.displayName.localeCompare(b.displayName));
    },
    reauthenticate: () => session.reauthenticate(),
    dispose() {
      if (disposed) return;
      disposed = true;
      sessions.dispose();
      kernels.dispose();
      contents.dispose();
      session.dispose();
      unroute();
    },
  };
}
