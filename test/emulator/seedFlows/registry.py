"""Seed 003: the SageMaker Model Registry the abalone workflow fills (AbalonePackageGroup, created by
the registry_creator Lambda; versions registered by register_model; version 1 shown Approved with
rmse 1.990679744402281 and standard deviation 1.9735496251506863), and the approval the process owner
gives a new version ("Update status" in the seed's screenshot is UpdateModelPackage).
"""
import json

import seedenv
import boto3

sagemaker_client = boto3.client("sagemaker")
s3 = boto3.client("s3")
group = "AbalonePackageGroup"

groups = sagemaker_client.list_model_package_groups()["ModelPackageGroupSummaryList"]
packages = sagemaker_client.list_model_packages(ModelPackageGroupName=group)["ModelPackageSummaryList"]

first = sagemaker_client.describe_model_package(ModelPackageName=packages[0]["ModelPackageArn"])
statistics_uri = first["ModelMetrics"]["ModelQuality"]["Statistics"]["S3Uri"]
bucket, key = statistics_uri[len("s3://"):].split("/", 1)
statistics = json.loads(s3.get_object(Bucket=bucket, Key=key)["Body"].read())

pending = [p for p in packages if p["ModelApprovalStatus"] == "PendingManualApproval"]
approved_arn = pending[-1]["ModelPackageArn"]
sagemaker_client.update_model_package(
    ModelPackageArn=approved_arn,
    ModelApprovalStatus="Approved",
    ApprovalDescription="Approved after EvaluationApproval in abalone-cicd-pipeline",
)
after = sagemaker_client.describe_model_package(ModelPackageName=approved_arn)
approved = sagemaker_client.list_model_packages(
    ModelPackageGroupName=group, ModelApprovalStatus="Approved", SortBy="CreationTime", SortOrder="Descending"
)["ModelPackageSummaryList"]

seedenv.report({
    "groupNames": [g["ModelPackageGroupName"] for g in groups],
    "versions": [[p["ModelPackageVersion"], p["ModelApprovalStatus"]] for p in packages],
    "firstVersion": {
        "status": first["ModelApprovalStatus"],
        "group": first["ModelPackageGroupName"],
        "statisticsUri": statistics_uri,
    },
    "statistics": statistics,
    "approvedArn": approved_arn,
    "afterApproval": {"status": after["ModelApprovalStatus"], "description": after.get("ApprovalDescription")},
    "newestApproved": approved[0]["ModelPackageArn"],
})
