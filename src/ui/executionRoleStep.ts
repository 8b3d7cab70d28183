// The wizards' "execution role" step: the roles SageMaker may assume (when the user may list them), or a typed
// role ARN, checked as it is typed. One step, so every wizard offers and checks roles alike. The roles may still be
// being listed when the wizard opens (IAM is asked while the user answers the first steps): the step waits for them.
import * as vscode from 'vscode';
import type { RoleChoice } from '../aws/iam/rolesApi';
import { roleArnProblem } from '../model/deployPlan';
import type { Step } from './multiStepInput';

/** The step that sets `roleArn` and goes on to `next`; the plan's current role is the one offered first. */
export function executionRoleStep<S extends { roleArn: string }>(
  title: string,
  listed: readonly RoleChoice[] | Promise<readonly RoleChoice[]>,
  next: () => Step<S> | undefined,
): Step<S> {
  return async (input, s) => {
    const roles = await listed;
    if (roles.length) {
      const items: Array<vscode.QuickPickItem & { value: string }> = [
        ...roles.map((r) => ({ label: r.name, detail: r.arn, value: r.arn })),
        { label: vscode.l10n.t('$(edit) Type a role ARN…'), value: '' },
      ];
      const picked = await input.pick({
        title,
        placeholder: vscode.l10n.t('Execution role'),
        items,
        activeItem: items.find((i) => i.value === s.roleArn),
        acceptTyped: (t) => (t && !roleArnProblem(t) ? { label: t, value: t } : undefined),
      });
      if (picked.value) {
        s.roleArn = picked.value;
        return next();
      }
    }
    s.roleArn = (
      await input.inputBox({
        title,
        prompt: vscode.l10n.t('Execution role ARN'),
        value: s.roleArn,
        validate: roleArnProblem,
      })
    ).trim();
    return next();
  };
}
