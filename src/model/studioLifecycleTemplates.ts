// Starting points for Studio lifecycle configurations, written for the JupyterLab app of a Studio space (not a
// notebook instance): the script runs as sagemaker-user in /home/sagemaker-user each time the app starts, the
// SageMaker Distribution image has conda/pip in its own environment, and Jupyter listens on port 8888 under
// /jupyterlab/default. SageMaker stops waiting for the script after 5 minutes, so long work goes to the background.
import * as l10n from '@vscode/l10n';

export type StudioTemplateKind = 'pip-packages' | 's3-sync' | 'idle-kernels';

export interface StudioTemplateChoice {
  kind: StudioTemplateKind;
  /** pip-packages: the requirements. */
  packages?: string[];
  /** s3-sync: s3://bucket/prefix/ the notebooks come from. */
  s3Uri?: string;
  /** idle-kernels: minutes a kernel may be idle before it is shut down. */
  idleMinutes?: number;
}

export const STUDIO_TEMPLATE_LABELS: Record<StudioTemplateKind, { label: string; detail: string }> = {
  'pip-packages': {
    label: l10n.t('Install packages into the JupyterLab environment'),
    detail: l10n.t("on app start: pip install into the image's Python environment (in the background)"),
  },
  's3-sync': {
    label: l10n.t('Sync notebooks from S3'),
    detail: l10n.t("on app start: copy the project's .ipynb files from S3 into the space's home folder"),
  },
  'idle-kernels': {
    label: l10n.t('Shut down idle kernels'),
    detail: l10n.t('on app start: a background loop shuts kernels down after they have been idle'),
  },
};

function pipScript(packages: string[]): string {
  const list = packages.join(' ');
  // l10n-exempt: the bash script SageMaker runs in the space (its comments and echo lines go to its log)
  return `#!/bin/bash
# Installs ${list} into the JupyterLab environment of this space each time its app starts.
# In the background: SageMaker stops waiting for the script after 5 minutes.
set -eux
nohup bash -c 'pip install --quiet --upgrade ${list}' > /home/sagemaker-user/.lifecycle-pip.log 2>&1 &
echo "Installing ${list} in the background; see ~/.lifecycle-pip.log"
`;
}

function syncScript(s3Uri: string): string {
  const source = s3Uri.trim().replace(/\/?$/, '/');
  // l10n-exempt: the bash script SageMaker runs in the space (its comments and echo lines go to its log)
  return `#!/bin/bash
# Copies the project's notebooks from ${source} into the space's home folder each time its app starts,
# keeping the user's newer copies (--size-only skips notebooks already there).
set -eux
mkdir -p /home/sagemaker-user/notebooks
aws s3 sync ${source} /home/sagemaker-user/notebooks/ --exclude "*" --include "*.ipynb" --size-only
echo "Notebooks from ${source} are in ~/notebooks"
`;
}

function idleKernelsScript(minutes: number): string {
  const seconds = minutes * 60;
  // l10n-exempt: the bash script (and the Python it writes) SageMaker runs in the space, not text the extension shows
  return `#!/bin/bash
# Shuts down this space's kernels once they have been idle for ${minutes} minutes (checked every 5 minutes).
# Studio's own idle shutdown stops the whole app; this keeps the app and frees the kernels' memory.
set -eux
cat > /home/sagemaker-user/.idle-kernels.py <<'SCRIPT'
import datetime, json, time, urllib.request
BASE = "http://localhost:8888/jupyterlab/default/api/kernels"
IDLE = datetime.timedelta(seconds=${seconds})
while True:
    try:
        for k in json.load(urllib.request.urlopen(BASE)):
            last = datetime.datetime.fromisoformat(k["last_activity"].replace("Z", "+00:00"))
            if k["execution_state"] == "idle" and datetime.datetime.now(datetime.timezone.utc) - last > IDLE:
                urllib.request.urlopen(urllib.request.Request(BASE + "/" + k["id"], method="DELETE"))
    except OSError:
        pass
    time.sleep(300)
SCRIPT
nohup python3 /home/sagemaker-user/.idle-kernels.py > /home/sagemaker-user/.idle-kernels.log 2>&1 &
echo "Kernels idle for ${minutes} minutes will be shut down"
`;
}

export function studioTemplateScript(choice: StudioTemplateChoice): string {
  switch (choice.kind) {
    case 'pip-packages':
      return pipScript(choice.packages ?? []);
    case 's3-sync':
      return syncScript(choice.s3Uri ?? '');
    case 'idle-kernels':
      return idleKernelsScript(choice.idleMinutes ?? 60);
  }
}
