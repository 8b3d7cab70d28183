// The files of the abalone-cicd-pipeline repository at each seeded commit, so CodeCommit's
// GetDifferences and GetBlob have something true to answer: each commit changes what its message says.

export type FileTree = Record<string, string>;

const stack = (withEvaluate: boolean) => `from aws_cdk import core as cdk
from aws_cdk import aws_codepipeline as codepipeline
from aws_cdk import aws_codepipeline_actions as pipeline_actions


class PipelineStack(cdk.Stack):
    def __init__(self, scope, id, *, model_name, repository_name, **kwargs):
        super().__init__(scope, id, **kwargs)
        stages = ["Preprocess", "Train"${withEvaluate ? ', "Evaluate"' : ''}]
        # ContainerBuild runs first, then each ML stage as its own CodeBuild action
        self.build_actions = ["ContainerBuild"] + stages
        self.approval = pipeline_actions.ManualApprovalAction(
            action_name="EvaluationApproval",
            additional_information="Is the Model Ready for Production?",
        )
`;

const app = (cdkVersion: string) => `#!/usr/bin/env python3
from aws_cdk import core as cdk
from abalone_cicd_pipeline.abalone_cicd_pipeline_stack import PipelineStack

MODEL = "abalone"
CODECOMMIT_REPOSITORY = "abalone-cicd-pipeline"
CDK_VERSION = "${cdkVersion}"

app = cdk.App()
PipelineStack(app, "abalone-cicd-pipeline", model_name=MODEL, repository_name=CODECOMMIT_REPOSITORY)
app.synth()
`;

const build = (maxDepth: number, eta: number) => `import argparse
import logging

HYPERPARAMETERS = {
    "objective": "reg:squarederror",
    "num_round": 50,
    "max_depth": ${maxDepth},
    "eta": ${eta},
}


def handle_train(args):
    logging.info("Training the abalone model with %s", HYPERPARAMETERS)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("task", choices=["preprocess", "train", "evaluate"])
    handle_train(parser.parse_args())
`;

const evaluate = `import json
import math


def rmse(truths, predictions):
    return math.sqrt(sum((t - p) ** 2 for t, p in zip(truths, predictions)) / len(truths))


def write_report(path, truths, predictions):
    error = rmse(truths, predictions)
    report = {"regression_metrics": {"rmse": {"value": error}, "mse": {"value": error ** 2}}}
    with open(path, "w") as f:
        json.dump(report, f)
`;

const integration = `import json


def test_endpoint_answers_with_a_number_of_rings(predictor):
    result = predictor.predict("M,0.455,0.365,0.095,0.514,0.2245,0.101,0.15")
    assert float(json.loads(result)) > 0
`;

/** Trees by commit message (the seeded messages are unique). */
export function treesByMessage(): Record<string, FileTree> {
  const mainInitial: FileTree = {
    'app.py': app('2.3.0'),
    'abalone_cicd_pipeline/abalone_cicd_pipeline_stack.py': stack(false),
    'cdk.json': '{\n  "app": "python3 app.py"\n}\n',
    'requirements.txt':
      'aws-cdk.core==1.134.0\naws-cdk.aws-codepipeline==1.134.0\naws-cdk.aws-codepipeline-actions==1.134.0\n',
  };
  const mainEvaluate = { ...mainInitial, 'abalone_cicd_pipeline/abalone_cicd_pipeline_stack.py': stack(true) };
  const mainCheckpoint = { ...mainEvaluate, 'app.py': app('2.4.0') };
  const modelInitial: FileTree = {
    'artifacts/scripts/build.py': build(6, 0.3),
    'artifacts/scripts/evaluate.py': evaluate,
    'artifacts/Dockerfile':
      'FROM 683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.2-1\nCOPY scripts /opt/ml/code\n',
  };
  const modelTuned = { ...modelInitial, 'artifacts/scripts/build.py': build(5, 0.2) };
  const modelIntegration = { ...modelTuned, 'artifacts/tests/test_integration.py': integration };
  return {
    'Initial commit of Pipeline Artifacts': mainInitial,
    'Add evaluation step writing evaluation.json': mainEvaluate,
    Checkpoint: mainCheckpoint,
    'Initial commit of model artifacts': modelInitial,
    'Tune XGBoost max_depth to 5 and eta to 0.2': modelTuned,
    'Added Integration artifacts': modelIntegration,
  };
}
