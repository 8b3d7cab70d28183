// One signed-in Jupyter connection per Studio space (keyed `<domainId>/<spaceName>`), shared by the space's
// files and anything else that reads them: InstanceConnections with the space's sign-in instead of the
// notebook instance's.
import type { AwsSession } from '../session/awsSession';
import { InstanceConnections, type InstanceConnectionsHost } from './instanceConnections';

const shared = new WeakMap<AwsSession, InstanceConnections>();

export function spaceConnections(host: InstanceConnectionsHost): InstanceConnections {
  let connections = shared.get(host.session);
  if (!connections) {
    connections = new InstanceConnections(host);
    // Loaded on first use, as the notebook instances' connections are.
    connections.connect = async (key, options) => {
      const { connectToSpace, parseSpaceKey } = await import('../aws/jupyter/spaceConnection.js');
      return connectToSpace(host.session.clients, parseSpaceKey(key), options);
    };
    connections.hostOf = (key) => {
      const at = key.indexOf('/');
      return { kind: 'studio-space', domainId: key.slice(0, at), name: key.slice(at + 1) };
    };
    shared.set(host.session, connections);
  }
  return connections;
}
