// The model registry: approve or reject versions (registering and the Model Group panel are hosting's). The
// commands load on first use.
import * as vscode from 'vscode';
import { registerLazyCommands } from '../../ui/commands';
import type { Workbench } from '../workbench';

const MODEL_REGISTRY_COMMANDS = ['sagemakerWorkbench.approveModelVersion', 'sagemakerWorkbench.rejectModelVersion'];

export function activateModelRegistry(wb: Workbench): void {
  wb.context.subscriptions.push(
    registerLazyCommands(wb, vscode.l10n.t('the model registry'), MODEL_REGISTRY_COMMANDS, async (host) =>
      (
        await import(/* webpackChunkName: "modelRegistry" */ './modelRegistryCommands.js')
      ).registerModelRegistryCommands(host),
    ),
  );
}
