// The sidebar views, as contributed in package.json.
export const VIEW_IDS = {
  notebookInstances: 'sagemakerWorkbench.notebookInstances',
  autopilot: 'sagemakerWorkbench.autopilot',
  trainingJobs: 'sagemakerWorkbench.trainingJobs',
  modelRegistry: 'sagemakerWorkbench.modelRegistry',
  endpoints: 'sagemakerWorkbench.endpoints',
  pipelines: 'sagemakerWorkbench.pipelines',
} as const;

export type ViewKey = keyof typeof VIEW_IDS;
