// The CodePipeline SDK pieces the pipelines view and approvals use, loaded on first use (a webpack chunk).
export {
  CodePipelineClient,
  GetPipelineCommand,
  GetPipelineStateCommand,
  ListPipelineExecutionsCommand,
  ListPipelinesCommand,
  PutApprovalResultCommand,
  RetryStageExecutionCommand,
  StartPipelineExecutionCommand,
  StopPipelineExecutionCommand,
  paginateListActionExecutions,
} from '@aws-sdk/client-codepipeline';
