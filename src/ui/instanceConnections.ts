// One signed-in Jupyter connection per notebook instance, shared by every feature that talks to an
// instance's Jupyter server (Instance Files, the notebook kernels): one presigned sign-in per instance
// rather than one per feature or per request. A connection that failed to open is not kept; one that stops
// working (the instance stopped, the session refused) is closed with `close(name)` and opened again on next use.
// Changing profile, region or endpoint closes them all (the names belong to the old account or region).
import * as vscode from 'vscode';
import type { ConnectOptions, InstanceJupyter } from '../aws/jupyter/instanceConnection';
import type { AwsSession } from '../session/awsSession';
import { connectedJupyters, type JupyterHostRef } from '../session/connectedJupyters';
import type { Log } from '../session/log';

export interface InstanceConnectionsHost {
  session: AwsSession;
  log: Log;
}

export class InstanceConnections implements vscode.Disposable {
  private readonly open = new Map<string, Promise<InstanceJupyter>>();
  private readonly subscription: vscode.Disposable;
  /** Test seam: how a connection is opened (defaults to connectToInstance with the session's clients). */
  connect: (name: string, options: ConnectOptions) => Promise<InstanceJupyter>;
  /** Which host a key names, as the other features know it (a notebook instance unless set otherwise). */
  hostOf: (key: string) => JupyterHostRef = (name) => ({ kind: 'notebook-instance', name });
  private readonly listed: { dispose(): void };

  constructor(private readonly host: InstanceConnectionsHost) {
    // Loaded on first use: the Jupyter client (@jupyterlab/services, ws) is a chunk of its own, not activation's.
    this.connect = async (name, options) =>
      (await import('../aws/jupyter/instanceConnection.js')).connectToInstance(
        this.host.session.clients,
        name,
        options,
      );
    this.subscription = host.session.onDidChange(() => this.closeAll());
    // Running Now reads the Jupyter activity of the hosts whose files are open, through these connections.
    this.listed = connectedJupyters(host.session).add(() =>
      [...this.open].map(([key, connection]) => ({ host: this.hostOf(key), connection })),
    );
  }

  /** The instance's connection, signing in on first use. Rejects as connectToInstance does. */
  get(name: string): Promise<InstanceJupyter> {
    let connection = this.open.get(name);
    if (!connection) {
      const log = this.host.log;
      connection = this.connect(name, {
        log: (level, message) => (level === 'debug' ? log.debug(message) : log[level](message)),
      });
      this.open.set(name, connection);
      connection.catch(() => {
        if (this.open.get(name) === connection) this.open.delete(name);
      });
    }
    return connection;
  }

  /** Closes the instance's connection (kernels keep running on the instance); the next get signs in again. */
  close(name: string): void {
    const connection = this.open.get(name);
    if (!connection) return;
    this.open.delete(name);
    connection.then(
      (c) => c.dispose(),
      () => undefined,
    );
  }

  closeAll(): void {
    for (const name of [...this.open.keys()]) this.close(name);
  }

  dispose(): void {
    this.subscription.dispose();
    this.listed.dispose();
    this.closeAll();
  }
}

const shared = new WeakMap<AwsSession, InstanceConnections>();

/** The connections of this session, one set for every feature (created on first use). */
export function instanceConnections(host: InstanceConnectionsHost): InstanceConnections {
  let connections = shared.get(host.session);
  if (!connections) {
    connections = new InstanceConnections(host);
    shared.set(host.session, connections);
  }
  return connections;
}
