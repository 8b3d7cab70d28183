// The keys other services serve on demand (see virtualListing.ts): an Autopilot job's explainability
// and model-insights reports and its generated notebooks, and each registry version's model.tar.gz.
// Whether one exists yet (a job still running has no report) is left to the resolver that serves it.
import { parseS3Uri, type World } from '../world';
import { autoMlJobs } from '../sagemaker/autoMlModule';
import { registry } from '../sagemaker/modelRegistryModule';
import { addVirtualLister } from './virtualListing';

const AUTOPILOT_FILES = [
  'documentation/explainability/output/analysis.json',
  'documentation/model_monitor/output/report.json',
  'sagemaker-automl-candidates/notebooks/SageMakerAutopilotCandidateDefinitionNotebook.ipynb',
  'sagemaker-automl-candidates/notebooks/SageMakerAutopilotDataExplorationNotebook.ipynb',
];

export function listGeneratedObjects(world: World): void {
  addVirtualLister(world, (bucket) =>
    [...autoMlJobs(world).values()].flatMap((job) => {
      const out = parseS3Uri(job.outputS3Uri);
      if (out?.bucket !== bucket) return [];
      const base = `${out.key.replace(/\/$/, '')}${out.key ? '/' : ''}${job.name}`;
      return AUTOPILOT_FILES.map((file) => `${base}/${file}`);
    }),
  );
  addVirtualLister(world, (bucket) =>
    [...registry(world).values()].flatMap((g) =>
      g.versions.flatMap((v) => {
        const artefact = parseS3Uri(v.modelDataUrl);
        return artefact?.bucket === bucket ? [artefact.key] : [];
      }),
    ),
  );
}
