"""Seeds 000 and 001: the notebook instances Terraform made and their lifecycle configurations.

Seed 000 creates FraudDetectionNotebookInstance (ml.t2.medium) with BasicNotebookInstanceLifecycleConfig,
whose on_start script copies sagemaker_fraud_detection.ipynb from S3; seed 001 has the lifecycle
configuration `foo` (on_create "echo foo") and the lab script that copies Lab1*.ipynb. These are the
list/describe calls a user (or the AWS CLI, seed 001) makes to see them.
"""
import base64

import seedenv
import boto3

sagemaker = boto3.client("sagemaker")

instances = sagemaker.list_notebook_instances()["NotebookInstances"]
fraud = sagemaker.describe_notebook_instance(NotebookInstanceName="FraudDetectionNotebookInstance")
configs = sagemaker.list_notebook_instance_lifecycle_configs()["NotebookInstanceLifecycleConfigs"]
basic = sagemaker.describe_notebook_instance_lifecycle_config(NotebookInstanceLifecycleConfigName="BasicNotebookInstanceLifecycleConfig")
foo = sagemaker.describe_notebook_instance_lifecycle_config(NotebookInstanceLifecycleConfigName="foo")

seedenv.report({
    "instanceNames": [i["NotebookInstanceName"] for i in instances],
    "fraud": {
        "status": fraud["NotebookInstanceStatus"],
        "instanceType": fraud["InstanceType"],
        "lifecycleConfig": fraud.get("NotebookInstanceLifecycleConfigName"),
        "roleArn": fraud["RoleArn"],
        "volumeSizeInGB": fraud["VolumeSizeInGB"],
        "directInternetAccess": fraud["DirectInternetAccess"],
        "url": fraud.get("Url"),
    },
    "configNames": [c["NotebookInstanceLifecycleConfigName"] for c in configs],
    "basicOnStart": [base64.b64decode(s["Content"]).decode() for s in basic.get("OnStart", [])],
    "basicOnCreate": basic.get("OnCreate", []),
    "fooOnCreate": [base64.b64decode(s["Content"]).decode() for s in foo.get("OnCreate", [])],
    "fooOnStart": [base64.b64decode(s["Content"]).decode() for s in foo.get("OnStart", [])],
})
