// The sidebar views, as contributed in package.json.
export const VIEW_IDS = {
  notebookInstances: 'sagemakerWorkbench.notebookInstances',
  autopilot: 'sagemakerWorkbench.autopilot',
  trainingJobs: 'sagemakerWorkbench.trainingJobs',
  modelRegistry: 'sagemakerWorkbench.modelRegistry',
  endpoints: 'sagemakerWorkbench.endpoints',
  pipelines: 'sagemakerWorkbench.pipelines',
  studio: 'sagemakerWorkbench.studio',
} as const;

export type ViewKey = keyof typeof VIEW_IDS;
