// ListProcessingJobs and ListTransformJobs: the emulator runs no processing or transform jobs of its own (Autopilot's
// and the pipelines' steps are described, not listed), so both lists are empty; filters and MaxResults are still
// checked against the model, and the defaults (SortBy CreationTime, SortOrder Descending) are what AWS documents.
import type { OperationHandler } from '../../engine/contract';
import type { ServiceModule } from '../serviceModule';

function handlers(): Record<string, OperationHandler> {
  return {
    ListProcessingJobs: () => ({ ProcessingJobSummaries: [] }),
    ListTransformJobs: () => ({ TransformJobSummaries: [] }),
  };
}

export const processingTransformListsModule: ServiceModule = {
  name: 'sagemaker processing and transform job lists',
  handlers: () => ({ sagemaker: handlers() }),
};
