"""Points the seeds' unmodified boto3 code at the local emulator.

The seeds create their clients as `boto3.client("sagemaker")`, `boto3.client("runtime.sagemaker",
region_name=region)`, `boto3.resource('s3')`. Debian's botocore (1.29) predates AWS_ENDPOINT_URL, so
importing this module makes boto3's default session hand every client and resource the emulator's
endpoint (EMULATOR_URL), fake credentials and us-east-1, S3 path-style (the emulator serves path-style
S3), and no retries (an error must show, not be retried away). The seed code below the import then
runs as the seeds write it.

The SageMaker Python SDK (`sagemaker`) is not installed here: where a seed calls the SDK
(AutoML.describe_auto_ml_job, best_candidate, deploy, Session.upload_data), the scripts make the
boto3 calls the SDK makes for it.
"""
import json
import os
import sys

import boto3
from botocore.config import Config

ENDPOINT = os.environ["EMULATOR_URL"]
REGION = "us-east-1"

boto3.setup_default_session(
    aws_access_key_id="AKIAEMULATORTEST",
    aws_secret_access_key="not-a-secret",
    region_name=REGION,
)
_session = boto3._get_default_session()
_CONFIG = Config(s3={"addressing_style": "path"}, retries={"max_attempts": 1, "mode": "standard"})
_client = _session.client
_resource = _session.resource


def _with_emulator(make):
    def wrapped(service_name, *args, **kwargs):
        kwargs.setdefault("endpoint_url", ENDPOINT)
        kwargs.setdefault("config", _CONFIG)
        return make(service_name, *args, **kwargs)
    return wrapped


_session.client = _with_emulator(_client)
_session.resource = _with_emulator(_resource)

calls = []


def _count(**kwargs):
    calls.append(kwargs["event_name"].split(".")[-1])


_session.events.register("before-call", _count)


def report(result):
    """What the user would see, plus the API calls made, as one JSON document on stdout."""
    result["calls"] = calls
    json.dump(result, sys.stdout, default=str, indent=1)
    sys.stdout.write("\n")
