"""Seed 003: the abalone-cicd-pipeline release waiting at its Approval stage (EvaluationApproval,
"Waiting for approval - Review" in the seed's console), approved as the process owner does, and the
seed's deploy.py get_execution_id() reading the Deploy stage's execution id from get_pipeline_state.
"""
import logging
import os

import seedenv
import boto3
from botocore.exceptions import ClientError

logger = logging.getLogger()
codepipeline_client = boto3.client("codepipeline")
pipeline_name = "abalone-cicd-pipeline"


def get_execution_id(name=None, task=None):
    try:
        response = codepipeline_client.get_pipeline_state(name=name)
        for stage in response["stageStates"]:
            if stage["stageName"] == "Deploy":
                for action in stage["actionStates"]:
                    if action["actionName"] == task:
                        return stage["latestExecution"]["pipelineExecutionId"]
    except ClientError as e:
        error = e.response["Error"]["Message"]
        logger.error(error)
        raise Exception(error)


def stages(state):
    return {s["stageName"]: s.get("latestExecution", {}).get("status") for s in state["stageStates"]}


before = codepipeline_client.get_pipeline_state(name=pipeline_name)
approval = next(s for s in before["stageStates"] if s["stageName"] == "Approval")
action = next(a for a in approval["actionStates"] if a["actionName"] == "EvaluationApproval")
token = action["latestExecution"]["token"]

result = codepipeline_client.put_approval_result(
    pipelineName=pipeline_name,
    stageName="Approval",
    actionName="EvaluationApproval",
    result={"summary": "Model evaluation below the RMSE threshold", "status": "Approved"},
    token=token,
)
again = None
try:
    codepipeline_client.put_approval_result(
        pipelineName=pipeline_name, stageName="Approval", actionName="EvaluationApproval",
        result={"summary": "again", "status": "Approved"}, token=token,
    )
except ClientError as e:
    again = e.response["Error"]["Code"]

after = codepipeline_client.get_pipeline_state(name=pipeline_name)
approved_action = next(a for s in after["stageStates"] if s["stageName"] == "Approval" for a in s["actionStates"])
execution_id = get_execution_id(name=pipeline_name, task="DeploymentBuild")

seedenv.report({
    "stagesBefore": stages(before),
    "approvalBefore": action["latestExecution"]["status"],
    "hasToken": bool(token),
    "approvedAt": result["approvedAt"],
    "approvedAgain": again,
    "stagesAfter": stages(after),
    "approvalAfter": approved_action["latestExecution"]["status"],
    "approvalSummary": approved_action["latestExecution"].get("summary"),
    "executionId": execution_id,
    "sameExecution": execution_id == approval["latestExecution"]["pipelineExecutionId"],
})
