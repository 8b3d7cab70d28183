// The Jupyter servers this window is signed in to right now, whichever feature holds the connection (a notebook on a
// host's kernel, a host's files open as a folder): each feature lists its open connections here while it keeps them.
// Read-only for everyone else (Running Now reads their activity): nothing here opens a connection or mints a URL.
import type { InstanceJupyter } from '../aws/jupyter/instanceConnection';
import type { AwsSession } from './awsSession';

export type JupyterHostRef =
  { kind: 'notebook-instance'; name: string } | { kind: 'studio-space'; domainId: string; name: string };

export interface ConnectedJupyter {
  host: JupyterHostRef;
  /** The feature's own connection (settled, or a sign-in the feature started). */
  connection: Promise<InstanceJupyter>;
}

/** The key a host goes by: `notebook-instance:<name>`, `studio-space:<domainId>/<spaceName>`. */
export function jupyterRefKey(ref: JupyterHostRef): string {
  return ref.kind === 'notebook-instance'
    ? `notebook-instance:${ref.name}`
    : `studio-space:${ref.domainId}/${ref.name}`;
}

type Source = () => Iterable<ConnectedJupyter>;

export class ConnectedJupyters {
  private readonly sources = new Set<Source>();

  /** A feature's open connections, listed while the returned disposable is not disposed. */
  add(source: Source): { dispose(): void } {
    this.sources.add(source);
    return { dispose: () => this.sources.delete(source) };
  }

  /** Every open connection by host key (a host two features are connected to: the first). */
  byHost(): Map<string, ConnectedJupyter> {
    const hosts = new Map<string, ConnectedJupyter>();
    for (const source of this.sources)
      for (const connected of source()) {
        const key = jupyterRefKey(connected.host);
        if (!hosts.has(key)) hosts.set(key, connected);
      }
    return hosts;
  }
}

const shared = new WeakMap<AwsSession, ConnectedJupyters>();

/** The connections of this session, one registry for every feature (created on first use). */
export function connectedJupyters(session: AwsSession): ConnectedJupyters {
  let registry = shared.get(session);
  if (!registry) {
    registry = new ConnectedJupyters();
    shared.set(session, registry);
  }
  return registry;
}
