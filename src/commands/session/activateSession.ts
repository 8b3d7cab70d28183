// The session feature: profile and region, refresh, the log, resource details shared by every view.
import type { Workbench } from '../workbench';
import { registerResourceCommands } from './resourceCommands';
import { registerSessionCommands } from './sessionCommands';

export function activateSession(wb: Workbench): void {
  wb.context.subscriptions.push(...registerSessionCommands(wb), ...registerResourceCommands(wb));
}
