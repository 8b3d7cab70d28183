// Starting points for lifecycle configurations, written the way the seeds write them (seeds 000/001): sync
// the project's notebooks from S3 into /home/ec2-user/SageMaker, clear their outputs and fix ownership;
// stop the instance when Jupyter has been idle; install packages into a conda environment. Plus the
// limits SageMaker enforces, checked before any call.
import * as l10n from '@vscode/l10n';

/**
 * What the API limits is a hook's Content, the script base64-encoded (NotebookInstanceLifecycleConfigContent):
 * 16,384 characters, about 12,288 bytes of script.
 */
export const MAX_CONTENT_CHARS = 16_384;

/** The length of a script's base64 Content (UTF-8 bytes, four characters per three). */
export function contentLength(script: string): number {
  return Math.ceil(Buffer.byteLength(script, 'utf8') / 3) * 4;
}

export type TemplateKind = 's3-sync' | 'auto-stop' | 'conda-packages';

export interface TemplateChoice {
  kind: TemplateKind;
  /** s3-sync: s3://bucket/prefix/ the notebooks come from. */
  s3Uri?: string;
  /** auto-stop: idle minutes before stopping. */
  idleMinutes?: number;
  /** conda-packages: environment and packages. */
  environment?: string;
  packages?: string[];
}

export const TEMPLATE_LABELS: Record<TemplateKind, { label: string; detail: string }> = {
  's3-sync': {
    label: l10n.t('Sync notebooks from S3'),
    detail: l10n.t("on start: copy the project's .ipynb files from S3, clear their outputs, give them to ec2-user"),
  },
  'auto-stop': {
    label: l10n.t('Stop when idle'),
    detail: l10n.t('on start: a cron job stops the instance after Jupyter has been idle'),
  },
  'conda-packages': {
    label: l10n.t('Install packages into a conda environment'),
    detail: l10n.t('on start: pip install into an environment (in the background, within the 5-minute limit)'),
  },
};

/** A script too long for its hook, said with its size and the limit; `tense` for a script about to be made. */
export function scriptProblem(
  script: string,
  hook: 'on-create' | 'on-start',
  tense: 'has' | 'would-have' = 'has',
): string | undefined {
  const encoded = contentLength(script);
  if (encoded <= MAX_CONTENT_CHARS) return undefined;
  const n = (v: number) => v.toLocaleString('en-US');
  const args = [hook, n(script.length), n(encoded), n(MAX_CONTENT_CHARS), n((MAX_CONTENT_CHARS / 4) * 3)];
  return tense === 'has'
    ? l10n.t(
        'The {0} script has {1} characters ({2} base64-encoded); SageMaker takes at most {3} base64-encoded characters (about {4} of script). Shorten it, or move part of it to S3 and download it from the script.',
        ...args,
      )
    : l10n.t(
        'The {0} script would have {1} characters ({2} base64-encoded); SageMaker takes at most {3} base64-encoded characters (about {4} of script). Shorten it, or move part of it to S3 and download it from the script.',
        ...args,
      );
}

/** A bucket name as S3 allows it, with an optional prefix. */
export function s3PrefixProblem(value: string): string | undefined {
  return /^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?$/.test(value.trim())
    ? undefined
    : l10n.t('Enter an S3 location like s3://my-bucket/project/notebooks/');
}

export function idleMinutesProblem(value: string): string | undefined {
  const n = Number(value.trim());
  return Number.isInteger(n) && n >= 5 && n <= 1440
    ? undefined
    : l10n.t('Idle minutes are a whole number from 5 to 1440');
}

export function packagesProblem(value: string): string | undefined {
  const names = value.trim().split(/\s+/).filter(Boolean);
  if (names.length === 0) return l10n.t('Name at least one package, e.g. autogluon==0.8.2');
  const bad = names.find(
    (n) => !/^[A-Za-z0-9][A-Za-z0-9._-]*(\[[A-Za-z0-9,._-]+\])?([<>=!~]=?[A-Za-z0-9.*+!_-]+)?$/.test(n),
  );
  return bad ? l10n.t('"{0}" is not a pip requirement like pandas or autogluon==0.8.2', bad) : undefined;
}

const HEREDOC = 'SCRIPT';

function s3SyncScript(s3Uri: string): string {
  const source = s3Uri.trim().replace(/\/?$/, '/');
  const bucket = source.slice(5).split('/')[0];
  return [
    '#!/bin/bash',
    // l10n-exempt: a line of the bash lifecycle script the extension writes
    `# Copies the project's notebooks from ${source} on every start, clears their outputs and hands them to ec2-user.`,
    'set -e',
    `sudo -u ec2-user -i <<'${HEREDOC}'`,
    `aws s3 cp ${source} /home/ec2-user/SageMaker/ --recursive --exclude "*" --include "*.ipynb"`,
    // l10n-exempt: a line of the bash lifecycle script the extension writes
    'for notebook in /home/ec2-user/SageMaker/*.ipynb',
    'do',
    // l10n-exempt: a line of the bash lifecycle script the extension writes
    '  jupyter nbconvert --ClearOutputPreprocessor.enabled=True --inplace "${notebook}"',
    `  sed -i 's/<BUCKET_NAME>/${bucket}/g' "\${notebook}"`,
    'done',
    HEREDOC,
    'chown ec2-user:ec2-user /home/ec2-user/SageMaker/*.ipynb',
    // l10n-exempt: a line of the bash lifecycle script the extension writes
    `echo "Notebooks from ${source} are ready"`,
    '',
  ].join('\n');
}

function autoStopScript(idle: number): string {
  return [
    '#!/bin/bash',
    // l10n-exempt: a line of the bash lifecycle script the extension writes
    `# Stops this notebook instance after Jupyter has been idle for ${idle} minutes (checked every 5 minutes).`,
    'set -e',
    `cat > /home/ec2-user/autostop.sh <<'${HEREDOC}'`,
    '#!/bin/bash',
    `IDLE_MINUTES=${idle}`,
    // l10n-exempt: a line of the bash lifecycle script the extension writes
    'LAST=$(curl -s http://localhost:8443/api/sessions | python3 -c \'import json,sys;s=json.load(sys.stdin);print(max([x["kernel"]["last_activity"] for x in s] or ["1970-01-01T00:00:00"]))\')',
    'NOW=$(date -u +%s); THEN=$(date -u -d "${LAST%%.*}" +%s)',
    'if [ $(( (NOW - THEN) / 60 )) -ge $IDLE_MINUTES ]; then',
    '  NAME=$(jq -r .ResourceName /opt/ml/metadata/resource-metadata.json)',
    // l10n-exempt: a line of the bash lifecycle script the extension writes
    '  aws sagemaker stop-notebook-instance --notebook-instance-name "$NAME"',
    'fi',
    HEREDOC,
    'chmod +x /home/ec2-user/autostop.sh',
    // l10n-exempt: a line of the bash lifecycle script the extension writes
    '(crontab -l 2>/dev/null; echo "*/5 * * * * /home/ec2-user/autostop.sh") | crontab -',
    // l10n-exempt: a line of the bash lifecycle script the extension writes
    `echo "Auto-stop after ${idle} idle minutes is on"`,
    '',
  ].join('\n');
}

function condaScript(env: string, packages: string[]): string {
  const list = packages.join(' ');
  return [
    '#!/bin/bash',
    // l10n-exempt: a line of the bash lifecycle script the extension writes
    `# Installs ${list} into the ${env} conda environment in the background (the start must finish within 5 minutes).`,
    'set -e',
    `sudo -u ec2-user -i <<'${HEREDOC}'`,
    // l10n-exempt: a line of the bash lifecycle script the extension writes
    `nohup bash -c 'source /home/ec2-user/anaconda3/bin/activate ${env} && pip install --upgrade ${list}' > /home/ec2-user/SageMaker/.install.log 2>&1 &`,
    HEREDOC,
    // l10n-exempt: a line of the bash lifecycle script the extension writes
    `echo "Installing ${list} into ${env} in the background"`,
    '',
  ].join('\n');
}

/** The on-start script of a template. */
export function templateScript(choice: TemplateChoice): string {
  switch (choice.kind) {
    case 's3-sync':
      return s3SyncScript(choice.s3Uri ?? '');
    case 'auto-stop':
      return autoStopScript(choice.idleMinutes ?? 60);
    case 'conda-packages':
      return condaScript(choice.environment ?? 'python3', choice.packages ?? []);
  }
}

/** S3 locations a lifecycle script copies notebooks from (`aws s3 cp|sync s3://… <dir>`), in order. */
export function notebookSources(script: string): string[] {
  return [...script.matchAll(/aws\s+s3\s+(?:cp|sync)\s+(s3:\/\/[^\s"']+)/g)].map((m) => m[1]);
}
