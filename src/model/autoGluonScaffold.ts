// The files of a new AutoGluon bring-your-own-container project (seed 003 chapter 3): a Dockerfile on
// AWS's AutoGluon training image, train.py reading SageMaker's hyperparameters.json and writing
// Leaderboard.csv, Model_Evaluation.txt and SummaryOfModels.html next to the models, a serving entry
// point, a CodeBuild buildspec, the wizard's defaults and a README. The user's code from then on.

export interface ScaffoldOptions {
  /** Folder name; also the ECR repository and the job name prefix. */
  name: string;
  region: string;
  account: string;
  /** Bucket for data and output (the SageMaker default bucket). */
  bucket: string;
}

const DLC_ACCOUNT = '763104351884';

export function autoGluonProjectFiles(o: ScaffoldOptions): Record<string, string> {
  const repository = `${o.account}.dkr.ecr.${o.region}.amazonaws.com/${o.name}`;
  return {
    'Dockerfile': `# AutoGluon training container for SageMaker (bring your own container).
# Built on AWS's AutoGluon Deep Learning Container; REGION picks the registry of your region.
ARG REGION=${o.region}
FROM ${DLC_ACCOUNT}.dkr.ecr.\${REGION}.amazonaws.com/autogluon-training:0.8.2-cpu-py39-ubuntu20.04

# Extra libraries train.py and serve.py need (bokeh draws SummaryOfModels.html).
COPY requirements.txt /opt/program/requirements.txt
RUN pip install --no-cache-dir -r /opt/program/requirements.txt

# SageMaker runs the image as "docker run <image> train" for training and "serve" for hosting.
COPY train.py serve.py /opt/program/
WORKDIR /opt/program
ENV PYTHONUNBUFFERED=1
ENTRYPOINT ["python"]
CMD ["train.py"]
`,
    'requirements.txt': `bokeh==2.4.3
flask==2.3.3
`,
    'train.py': `"""Train AutoGluon Tabular on the channels SageMaker mounts and keep the results with the model.

SageMaker copies the "training" and "testing" channels to /opt/ml/input/data/<channel>/, passes the
hyperparameters in /opt/ml/input/config/hyperparameters.json (every value is a string) and uploads
whatever is in /opt/ml/model as model.tar.gz when the script ends.
"""
import glob
import json
import os
import sys

import pandas as pd
from autogluon.tabular import TabularDataset, TabularPredictor

PREFIX = "/opt/ml"
INPUT_PATH = os.path.join(PREFIX, "input", "data")
MODEL_PATH = os.path.join(PREFIX, "model")
PARAM_PATH = os.path.join(PREFIX, "input", "config", "hyperparameters.json")
FAILURE_PATH = os.path.join(PREFIX, "output", "failure")


def read_channel(name):
    """All CSV files of a channel as one table."""
    files = sorted(glob.glob(os.path.join(INPUT_PATH, name, "*.csv")))
    if not files:
        raise ValueError(f"No CSV files in the {name} channel")
    return TabularDataset(pd.concat([pd.read_csv(f) for f in files], ignore_index=True))


def train(params):
    training = read_channel("training")
    if params["label"] not in training.columns:
        raise KeyError(f"label {params['label']!r} is not a column: {list(training.columns)}")
    predictor = TabularPredictor(label=params["label"], path=MODEL_PATH).fit(
        training,
        time_limit=int(params.get("time_limit", "600")),
        presets=params.get("presets", "medium_quality"),
    )
    # AutoGluon prints "<score> = Validation score (<metric>)" per model: the job's metric
    # definition turns those lines into the validation:accuracy curve SageMaker records.
    with open(os.path.join(MODEL_PATH, "Fit_Summary.txt"), "w") as f:
        print(predictor.fit_summary(show_plot=True), file=f)  # also writes SummaryOfModels.html
    return predictor


def test(params, predictor):
    testing = read_channel("testing")
    truth = testing[params["label"]]
    predictions = predictor.predict(testing.drop(columns=[params["label"]]))
    evaluation = predictor.evaluate_predictions(y_true=truth, y_pred=predictions, auxiliary_metrics=True)
    with open(os.path.join(MODEL_PATH, "Model_Evaluation.txt"), "w") as f:
        print(json.dumps(evaluation, indent=4), file=f)
    predictor.leaderboard(testing, silent=True).to_csv(os.path.join(MODEL_PATH, "Leaderboard.csv"))


if __name__ == "__main__":
    try:
        print("Loading Parameters")
        with open(PARAM_PATH) as f:
            params = json.load(f)
        print("Training Models")
        predictor = train(params)
        print("Testing Models")
        test(params, predictor)
        print("AutoGluon Job Complete")
    except Exception as error:
        # SageMaker shows this file's text as the job's FailureReason.
        with open(FAILURE_PATH, "w") as f:
            f.write(f"{type(error).__name__}: {error}")
        print(f"Training failed: {error}", file=sys.stderr)
        sys.exit(255)
`,
    'serve.py': `"""Serve the trained predictor on SageMaker's hosting contract: GET /ping, POST /invocations (CSV rows)."""
import io
import os

import pandas as pd
from autogluon.tabular import TabularPredictor
from flask import Flask, Response, request

app = Flask(__name__)
predictor = TabularPredictor.load(os.environ.get("SM_MODEL_DIR", "/opt/ml/model"))
features = [c for c in predictor.feature_metadata_in.get_features()]


@app.route("/ping", methods=["GET"])
def ping():
    return Response(status=200)


@app.route("/invocations", methods=["POST"])
def invocations():
    if request.content_type != "text/csv":
        return Response("Send text/csv rows without a header", status=415)
    rows = pd.read_csv(io.StringIO(request.data.decode("utf-8")), header=None, names=features)
    predictions = predictor.predict(rows)
    return Response("\\n".join(str(p) for p in predictions), mimetype="text/csv")


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=8080)
`,
    'hyperparameters.json': `${JSON.stringify({ label: 'rings', time_limit: '600', presets: 'medium_quality' }, null, 2)}
`,
    'sagemaker-training.json': `${JSON.stringify({
      image: `${repository}:latest`,
      instanceType: 'ml.m5.xlarge',
      instanceCount: 1,
      volumeSizeInGB: 20,
      maxRuntimeSeconds: 3600,
      channels: { training: `s3://${o.bucket}/${o.name}/input/training.csv`, testing: `s3://${o.bucket}/${o.name}/input/testing.csv` },
      outputPath: `s3://${o.bucket}/${o.name}/output`,
      metricDefinitions: [{ name: 'validation:accuracy', regex: '([0-9.]+)\\s+= Validation score' }],
    }, null, 2)}
`,
    'buildspec.yml': `# CodeBuild: build the image and push it to ECR (the project needs privileged mode for Docker).
version: 0.2
env:
  variables:
    REPOSITORY: ${o.name}
phases:
  pre_build:
    commands:
      - ACCOUNT=$(aws sts get-caller-identity --query Account --output text)
      - REGISTRY=$ACCOUNT.dkr.ecr.$AWS_DEFAULT_REGION.amazonaws.com
      # Pull access to AWS's Deep Learning Containers, push access to our registry.
      - aws ecr get-login-password | docker login --username AWS --password-stdin ${DLC_ACCOUNT}.dkr.ecr.$AWS_DEFAULT_REGION.amazonaws.com
      - aws ecr get-login-password | docker login --username AWS --password-stdin $REGISTRY
      - aws ecr describe-repositories --repository-names $REPOSITORY || aws ecr create-repository --repository-name $REPOSITORY
      - TAG=$(date +%Y-%m-%d-%H-%M-%S)
  build:
    commands:
      - docker build --build-arg REGION=$AWS_DEFAULT_REGION -t $REGISTRY/$REPOSITORY:$TAG -t $REGISTRY/$REPOSITORY:latest .
  post_build:
    commands:
      - docker push $REGISTRY/$REPOSITORY:$TAG
      - docker push $REGISTRY/$REPOSITORY:latest
`,
    'README.md': `# ${o.name}

An AutoGluon Tabular training container for Amazon SageMaker, trained on the abalone data (label \`rings\`).

## Files
- \`Dockerfile\` – AWS's AutoGluon training image plus \`train.py\` and \`serve.py\`.
- \`train.py\` – reads \`/opt/ml/input/config/hyperparameters.json\` and the \`training\`/\`testing\` channels,
  fits \`TabularPredictor\` and writes \`Leaderboard.csv\`, \`Model_Evaluation.txt\`, \`Fit_Summary.txt\` and
  \`SummaryOfModels.html\` next to the models, so they are inside the job's \`model.tar.gz\`.
- \`serve.py\` – \`/ping\` and \`/invocations\` for hosting the model on an endpoint.
- \`hyperparameters.json\` – what the job passes to \`train.py\` (every value is sent as a string).
- \`sagemaker-training.json\` – the defaults the "Start Training Job" wizard offers for this folder.
- \`buildspec.yml\` – a CodeBuild project that builds and pushes the image.

## Build and push the image
With Docker locally:

\`\`\`sh
aws ecr get-login-password --region ${o.region} | docker login --username AWS --password-stdin ${DLC_ACCOUNT}.dkr.ecr.${o.region}.amazonaws.com
aws ecr get-login-password --region ${o.region} | docker login --username AWS --password-stdin ${o.account}.dkr.ecr.${o.region}.amazonaws.com
aws ecr create-repository --repository-name ${o.name} --region ${o.region}   # once
docker build --build-arg REGION=${o.region} -t ${repository}:latest .
docker push ${repository}:latest
\`\`\`

Without Docker: create a CodeBuild project on this folder with \`buildspec.yml\` (privileged mode on),
or run \`sm-docker build . --build-arg REGION=${o.region}\` in SageMaker Studio.

## Upload the data
\`\`\`sh
aws s3 cp training.csv s3://${o.bucket}/${o.name}/input/training.csv
aws s3 cp testing.csv s3://${o.bucket}/${o.name}/input/testing.csv
\`\`\`

## Train
Right-click this folder → **SageMaker: Start Training Job**. The wizard starts from
\`sagemaker-training.json\` and \`hyperparameters.json\`; the job's panel follows its status, metrics and log,
and **Open AutoGluon Leaderboard** on the finished job reads the leaderboard out of \`model.tar.gz\`.
`,
  };
}

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
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { defaults: {}, problem: 'sagemaker-training.json is not a JSON object' };
    return { defaults: parsed as FolderTrainingDefaults };
  } catch (error) {
    return { defaults: {}, problem: `sagemaker-training.json is not valid JSON: ${(error as Error).message}` };
  }
}
