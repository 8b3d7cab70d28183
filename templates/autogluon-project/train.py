"""Train AutoGluon Tabular on the channels SageMaker mounts and keep the results with the model.

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
