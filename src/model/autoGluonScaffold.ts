// The files of a new AutoGluon bring-your-own-container project (seed 003 chapter 3): a Dockerfile on
// AWS's AutoGluon training image, train.py reading SageMaker's hyperparameters.json and writing
// Leaderboard.csv, Model_Evaluation.txt and SummaryOfModels.html next to the models, a serving entry
// point, a CodeBuild buildspec, the wizard's defaults and a README. The user's code from then on.
// The files themselves ship in the extension as templates (templates/autogluon-project/, `{{name}}`
// placeholders); this module fills them in and checks what the user types.
import * as l10n from '@vscode/l10n';

export interface ScaffoldOptions {
  /** Folder name; also the ECR repository and the job name prefix. */
  name: string;
  region: string;
  account: string;
  /** Bucket for data and output (the SageMaker default bucket). */
  bucket: string;
}

/** The folder of the templates, relative to the extension's root. */
export const AUTOGLUON_TEMPLATE_FOLDER = ['templates', 'autogluon-project'] as const;

/** Every file of a project, as named in the template folder and in the project. */
export const AUTOGLUON_PROJECT_FILES = [
  'Dockerfile',
  'README.md',
  'buildspec.yml',
  'hyperparameters.json',
  'requirements.txt',
  'sagemaker-training.json',
  'serve.py',
  'train.py',
] as const;

/** `{{key}}` replaced by `values[key]`; a placeholder without a value is a broken template, not an empty string. */
export function renderTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g, (_all, key: string) => {
    if (!Object.prototype.hasOwnProperty.call(values, key))
      throw new Error(l10n.t('The template names {0}, which has no value', `{{${key}}}`));
    return values[key];
  });
}

/** The values a project's templates name. */
export function scaffoldValues(o: ScaffoldOptions): Record<string, string> {
  return { ...o, repository: `${o.account}.dkr.ecr.${o.region}.amazonaws.com/${o.name}` };
}

/** The project's files from the templates (file name -> template text): every file of the project, filled in. */
export function autoGluonProjectFiles(
  templates: Readonly<Record<string, string>>,
  o: ScaffoldOptions,
): Record<string, string> {
  const values = scaffoldValues(o);
  const files: Record<string, string> = {};
  for (const file of AUTOGLUON_PROJECT_FILES) {
    const template = templates[file];
    if (template === undefined)
      throw new Error(l10n.t('The AutoGluon project template {0} is missing from the extension', file));
    files[file] = renderTemplate(template, values);
  }
  return files;
}

/** An ECR repository name (the folder, the image and the job prefix share it). */
export function projectNameProblem(name: string): string | undefined {
  if (!name) return l10n.t('A project name is required');
  if (name.length > 200) return l10n.t('A project name has at most 200 characters');
  return /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/.test(name)
    ? undefined
    : l10n.t(
        'Use lower-case letters, digits and single ".", "_" or "-" between them (it names the ECR repository too)',
      );
}

export const accountProblem = (v: string): string | undefined =>
  /^\d{12}$/.test(v.trim()) ? undefined : l10n.t('An AWS account id is 12 digits');

/** The wizard defaults a scaffolded folder holds (sagemaker-training.json), read leniently. */
export interface FolderTrainingDefaults {
  image?: string;
  instanceType?: string;
  instanceCount?: number;
  volumeSizeInGB?: number;
  maxRuntimeSeconds?: number;
  channels?: Record<string, string>;
  outputPath?: string;
  metricDefinitions?: Array<{ name: string; regex: string }>;
}

export function parseFolderDefaults(text: string): { defaults: FolderTrainingDefaults; problem?: string } {
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      return { defaults: {}, problem: l10n.t('sagemaker-training.json is not a JSON object') };
    return { defaults: parsed as FolderTrainingDefaults };
  } catch (error) {
    return {
      defaults: {},
      problem: l10n.t('sagemaker-training.json is not valid JSON: {0}', (error as Error).message),
    };
  }
}
