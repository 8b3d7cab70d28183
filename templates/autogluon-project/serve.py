"""Serve the trained predictor on SageMaker's hosting contract: GET /ping, POST /invocations (CSV rows)."""
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
    return Response("\n".join(str(p) for p in predictions), mimetype="text/csv")


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=8080)
