// The seeds' own boto3 flows, run unchanged against the emulator (issue 18): each script under
// test/emulator/seedFlows/ is the seed's Python (names, data and calls as the seed writes them), run by
// Debian's /usr/bin/python3 with boto3 pointed at a fresh emulator (seedenv.py: endpoint_url, fake
// credentials, us-east-1). Each prints what the user would see as JSON, asserted here. The SageMaker
// Python SDK is not installed: where a seed calls it, the script makes the boto3 calls the SDK makes.
import * as assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { emulatorForTest, recorded } from './support';
import type { RunningEmulator } from './index';

const PYTHON = '/usr/bin/python3';
const SCRIPTS = path.resolve(__dirname, '../../../test/emulator/seedFlows');
const run = promisify(execFile);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Output = Record<string, any> & { calls: string[] };

describe("seed flows: the seeds' boto3 code against the emulator", function () {
  this.timeout(120_000);
  let emulator: RunningEmulator;

  before(function () {
    try {
      execFileSync(PYTHON, ['-c', 'import boto3'], { stdio: 'pipe' });
    } catch (e) {
      throw new Error(
        `${PYTHON} cannot import boto3, which the seed flows need: install it with \`sudo apt-get install python3-boto3\` (${(e as Error).message.split('\n')[0]})`,
      );
    }
  });
  beforeEach(async () => {
    emulator = await emulatorForTest();
  });
  afterEach(async () => emulator.close());

  /** Runs a script against the emulator; the output, and the calls the emulator saw fail. */
  async function flow(script: string): Promise<{ out: Output; failed: string[] }> {
    const { stdout } = await run(PYTHON, [path.join(SCRIPTS, script)], {
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: process.env.HOME ?? '/tmp',
        EMULATOR_URL: emulator.url,
        PYTHONPATH: SCRIPTS,
        PYTHONDONTWRITEBYTECODE: '1',
        AWS_CONFIG_FILE: '/dev/null',
        AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
      },
      maxBuffer: 16 * 1024 * 1024,
    }).catch((e: Error & { stderr?: string }) => {
      throw new Error(`${script} failed: ${e.stderr ?? e.message}`);
    });
    const out = JSON.parse(stdout) as Output;
    const failed = (await recorded(emulator.url))
      .filter((r) => r.status >= 400)
      .map((r) => `${r.operation}: ${r.errorCode}`);
    return { out, failed };
  }

  it('seeds 000/001: notebook instances and their lifecycle configurations', async () => {
    const { out, failed } = await flow('notebooks.py');
    assert.deepEqual(failed, []);
    assert.deepEqual(out.calls, [
      'ListNotebookInstances',
      'DescribeNotebookInstance',
      'ListNotebookInstanceLifecycleConfigs',
      'DescribeNotebookInstanceLifecycleConfig',
      'DescribeNotebookInstanceLifecycleConfig',
    ]);
    assert.ok(out.instanceNames.includes('FraudDetectionNotebookInstance'));
    assert.deepEqual(out.instanceNames, [...out.instanceNames].sort(), 'SortBy Name, Ascending by default');
    assert.deepEqual(out.fraud, {
      status: 'InService',
      instanceType: 'ml.t2.medium',
      lifecycleConfig: 'BasicNotebookInstanceLifecycleConfig',
      roleArn: 'arn:aws:iam::123456789012:role/sm-notebook-instance-role',
      volumeSizeInGB: 5,
      directInternetAccess: 'Enabled',
      url: 'frauddetectionnotebookinstance.notebook.us-east-1.sagemaker.aws',
    });
    assert.deepEqual(
      out.configNames,
      ['autogluon-install-on-start', 'foo', 'BasicNotebookInstanceLifecycleConfig'],
      'SortBy CreationTime, newest first',
    );
    assert.match(
      out.basicOnStart[0],
      /aws s3 cp s3:\/\/fraud-detection-function-bucket-us-east-1\/fraud-detection-using-machine-learning\/v1\.0\/notebooks\/sagemaker_fraud_detection\.ipynb \./,
    );
    assert.deepEqual(out.basicOnCreate, []);
    assert.deepEqual(out.fooOnCreate, ['echo foo\n'], 'seed 001: on_create = base64encode("echo foo")');
    assert.match(out.fooOnStart[0], /--recursive --exclude "\*" --include "Lab1\*\.ipynb"/);
  });

  it('seed 002: model, endpoint config, endpoint, auto scaling, CSV predictions, delete', async () => {
    const { out, failed } = await flow('hosting.py');
    const job = 'hyper-cmapss-2021-01-07-16-04-50-037-efc6d79a';
    assert.match(out.modelData, new RegExp(`/${job}/output/model\\.tar\\.gz$`));
    assert.equal(out.modelArn, `arn:aws:sagemaker:us-east-1:123456789012:model/${job}-model`);
    // The seed's ml.t3.medium is not a ProductionVariantInstanceType: refused, as the model documents.
    assert.deepEqual(failed, ['CreateEndpointConfig: ValidationException', 'DescribeEndpoint: ValidationException']);
    assert.equal(out.seedInstanceTypeError.code, 'ValidationException');
    assert.match(
      out.seedInstanceTypeError.message,
      /^1 validation error detected: Value 'ml\.t3\.medium' at 'productionVariants\.1\.member\.instanceType' failed to satisfy constraint: Member must satisfy enum value set/,
    );
    assert.match(
      out.endpointConfigArn,
      /^arn:aws:sagemaker:us-east-1:123456789012:endpoint-config\/cmapss-xgboostendpointconfig-\d{4}(-\d\d){5}$/,
      'ARNs carry the name in lower case',
    );
    assert.match(out.endpointArn, /^arn:aws:sagemaker:us-east-1:123456789012:endpoint\/cmapss-xgboostendpoint-/);
    assert.equal(out.statuses[0], 'Creating');
    assert.equal(out.statuses.at(-1), 'InService', "the seed's loop ends InService");
    assert.ok(out.statuses.slice(0, -1).every((s: string) => s === 'Creating'));
    assert.match(
      out.policyArn,
      new RegExp(
        `^arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:[0-9a-f-]+:resource/sagemaker/endpoint/${out.endpointName}/variant/AllTraffic:policyName/Invocations-ScalingPolicy$`,
      ),
    );
    assert.deepEqual(out.policyNames, ['Invocations-ScalingPolicy']);
    assert.equal(out.predictions, 250, 'one prediction a row, the batches split on ","');
    assert.equal(out.allIntegers, true);
    assert.ok(out.firstPredictions[0] > out.firstPredictions[2], 'remaining life falls as the cycle count grows');
    assert.deepEqual(out.afterDelete, {
      code: 'ValidationException',
      message: `Could not find endpoint "${out.endpointName}".`,
    });
    assert.equal(out.calls.filter((c: string) => c === 'InvokeEndpoint').length, 3, '250 rows in batches of 100');
    assert.deepEqual(out.calls.slice(-3), ['DescribeEndpoint', 'DeleteEndpointConfig', 'DeleteModel']);
  });

  it('seed 003: the abalone Autopilot job, its candidates and artefacts, its best candidate deployed', async () => {
    const { out, failed } = await flow('autopilot.py');
    assert.deepEqual(failed, []);
    const base = 's3://sagemaker-us-east-1-123456789012/abalone-v1/output/abalone-2021-07-05-17-07-15-994';
    assert.equal(out.jobName, 'abalone-2021-07-05-17-07-15-994');
    assert.equal(
      out.dataExplorationNotebook,
      `${base}/sagemaker-automl-candidates/notebooks/SageMakerAutopilotDataExplorationNotebook.ipynb`,
    );
    assert.equal(
      out.candidateDefinitionNotebook,
      `${base}/sagemaker-automl-candidates/notebooks/SageMakerAutopilotCandidateDefinitionNotebook.ipynb`,
    );
    assert.equal(out.explainability, `${base}/documentation/explainability/output`);
    assert.deepEqual(
      out.bestObjective,
      { Type: 'Maximize', MetricName: 'Accuracy', Value: 0.292638897895813 },
      "the seed's best value",
    );
    assert.equal(out.topNames[0], out.bestCandidateName);
    assert.deepEqual(
      out.topValues,
      [...out.topValues].sort((a: number, b: number) => b - a),
    );
    assert.ok(
      out.topValues.every((v: number) => Math.fround(v) === v),
      'float32 metric values',
    );
    assert.ok(out.notebookBytes > 0);
    assert.equal(out.endpointName, 'abalone-2021-07-05-17-07-15', '"-".join(CandidateName.split("-")[0:7])');
    assert.equal(out.endpointStatus, 'InService');
    assert.match(out.prediction, /^[1-9]\d*$/, 'a multiclass candidate answers the predicted ring count');
    assert.equal(out.predictionContentType, 'text/csv');
  });

  it("seed 003: the Model Registry's AbalonePackageGroup, its version metrics and an approval", async () => {
    const { out, failed } = await flow('registry.py');
    assert.deepEqual(failed, []);
    assert.deepEqual(out.calls, [
      'ListModelPackageGroups',
      'ListModelPackages',
      'DescribeModelPackage',
      'GetObject',
      'UpdateModelPackage',
      'DescribeModelPackage',
      'ListModelPackages',
    ]);
    assert.deepEqual(out.groupNames, ['AbalonePackageGroup', 'FraudDetectionPackageGroup'], 'CreationTime Ascending');
    assert.deepEqual(
      out.versions.map((v: [number, string]) => v[0]),
      [1, 2, 3, 4],
      'oldest version first',
    );
    assert.deepEqual(out.firstVersion, {
      status: 'Approved',
      group: 'AbalonePackageGroup',
      statisticsUri: 's3://sagemaker-us-east-1-123456789012/AbalonePackageGroup/v1/evaluation/evaluation.json',
    });
    assert.deepEqual(
      out.statistics.regression_metrics.rmse,
      { value: 1.990679744402281, standard_deviation: 1.9735496251506863 },
      "the seed's screenshot",
    );
    assert.deepEqual(out.statistics.regression_metrics.mse, {
      value: 3.962805844773531,
      standard_deviation: 1.9735496251506863,
    });
    assert.equal(out.approvedArn, 'arn:aws:sagemaker:us-east-1:123456789012:model-package/abalonepackagegroup/4');
    assert.deepEqual(out.afterApproval, {
      status: 'Approved',
      description: 'Approved after EvaluationApproval in abalone-cicd-pipeline',
    });
    assert.equal(out.newestApproved, out.approvedArn);
  });

  it('seed 003: abalone-cicd-pipeline waits at EvaluationApproval; approved, Deploy runs; deploy.py finds the execution id', async () => {
    const { out, failed } = await flow('codepipeline.py');
    assert.deepEqual(failed, ['PutApprovalResult: ApprovalAlreadyCompletedException']);
    assert.deepEqual(out.calls, [
      'GetPipelineState',
      'PutApprovalResult',
      'PutApprovalResult',
      'GetPipelineState',
      'GetPipelineState',
    ]);
    assert.deepEqual(
      { Source: out.stagesBefore.Source, Build: out.stagesBefore.Build, Approval: out.stagesBefore.Approval },
      { Source: 'Succeeded', Build: 'Succeeded', Approval: 'InProgress' },
    );
    assert.equal(out.approvalBefore, 'InProgress');
    assert.equal(out.hasToken, true);
    assert.equal(out.approvedAgain, 'ApprovalAlreadyCompletedException');
    assert.deepEqual(out.stagesAfter, {
      Source: 'Succeeded',
      Build: 'Succeeded',
      Approval: 'Succeeded',
      Deploy: 'InProgress',
    });
    assert.equal(out.approvalAfter, 'Succeeded');
    assert.equal(out.approvalSummary, 'Model evaluation below the RMSE threshold');
    assert.match(out.executionId, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.equal(out.sameExecution, true, 'Deploy runs the execution that was approved');
  });

  it('seeds 000/003/004: upload_file (multipart), upload_fileobj, get_object and download', async () => {
    const { out, failed } = await flow('s3.py');
    assert.deepEqual(failed, []);
    assert.deepEqual(
      out.calls.slice(0, 6),
      ['CreateBucket', 'CreateBucket', 'CreateMultipartUpload', 'UploadPart', 'UploadPart', 'CompleteMultipartUpload'],
      'boto3 uploads the 9 MB model.tar.gz in 8 MB parts',
    );
    assert.equal(out.sameModel, true, 'downloaded as uploaded');
    assert.deepEqual(out.members, ['bundle.json', 'root', 'root/model.bin']);
    assert.deepEqual(
      out.listed.map((o: [string, number]) => o[0]),
      ['model/model.tar.gz', 'model/postprocess.tar.gz'],
    );
    assert.equal(out.listed[0][1], out.modelSize);
    assert.match(out.multipartETag, /^"[0-9a-f]{32}-2"$/, 'S3 gives a multipart object the ETag of its parts');
    assert.equal(
      out.csvLines[0],
      'sex,length,diameter,height,whole_weight,shucked_weight,viscera_weight,shell_weight,rings',
    );
    assert.equal(out.csvLines.length, 3);
    assert.equal(out.recordioSize, 1024);
    assert.equal(out.mse, 1.403333);
  });
});
