// Deep links into the AWS console, per resource kind. The console host differs in China and GovCloud.

function consoleHost(region: string): string {
  if (region.startsWith('cn-')) return `https://${region}.console.amazonaws.cn`;
  if (region.startsWith('us-gov-')) return `https://${region}.console.amazonaws-us-gov.com`;
  return `https://${region}.console.aws.amazon.com`;
}

const e = encodeURIComponent;

export function sageMakerConsoleUrl(region: string, path: string): string {
  return `${consoleHost(region)}/sagemaker/home?region=${region}#/${path}`;
}

export const consoleUrls = {
  notebookInstance: (region: string, name: string) => sageMakerConsoleUrl(region, `notebook-instances/${e(name)}`),
  lifecycleConfig: (region: string, name: string) =>
    sageMakerConsoleUrl(region, `notebook-instance-lifecycle-configurations/${e(name)}`),
  trainingJob: (region: string, name: string) => sageMakerConsoleUrl(region, `jobs/${e(name)}`),
  autoMlJob: (region: string, name: string) => sageMakerConsoleUrl(region, `automl-jobs/${e(name)}`),
  endpoint: (region: string, name: string) => sageMakerConsoleUrl(region, `endpoints/${e(name)}`),
  modelPackageGroup: (region: string, name: string) => sageMakerConsoleUrl(region, `model-registry/${e(name)}`),
  codePipeline: (region: string, name: string) =>
    `${consoleHost(region)}/codesuite/codepipeline/pipelines/${e(name)}/view?region=${region}`,
  codeCommitRepository: (region: string, name: string) =>
    `${consoleHost(region)}/codesuite/codecommit/repositories/${e(name)}/browse?region=${region}`,
  codeCommitCommit: (region: string, name: string, commitId: string) =>
    `${consoleHost(region)}/codesuite/codecommit/repositories/${e(name)}/commit/${e(commitId)}?region=${region}`,
};

/** Links from AWS answers are opened only if they lead to an AWS console (never an arbitrary site). */
export function isAwsConsoleUrl(url: string): boolean {
  return /^https:\/\/([a-z0-9-]+\.)*(aws\.amazon\.com|amazonaws\.cn|amazonaws-us-gov\.com)\//.test(url);
}
