// One icon language for every status in every view: spinning while something happens, green when it is
// usable or done, red when it failed, grey when stopped, and an unmistakable bell for "waiting for you".
import * as vscode from 'vscode';

const GREEN = new vscode.ThemeColor('testing.iconPassed');
const RED = new vscode.ThemeColor('testing.iconFailed');
const YELLOW = new vscode.ThemeColor('list.warningForeground');
const GREY = new vscode.ThemeColor('disabledForeground');

const ICONS: Record<string, [string, vscode.ThemeColor | undefined]> = {
  // in progress
  Pending: ['loading~spin', undefined],
  InProgress: ['loading~spin', undefined],
  Creating: ['loading~spin', undefined],
  Updating: ['loading~spin', undefined],
  Stopping: ['loading~spin', undefined],
  Deleting: ['loading~spin', undefined],
  Executing: ['loading~spin', undefined],
  SystemUpdating: ['loading~spin', undefined],
  RollingBack: ['loading~spin', YELLOW],
  UpdateRollbackFailed: ['error', RED],
  Starting: ['loading~spin', undefined],
  Uploading: ['loading~spin', undefined],
  Training: ['loading~spin', undefined],
  Downloading: ['loading~spin', undefined],
  // usable or done
  InService: ['pass-filled', GREEN],
  Completed: ['pass-filled', GREEN],
  Succeeded: ['pass-filled', GREEN],
  Approved: ['verified-filled', GREEN],
  // failed or refused
  Failed: ['error', RED],
  Rejected: ['close', RED],
  OutOfService: ['warning', YELLOW],
  Abandoned: ['circle-slash', GREY],
  // stopped
  Stopped: ['debug-stop', GREY],
  Cancelled: ['circle-slash', GREY],
  Superseded: ['circle-slash', GREY],
  // waiting for a person
  PendingManualApproval: ['bell-dot', YELLOW],
};

export function statusIcon(status: string | undefined): vscode.ThemeIcon {
  const [icon, color] = (status && ICONS[status]) || ['circle-outline', undefined];
  return new vscode.ThemeIcon(icon, color);
}

/** Statuses that will change by themselves: the poller watches these. */
export function isInProgress(status: string | undefined): boolean {
  return !!status && ICONS[status]?.[0] === 'loading~spin';
}
