// The baseline the kernel benchmark compares the extension with: the same kernel on the instance's Jupyter reached
// without the extension, as little client as the wire allows. A presigned URL from the emulator (the SDK), one GET of
// it for the session cookie, then the kernel's WebSocket with that cookie, speaking Jupyter's JSON message protocol
// (what notebook 6.4 speaks when no binary subprotocol is asked for). Nothing of the extension is loaded here, and no
// client library either: what the extension adds (its library, VS Code's notebook API, the editor's model) is what
// the ratio shows.
import { CreatePresignedNotebookInstanceUrlCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';

interface WireMessage {
  channel: string;
  header: { msg_type: string; msg_id: string };
  parent_header: { msg_id?: string };
  content: Record<string, unknown>;
}

/** One cell run on the wire: times from sending execute_request, in milliseconds. */
export interface DirectRun {
  firstOutputMs: number;
  lastOutputMs: number;
  streamMessages: number;
  text: string;
  status: string;
}

export class DirectKernel {
  private readonly handlers = new Map<string, (message: WireMessage) => void>();

  private constructor(
    private readonly socket: WebSocket,
    private readonly session: string,
  ) {
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as WireMessage;
      const parent = message.parent_header?.msg_id;
      if (parent) this.handlers.get(parent)?.(message);
    });
  }

  /** Signs in through a presigned URL of `instance` and opens the WebSocket of its kernel `kernelId`. */
  static async connect(emulatorUrl: string, instance: string, kernelId: string): Promise<DirectKernel> {
    const sagemaker = new SageMakerClient({
      endpoint: emulatorUrl,
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIABENCH', secretAccessKey: 'not-a-secret' },
    });
    const { AuthorizedUrl } = await sagemaker.send(
      new CreatePresignedNotebookInstanceUrlCommand({ NotebookInstanceName: instance }),
    );
    sagemaker.destroy();
    const signIn = await fetch(AuthorizedUrl!, { redirect: 'manual' });
    await signIn.body?.cancel();
    const location = signIn.headers.get('location');
    if (signIn.status !== 302 || !location) throw new Error(`signing in to ${instance}: HTTP ${signIn.status}`);
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    // The sign-in lands on <base>/tree; the kernel's channels are under the same base.
    const base = new URL(location.replace(/tree$/, ''), AuthorizedUrl);
    base.protocol = base.protocol === 'https:' ? 'wss:' : 'ws:';
    const session = randomUUID();
    const url = new URL(`api/kernels/${kernelId}/channels?session_id=${session}`, base);
    const socket = new WebSocket(url, { headers: { cookie } });
    const kernel = new DirectKernel(socket, session);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
      socket.once('unexpected-response', (_, response) =>
        reject(new Error(`kernel WebSocket of ${instance}: HTTP ${response.statusCode}`)),
      );
    });
    return kernel;
  }

  /** Runs `code`; resolves when both the reply and the kernel's idle for it came. */
  execute(code: string): Promise<DirectRun> {
    const msgId = randomUUID();
    const request = {
      channel: 'shell',
      header: {
        msg_id: msgId,
        msg_type: 'execute_request',
        session: this.session,
        username: 'bench',
        version: '5.3',
        date: new Date().toISOString(),
      },
      parent_header: {},
      metadata: {},
      content: { code, silent: false, store_history: true, user_expressions: {}, allow_stdin: false, stop_on_error: true },
      buffers: [],
    };
    return new Promise((resolve) => {
      let firstOutput: number | undefined;
      let lastOutput = 0;
      let streamMessages = 0;
      let text = '';
      let status: string | undefined;
      let idle = false;
      const started = performance.now();
      const finish = () => {
        if (status === undefined || !idle) return;
        this.handlers.delete(msgId);
        resolve({
          firstOutputMs: (firstOutput ?? lastOutput) - started,
          lastOutputMs: lastOutput - started,
          streamMessages,
          text,
          status,
        });
      };
      this.handlers.set(msgId, (message) => {
        const type = message.header.msg_type;
        if (type === 'stream') {
          lastOutput = performance.now();
          firstOutput ??= lastOutput;
          streamMessages++;
          text += String(message.content.text);
        } else if (type === 'execute_reply') {
          status = String(message.content.status);
          finish();
        } else if (type === 'status' && message.content.execution_state === 'idle') {
          idle = true;
          finish();
        }
      });
      this.socket.send(JSON.stringify(request));
    });
  }

  close(): void {
    this.socket.close();
  }
}
