// The few Jupyter messaging-protocol shapes the output mapping reads (protocol 5.x, as ipykernel sends them).
// Structural on purpose: a `KernelMessage.IMessage` of @jupyterlab/services fits, and src/model stays free of
// any client library.

/** A Jupyter message as it arrives on the IOPub, shell or stdin channel. */
export interface JupyterMessage {
  header: { msg_id?: string; msg_type: string };
  parent_header?: { msg_id?: string };
  content: unknown;
  metadata?: unknown;
  channel?: string;
}

/** `data` of display_data / execute_result / update_display_data: MIME type to value (string, string[] or JSON). */
export type MimeBundle = Record<string, unknown>;

export interface StreamContent {
  name: 'stdout' | 'stderr' | string;
  text: string | string[];
}
export interface DisplayContent {
  data: MimeBundle;
  metadata?: Record<string, unknown>;
  transient?: { display_id?: string };
  execution_count?: number | null;
}
export interface ErrorContent {
  ename?: string;
  evalue?: string;
  traceback?: string[];
}
export interface ClearOutputContent {
  wait?: boolean;
}
export interface StatusContent {
  execution_state: 'busy' | 'idle' | 'starting' | 'restarting' | 'dead' | string;
}
export interface ExecuteInputContent {
  code?: string;
  execution_count?: number;
}
export interface ExecuteReplyContent extends ErrorContent {
  status: 'ok' | 'error' | 'aborted' | string;
  execution_count?: number | null;
  payload?: Array<{
    source?: string;
    data?: MimeBundle;
    start?: number;
    text?: string;
    replace?: boolean;
    keepkernel?: boolean;
  }>;
}
export interface InputRequestContent {
  prompt?: string;
  password?: boolean;
}

export function msgType(message: JupyterMessage): string {
  return message.header?.msg_type ?? '';
}

export function parentId(message: JupyterMessage): string | undefined {
  return message.parent_header?.msg_id || undefined;
}
