// The one log of the extension: a LogOutputChannel (levels, timestamps, "Set Log Level" for free). Every
// line passes through redact(), so a careless caller cannot leak a secret.
import * as vscode from 'vscode';
import { redact } from '../model/redact';

export interface LogEntry {
  level: 'trace' | 'debug' | 'info' | 'warn' | 'error';
  message: string;
}

export class Log implements vscode.Disposable {
  private readonly channel: vscode.LogOutputChannel;
  private readonly emitter = new vscode.EventEmitter<LogEntry>();
  /** Fires with every (redacted) entry; tests and the API-call counter listen. */
  readonly onDidLog = this.emitter.event;

  // l10n-exempt: the product's name, which also identifies the output channel (its log level is kept by name)
  constructor(name = 'SageMaker Workbench') {
    this.channel = vscode.window.createOutputChannel(name, { log: true });
  }

  trace(message: string): void {
    this.write('trace', message);
  }
  debug(message: string): void {
    this.write('debug', message);
  }
  info(message: string): void {
    this.write('info', message);
  }
  warn(message: string): void {
    this.write('warn', message);
  }
  error(message: string): void {
    this.write('error', message);
  }

  show(): void {
    this.channel.show(true);
  }

  private write(level: LogEntry['level'], message: string): void {
    const safe = redact(message);
    this.channel[level](safe);
    this.emitter.fire({ level, message: safe });
  }

  dispose(): void {
    this.emitter.dispose();
    this.channel.dispose();
  }
}
