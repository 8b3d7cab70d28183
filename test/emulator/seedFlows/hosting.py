"""Seed 002: deploy the best CMAPSS XGBoost model, scale it, predict remaining useful life over HTTP
with CSV batches, then delete the endpoint, in the seed's own boto3 calls.

The seed polls describe_endpoint every 60 s while the endpoint is Creating; against the emulator's
scaled clock the same loop sleeps 0.05 s. The seed reads its test rows from test_FD00x.txt with the
unit id cut off (space-separated fields, sent as text/csv); here a few rows of the same form.
"""
import json
import math
import sys
import time
from time import gmtime, strftime

import seedenv
import boto3

client = boto3.client("sagemaker")
region = "us-east-1"
role = "arn:aws:iam::123456789012:role/service-role/AmazonSageMaker-ExecutionRole-20210705T170715"

# Best performing model across all those trained
job_name = "hyper-cmapss-2021-01-07-16-04-50-037-efc6d79a"
model_name = f"{job_name}-model"

info = client.describe_training_job(TrainingJobName=job_name)
model_data = info["ModelArtifacts"]["S3ModelArtifacts"]
container = info["AlgorithmSpecification"]["TrainingImage"]

primary_container = {"Image": container, "ModelDataUrl": model_data}

create_model_response = client.create_model(
    ModelName=model_name, ExecutionRoleArn=role, PrimaryContainer=primary_container
)

endpoint_config_name = f"cmapss-XGBoostEndpointConfig-{strftime('%Y-%m-%d-%H-%M-%S', gmtime())}"


def create_config(instance_type):
    return client.create_endpoint_config(
        EndpointConfigName=endpoint_config_name,
        ProductionVariants=[
            {
                "InstanceType": instance_type,
                "InitialVariantWeight": 1,
                "InitialInstanceCount": 1,
                "ModelName": model_name,
                "VariantName": "AllTraffic",
            }
        ],
    )


# The seed asks for ml.t3.medium, which ProductionVariantInstanceType (the API reference's enum for
# hosting, in every botocore and SDK model) does not list: SageMaker refuses it before anything is
# created. The seed's printed ARN cannot come from this call as written; the flow goes on with
# ml.t2.medium, the smallest documented hosting instance.
seed_instance_type_error = None
try:
    create_endpoint_config_response = create_config("ml.t3.medium")
except client.exceptions.ClientError as e:
    seed_instance_type_error = {"code": e.response["Error"]["Code"], "message": e.response["Error"]["Message"][:160]}
    create_endpoint_config_response = create_config("ml.t2.medium")

endpoint_name = f'cmapss-XGBoostEndpoint-{strftime("%Y-%m-%d-%H-%M-%S", gmtime())}'
create_endpoint_response = client.create_endpoint(
    EndpointName=endpoint_name, EndpointConfigName=endpoint_config_name
)

statuses = []
resp = client.describe_endpoint(EndpointName=endpoint_name)
status = resp["EndpointStatus"]
while status == "Creating":
    statuses.append(status)
    time.sleep(0.05)
    resp = client.describe_endpoint(EndpointName=endpoint_name)
    status = resp["EndpointStatus"]
statuses.append(status)

autoscaling = boto3.client('application-autoscaling')
resource_id = 'endpoint/' + endpoint_name + '/variant/' + 'AllTraffic'
autoscaling.register_scalable_target(
    ServiceNamespace='sagemaker',
    ResourceId=resource_id,
    ScalableDimension='sagemaker:variant:DesiredInstanceCount',
    MinCapacity=1,
    MaxCapacity=5
)
policy = autoscaling.put_scaling_policy(
    PolicyName='Invocations-ScalingPolicy',
    ServiceNamespace='sagemaker',
    ResourceId=resource_id,
    ScalableDimension='sagemaker:variant:DesiredInstanceCount',
    PolicyType='TargetTrackingScaling',
    TargetTrackingScalingPolicyConfiguration={
        'TargetValue': 10.0,
        'PredefinedMetricSpecification': {
            'PredefinedMetricType': 'SageMakerVariantInvocationsPerInstance',
        },
        'ScaleInCooldown': 600,
        'ScaleOutCooldown': 30
    }
)
policies = autoscaling.describe_scaling_policies(ServiceNamespace='sagemaker', ResourceId=resource_id)["ScalingPolicies"]

runtime_client = boto3.client("runtime.sagemaker", region_name=region)


def do_predict(data, endpoint_name, content_type):
    payload = "\n".join(data)
    response = runtime_client.invoke_endpoint(
        EndpointName=endpoint_name, ContentType=content_type, Body=payload
    )
    result = response["Body"].read()
    result = result.decode("utf-8")
    result = result.split(",")
    preds = [float((num)) for num in result]
    preds = [math.ceil(num) for num in preds]
    return preds


def batch_predict(data, batch_size, endpoint_name, content_type):
    items = len(data)
    arrs = []

    for offset in range(0, items, batch_size):
        if offset + batch_size < items:
            results = do_predict(data[offset : (offset + batch_size)], endpoint_name, content_type)
            arrs.extend(results)
        else:
            arrs.extend(do_predict(data[offset:items], endpoint_name, content_type))
        sys.stderr.write(".")
    return arrs


# test_FD001.txt rows with the unit id cut off: cycle, three settings, 21 sensors.
row = "-0.0007 -0.0004 100.0 518.67 641.82 1589.70 1400.60 14.62 21.61 554.36 2388.06 9046.19 1.30 47.47 521.66 2388.02 8138.62 8.4195 0.03 392 2388 100.00 39.06 23.4190"
inference_data = [f"{cycle} {row}" for cycle in range(1, 251)]
preds = batch_predict(inference_data, 100, endpoint_name, "text/csv")

client.delete_endpoint(EndpointName=endpoint_name)
after_delete = None
try:
    client.describe_endpoint(EndpointName=endpoint_name)
except client.exceptions.ClientError as e:
    after_delete = {"code": e.response["Error"]["Code"], "message": e.response["Error"]["Message"]}
client.delete_endpoint_config(EndpointConfigName=endpoint_config_name)
client.delete_model(ModelName=model_name)

seedenv.report({
    "modelData": model_data,
    "modelArn": create_model_response["ModelArn"],
    "seedInstanceTypeError": seed_instance_type_error,
    "endpointConfigArn": create_endpoint_config_response["EndpointConfigArn"],
    "endpointArn": create_endpoint_response["EndpointArn"],
    "endpointName": endpoint_name,
    "statuses": statuses,
    "policyArn": policy["PolicyARN"],
    "policyNames": [p["PolicyName"] for p in policies],
    "predictions": len(preds),
    "firstPredictions": preds[:3],
    "allIntegers": all(isinstance(p, int) for p in preds),
    "afterDelete": after_delete,
})
