// How a command tells the user how it ended: one place, so every feature's refusals are warnings, failures
// errors, and the rest information.
import { window } from './window';

export interface Outcome {
  outcome: string;
  message?: string;
}

/**
 * Shows `outcome.message`. A failure's first line is the message and the rest its detail (then modal);
 * `action` adds a button to a failure; outcomes in `quiet` are not shown (their command already spoke).
 */
export function showOutcome(
  outcome: Outcome,
  options: { action?: { label: string; run(): void }; quiet?: string[] } = {},
): void {
  if (!outcome.message || options.quiet?.includes(outcome.outcome)) return;
  if (outcome.outcome === 'refused') void window.showWarningMessage(outcome.message);
  else if (outcome.outcome === 'failed') {
    const [first, ...rest] = outcome.message.split('\n');
    const action = options.action;
    void window
      .showErrorMessage(first, { detail: rest.join('\n'), modal: rest.length > 0 }, ...(action ? [action.label] : []))
      .then((choice) => {
        if (choice && action) action.run();
      });
  } else void window.showInformationMessage(outcome.message);
}
