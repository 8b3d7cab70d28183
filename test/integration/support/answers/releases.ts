// Answers for the Releases commands' prompts, shared by the approval, release and fault suites: the comment
// and confirmation of an approval decision, and the parameters of a SageMaker pipeline start.
import type { MessageLevel, TestWindow } from '../testWindow';

export const RELEASE = 'abalone-cicd-pipeline';

export interface DecisionAnswers {
  decision: 'Approved' | 'Rejected';
  /** The comment typed; undefined dismisses the comment box (cancels). */
  comment: string | undefined;
  /** Presses the modal's Approve / Reject button; false dismisses it. Not scripted when the comment is dismissed. */
  confirm?: boolean;
  pipelineName?: string;
  actionName?: string;
}

/** Scripts the comment box and the confirmation of one Approve / Reject. */
export function answerDecision(ui: TestWindow, a: DecisionAnswers): void {
  const verb = a.decision === 'Approved' ? 'Approve' : 'Reject';
  const pipeline = a.pipelineName ?? RELEASE;
  const title = `${verb} ${pipeline} · ${a.actionName ?? 'EvaluationApproval'}`;
  if (a.comment === undefined) {
    ui.onInputBox(title, (p) => p.cancel());
    return;
  }
  ui.onInputBox(title, a.comment);
  ui.onMessage(`${verb} the release of ${pipeline}?`, a.confirm ? verb : undefined);
}

/** The confirmation a decision showed (its question, detail and buttons), once it was answered. */
export function decisionConfirmation(ui: TestWindow, decision: 'Approved' | 'Rejected', pipelineName = RELEASE) {
  const question = `${decision === 'Approved' ? 'Approve' : 'Reject'} the release of ${pipelineName}?`;
  return ui.messages.find((m) => m.message === question);
}

export interface AskedParameter {
  name: string;
  title: string;
  prompt: string;
  /** The value the box opened with (the default). */
  prefilled: string;
  /** What the box said to the values it refused (typed before the last one). */
  refusals: string[];
}

/**
 * Scripts every parameter box of "Start Execution with Parameters…" for `names` (in the order the
 * definition declares them): the value in `values` is typed (a list: typed in turn, every one but the last
 * expected to be refused), the others keep their defaults. Returns what was asked, filled in as the boxes
 * are shown.
 */
export function answerPipelineParameters(
  ui: TestWindow,
  names: string[],
  values: Record<string, string | string[]> = {},
): AskedParameter[] {
  const asked: AskedParameter[] = [];
  for (const [i, name] of names.entries()) {
    ui.onInputBox(`Start pipeline (${i + 1}/${names.length}): ${name}`, async (p) => {
      const entry: AskedParameter = { name, title: p.title, prompt: p.prompt ?? '', prefilled: p.value, refusals: [] };
      asked.push(entry);
      const typed = values[name] === undefined ? [] : ([] as string[]).concat(values[name]);
      for (const [j, value] of typed.entries()) {
        const refusal = await p.type(value);
        if (refusal) entry.refusals.push(refusal);
        if (j === typed.length - 1 && refusal) throw new Error(`${name} refused "${value}": ${refusal}`);
      }
      if (typed.length === 0) {
        const refusal = await p.accept();
        if (refusal) throw new Error(`${name} refused its default "${p.value}": ${refusal}`);
      }
    });
  }
  return asked;
}

/** The notifications shown at `level` (modal questions left out: they ask, they do not tell). */
export function told(ui: TestWindow, level: MessageLevel): string[] {
  return ui.messages.filter((m) => m.level === level && !m.modal).map((m) => m.message);
}
