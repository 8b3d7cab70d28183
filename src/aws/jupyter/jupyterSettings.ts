// @jupyterlab/services settings whose fetch and WebSocket carry a PresignedSession's cookies.
//
// Why @jupyterlab/services (with `ws`) rather than a hand-written client: the Jupyter messaging protocol
// (message signing/serialisation, both websocket wire protocols, iopub/shell/stdin/control routing, futures
// that complete on idle + reply, input_request/input_reply, comms), the kernel websocket's reconnects with
// backoff and status tracking, and the session/kernel/contents managers are what JupyterLab itself runs on and
// are maintained with the server. Re-implementing them would be a second, untested copy of a moving protocol.
// `ws` because Node's global WebSocket cannot send a Cookie header.
import type { ClientRequest } from 'http';
import { ServerConnection } from '@jupyterlab/services';
import WebSocket from 'ws';
import type { PresignedSession } from './presignedSession';

const REFUSED = /Unexpected server response: (401|403)\b/;

/** A `ws` WebSocket whose opening handshake carries the session's cookies, computed when the request is sent. */
export function cookieWebSocket(
  session: PresignedSession,
): new (address: string | URL, protocols?: string | string[]) => WebSocket {
  return class CookieWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      let generation = session.generation;
      const target = String(address);
      super(address, protocols, {
        // Waits for a sign-in under way (or one due) so a reconnect never goes out with stale cookies.
        finishRequest: (request: ClientRequest) => {
          session.ready().then(
            () => {
              generation = session.generation;
              const cookie = session.cookieHeader(target);
              if (cookie) request.setHeader('Cookie', cookie);
              request.end();
            },
            (error: unknown) => request.destroy(error instanceof Error ? error : new Error(String(error))),
          );
        },
      });
      this.on('error', (error: Error) => {
        if (REFUSED.test(error.message)) session.websocketRefused(generation);
      });
    }
  };
}

/** Settings for every @jupyterlab/services manager of one server: no token, cookies and `_xsrf` instead. */
export function jupyterServerSettings(session: PresignedSession): ServerConnection.ISettings {
  return ServerConnection.makeSettings({
    baseUrl: session.baseUrl,
    wsUrl: session.wsUrl,
    token: '',
    appendToken: false,
    fetch: session.fetch as ServerConnection.ISettings['fetch'],
    Request: globalThis.Request as unknown as ServerConnection.ISettings['Request'],
    Headers: globalThis.Headers as unknown as ServerConnection.ISettings['Headers'],
    WebSocket: cookieWebSocket(session) as unknown as ServerConnection.ISettings['WebSocket'],
  });
}
