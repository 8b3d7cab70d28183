// CloudWatch log groups as read-only documents that follow new events while open (like `aws logs tail
// --follow`): endpoint logs (/aws/sagemaker/Endpoints/<name>) and, with a stream prefix, notebook lifecycle
// logs. The first read covers the day before the group's newest event (an endpoint quiet for weeks still
// shows its last activity), at most MAX_EVENTS events; then one FilterLogEvents call per interval asks
// only for what is newer. Nothing is polled once the document is closed.
import * as vscode from 'vscode';
import type { FilteredLogEvent } from '@aws-sdk/client-cloudwatch-logs';
import { lastEventTime, logEventsPage } from '../../aws/logs/logEventsApi';
import type { AwsSession } from '../../session/awsSession';
import { toUserError } from '../../ui/showAwsError';

export const LOG_SCHEME = 'sagemaker-workbench-logs';
const DAY_MS = 86_400_000;
const MAX_EVENTS = 10_000;

interface Followed {
  group: string;
  streamPrefix?: string;
  lines: string[];
  seen: Set<string>;
  /** Newest event time read; the next read starts there (inclusive, so seen ids drop repeats). */
  since: number;
  reading?: Promise<void>;
  error?: string;
}

export function logDocumentUri(group: string, region: string, streamPrefix?: string): vscode.Uri {
  const query = new URLSearchParams({ region, ...(streamPrefix ? { prefix: streamPrefix } : {}) }).toString();
  return vscode.Uri.from({ scheme: LOG_SCHEME, path: `${group}${streamPrefix ? `/${streamPrefix}` : ''}.log`, query });
}

export function formatLogEvent(e: FilteredLogEvent): string {
  return `${new Date(e.timestamp ?? 0).toISOString()}  ${e.logStreamName ?? ''}  ${(e.message ?? '').replace(/\n$/, '')}`;
}

export class LogDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly followed = new Map<string, Followed>();
  private timer?: ReturnType<typeof setInterval>;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly session: AwsSession) {
    this.subscriptions = [
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d.uri.scheme !== LOG_SCHEME) return;
        this.followed.delete(d.uri.toString());
        if (this.followed.size === 0) this.stop();
      }),
    ];
  }

  /** Opens a group's events and follows them. */
  async open(group: string, streamPrefix?: string): Promise<vscode.TextDocument> {
    const uri = logDocumentUri(group, this.session.current.region, streamPrefix);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: false });
    return document;
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const key = uri.toString();
    let state = this.followed.get(key);
    if (!state) {
      const prefix = new URLSearchParams(uri.query).get('prefix') ?? undefined;
      const group = uri.path.replace(/\.log$/, '').replace(prefix ? `/${prefix}` : '', '');
      state = { group, streamPrefix: prefix, lines: [], seen: new Set(), since: Date.now() - DAY_MS };
      this.followed.set(key, state);
      // Streams are ordered by last event (prefix filters cannot be combined with that order; a prefix has few streams).
      const latest = await lastEventTime(this.session.clients, group, prefix).catch(() => undefined);
      if (latest !== undefined) state.since = Math.min(state.since, latest - DAY_MS);
      await this.read(state);
      this.start();
    } else {
      await state.reading;
    }
    const header = state.streamPrefix
      ? vscode.l10n.t('# {0} (streams {1}*) — following new events while open', state.group, state.streamPrefix)
      : vscode.l10n.t('# {0} — following new events while open', state.group);
    const body = state.lines.length ? state.lines.join('\n') : vscode.l10n.t('(no events yet)');
    return `${header}\n${state.error ? `# ${state.error}\n` : ''}${body}\n`;
  }

  /** Reads what is new; returns whether anything was added. */
  private read(state: Followed): Promise<void> {
    state.reading ??= (async () => {
      try {
        let token: string | undefined;
        do {
          const page = await logEventsPage(this.session.clients, state.group, state.since, token, state.streamPrefix);
          for (const e of page.events) {
            const id = e.eventId ?? `${e.logStreamName}/${e.timestamp}/${e.message}`;
            if (state.seen.has(id)) continue;
            state.seen.add(id);
            state.lines.push(formatLogEvent(e));
            state.since = Math.max(state.since, e.timestamp ?? 0);
          }
          token = page.nextToken;
        } while (token && state.lines.length < MAX_EVENTS);
        if (state.lines.length > MAX_EVENTS) state.lines.splice(0, state.lines.length - MAX_EVENTS);
        state.error = undefined;
      } catch (error) {
        const mapped = toUserError(error, this.session, 'logs', 'FilterLogEvents');
        state.error =
          (error as { name?: string }).name === 'ResourceNotFoundException'
            ? vscode.l10n.t(
                'The log group {0} does not exist yet; it appears once the resource writes its first line.',
                state.group,
              )
            : mapped.message;
      }
    })().finally(() => {
      state.reading = undefined;
    });
    return state.reading;
  }

  /** Reads every followed document again now (the poll does this on its own). */
  async refresh(): Promise<void> {
    // Only documents shown in an editor tab: a closed editor stops costing calls at once, not when VS Code
    // gets round to disposing its document.
    const shown = new Set(
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .map((t) => (t.input instanceof vscode.TabInputText ? t.input.uri.toString() : '')),
    );
    await Promise.all(
      [...this.followed.entries()]
        .filter(([key]) => shown.has(key))
        .map(async ([key, state]) => {
          const before = state.lines.length;
          const error = state.error;
          await this.read(state);
          if (state.lines.length !== before || state.error !== error) this.changed.fire(vscode.Uri.parse(key));
        }),
    );
  }

  private start(): void {
    if (this.timer) return;
    const seconds = Math.max(
      1,
      vscode.workspace.getConfiguration('sagemakerWorkbench').get<number>('logs.followIntervalSeconds', 5),
    );
    this.timer = setInterval(() => void this.refresh(), seconds * 1000);
  }

  private stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  dispose(): void {
    this.stop();
    this.changed.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
