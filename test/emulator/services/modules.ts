// Every resource family the emulator serves, in seeding order (S3 first: others put objects).
import type { ServiceModule } from './serviceModule';
import { s3Module } from './s3/s3Module';
import { notebookInstancesModule } from './sagemaker/notebookInstancesModule';
import { lifecycleScriptsModule } from './sagemaker/lifecycleScriptRun';
import { autoMlModule } from './sagemaker/autoMlModule';
import { trainingJobsModule } from './sagemaker/trainingJobsModule';
import { modelRegistryModule } from './sagemaker/modelRegistryModule';
import { searchModule } from './sagemaker/searchModule';
import { endpointsModule } from './sagemaker/endpointsModule';
import { pipelinesModule } from './sagemaker/pipelinesModule';
import { autoScalingModule } from './autoscaling/autoScalingModule';
import { logsModule } from './logs/logsModule';
import { endpointMetricsModule } from './cloudwatch/endpointMetricsModule';
import { releaseModule } from './codepipeline/releaseModule';
import { rolesModule } from './iam/rolesModule';
import { repositoriesModule } from './ecr/repositoriesModule';
import { studioModule } from './sagemaker/studio/studioModule';
import { priceListModule } from './pricing/priceListModule';
import { processingTransformListsModule } from './sagemaker/processingTransformListsModule';

export const SERVICE_MODULES: ServiceModule[] = [
  s3Module,
  processingTransformListsModule,
  lifecycleScriptsModule,
  notebookInstancesModule,
  autoMlModule,
  trainingJobsModule,
  modelRegistryModule,
  searchModule,
  endpointsModule,
  endpointMetricsModule,
  autoScalingModule,
  pipelinesModule,
  logsModule,
  releaseModule,
  rolesModule,
  repositoriesModule,
  studioModule,
  priceListModule,
];
