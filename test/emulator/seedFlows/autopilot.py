"""Seed 003, chapter 2: the abalone Autopilot experiment, explored and deployed.

The seed drives Autopilot through the SageMaker Python SDK (`automl_job.describe_auto_ml_job()`,
`best_candidate()`, `deploy(...)`), which is not installed here; this script makes the boto3 calls
the SDK makes for each: DescribeAutoMLJob; ListCandidatesForAutoMLJob sorted by the objective; for
deploy, CreateModel with the candidate's InferenceContainers, CreateEndpointConfig, CreateEndpoint
and the endpoint_in_service waiter. The job is the seed's abalone-2021-07-05-17-07-15-994
(base_job_name "abalone", target "rings", output under abalone-v1/output, 250 candidates).
"""
import os
import tempfile

import seedenv
import boto3

sagemaker_client = boto3.client("sagemaker")
s3 = boto3.client("s3")
role = "arn:aws:iam::123456789012:role/service-role/AmazonSageMaker-ExecutionRole-20210705T170715"
job_name = "abalone-2021-07-05-17-07-15-994"


def describe_auto_ml_job():
    # AutoML.describe_auto_ml_job() -> sagemaker_client.describe_auto_ml_job(AutoMLJobName=...)
    return sagemaker_client.describe_auto_ml_job(AutoMLJobName=job_name)


def best_candidate():
    # AutoML.best_candidate() -> describe_auto_ml_job()["BestCandidate"]
    return describe_auto_ml_job()["BestCandidate"]


described_name = describe_auto_ml_job()["AutoMLJobName"]
exploration = describe_auto_ml_job()["AutoMLJobArtifacts"]["DataExplorationNotebookLocation"]
definition = describe_auto_ml_job()["AutoMLJobArtifacts"]["CandidateDefinitionNotebookLocation"]
explainability = describe_auto_ml_job()["BestCandidate"]["CandidateProperties"]["CandidateArtifactLocations"]["Explainability"]
best = best_candidate()

# AutoML.list_candidates(sort_by="FinalObjectiveMetricValue", sort_order="Descending", max_results=5)
top = sagemaker_client.list_candidates_for_auto_ml_job(
    AutoMLJobName=job_name, SortBy="FinalObjectiveMetricValue", SortOrder="Descending", MaxResults=5
)["Candidates"]

# Open the data exploration notebook where Autopilot wrote it.
bucket, key = exploration[len("s3://"):].split("/", 1)
with tempfile.TemporaryDirectory() as tmp:
    local = os.path.join(tmp, "SageMakerAutopilotDataExplorationNotebook.ipynb")
    s3.download_file(bucket, key, local)
    notebook_bytes = os.path.getsize(local)

# automl_job.deploy(initial_instance_count=1, instance_type="ml.m5.xlarge", candidate=best,
#                   endpoint_name="-".join(best["CandidateName"].split("-")[0:7]))
endpoint_name = "-".join(best_candidate()["CandidateName"].split("-")[0:7])
model_name = best["CandidateName"]
sagemaker_client.create_model(ModelName=model_name, Containers=best["InferenceContainers"], ExecutionRoleArn=role)
sagemaker_client.create_endpoint_config(
    EndpointConfigName=endpoint_name,
    ProductionVariants=[{"VariantName": "AllTraffic", "ModelName": model_name, "InitialInstanceCount": 1, "InstanceType": "ml.m5.xlarge", "InitialVariantWeight": 1}],
)
sagemaker_client.create_endpoint(EndpointName=endpoint_name, EndpointConfigName=endpoint_name)
sagemaker_client.get_waiter("endpoint_in_service").wait(EndpointName=endpoint_name, WaiterConfig={"Delay": 1, "MaxAttempts": 60})
status = sagemaker_client.describe_endpoint(EndpointName=endpoint_name)["EndpointStatus"]

# A row of abalone.data without the rings column, as the deployed model is asked.
runtime = boto3.client("sagemaker-runtime")
answer = runtime.invoke_endpoint(EndpointName=endpoint_name, ContentType="text/csv", Body="M,0.455,0.365,0.095,0.514,0.2245,0.101,0.15")
prediction = answer["Body"].read().decode("utf-8")

sagemaker_client.delete_endpoint(EndpointName=endpoint_name)
sagemaker_client.delete_endpoint_config(EndpointConfigName=endpoint_name)
sagemaker_client.delete_model(ModelName=model_name)

seedenv.report({
    "jobName": described_name,
    "dataExplorationNotebook": exploration,
    "candidateDefinitionNotebook": definition,
    "explainability": explainability,
    "bestCandidateName": best["CandidateName"],
    # The seed printed {'MetricName': 'validation:accuracy', 'Value': 0.292638897895813} in 2021; the
    # API reference documents MetricName as AutoMLMetricEnum (Accuracy, ...), which is what is asserted.
    "bestObjective": best["FinalAutoMLJobObjectiveMetric"],
    "topValues": [c["FinalAutoMLJobObjectiveMetric"]["Value"] for c in top],
    "topNames": [c["CandidateName"] for c in top],
    "notebookBytes": notebook_bytes,
    "endpointName": endpoint_name,
    "endpointStatus": status,
    "prediction": prediction,
    "predictionContentType": answer["ContentType"],
})
