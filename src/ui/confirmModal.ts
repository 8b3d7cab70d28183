// The one confirmation every destructive or approving command asks: a modal naming what will happen,
// with a single button for the action (Cancel is VS Code's own).
import { window } from './window';

export async function confirmModal(question: string, detail: string, action: string): Promise<boolean> {
  return (await window.showWarningMessage(question, { modal: true, detail }, action)) === action;
}
