// What a CodePipeline's GetPipelineState answer means for a person: the status of the newest execution,
// and the manual approvals waiting for someone (with the token PutApprovalResult needs). Pure, so the
// rules are unit-tested.

export interface ActionStateLike {
  actionName?: string;
  entityUrl?: string;
  revisionUrl?: string;
  latestExecution?: {
    status?: string;
    token?: string;
    summary?: string;
    lastStatusChange?: Date;
    externalExecutionUrl?: string;
    lastUpdatedBy?: string;
  };
  currentRevision?: { revisionId?: string };
}

export interface StageStateLike {
  stageName?: string;
  latestExecution?: { pipelineExecutionId?: string; status?: string };
  actionStates?: ActionStateLike[];
}

export interface PipelineStateLike {
  pipelineName?: string;
  stageStates?: StageStateLike[];
}

export interface PendingApproval {
  pipelineName: string;
  stageName: string;
  actionName: string;
  token: string;
  pipelineExecutionId?: string;
  waitingSince?: Date;
  reviewUrl?: string;
}

/** Manual approval actions that are in progress and carry a token: the ones a person can act on now. */
export function pendingApprovals(state: PipelineStateLike): PendingApproval[] {
  const pending: PendingApproval[] = [];
  for (const stage of state.stageStates ?? []) {
    for (const action of stage.actionStates ?? []) {
      const e = action.latestExecution;
      if (e?.status === 'InProgress' && e.token) {
        pending.push({
          pipelineName: state.pipelineName ?? '',
          stageName: stage.stageName ?? '',
          actionName: action.actionName ?? '',
          token: e.token,
          pipelineExecutionId: stage.latestExecution?.pipelineExecutionId,
          waitingSince: e.lastStatusChange,
          reviewUrl: e.externalExecutionUrl,
        });
      }
    }
  }
  return pending;
}

/**
 * Status of the newest execution: the one the first stage ran last. Its furthest stage tells how it is
 * doing; an execution waiting for approval is "InProgress" to AWS and "waiting for approval" to a person.
 */
export function latestExecutionStatus(state: PipelineStateLike): {
  status?: string;
  executionId?: string;
  stageName?: string;
} {
  const stages = state.stageStates ?? [];
  const executionId = stages[0]?.latestExecution?.pipelineExecutionId;
  if (!executionId) return {};
  let reached: StageStateLike | undefined;
  for (const stage of stages) {
    if (stage.latestExecution?.pipelineExecutionId === executionId) reached = stage;
  }
  return { status: reached?.latestExecution?.status, executionId, stageName: reached?.stageName };
}

/** Where "Open Action Link" goes: the run's own page (build logs, the report to review), else the revision, else the resource. */
export function actionLink(action: ActionStateLike): string | undefined {
  return action.latestExecution?.externalExecutionUrl ?? action.revisionUrl ?? action.entityUrl;
}
