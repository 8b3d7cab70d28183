// The session feature: profile and region, refresh, the log, resource details shared by every view.
import type { Workbench } from '../workbench';
import { registerResourceCommands } from './resourceCommands';
import { registerCommands } from './sessionCommands';

export function activateSession(wb: Workbench): void {
  wb.context.subscriptions.push(
    ...registerCommands(wb.session, wb.views, wb.log),
    ...registerResourceCommands(wb.details, (key) => wb.views.listProvider(key)),
  );
}
