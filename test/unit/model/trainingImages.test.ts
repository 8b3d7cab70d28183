import * as assert from 'assert';
import {
  accountOfArn,
  describeImage,
  imageOrigin,
  isAutoGluonImage,
  isByocImage,
  parseEcrImage,
} from '../../../src/model/trainingImages';

const OWN = '123456789012';
const OWN_AUTOGLUON = `${OWN}.dkr.ecr.us-east-1.amazonaws.com/abalone-autogluon:latest`;
const STUDIO_BUILD = `${OWN}.dkr.ecr.us-west-2.amazonaws.com/sagemaker-studio-d-abcdefghijkl:default-1234567890123`;
const AWS_AUTOGLUON = '763104351884.dkr.ecr.us-east-1.amazonaws.com/autogluon-training:0.3.1-cpu-py37-ubuntu18.04';
const AWS_XGBOOST = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.5-1';

describe('training images', () => {
  it('parses ECR image URIs with tags, digests and nested repositories', () => {
    assert.deepStrictEqual(parseEcrImage(AWS_AUTOGLUON), {
      account: '763104351884',
      region: 'us-east-1',
      repository: 'autogluon-training',
      reference: '0.3.1-cpu-py37-ubuntu18.04',
    });
    assert.deepStrictEqual(parseEcrImage(`${OWN}.dkr.ecr.cn-north-1.amazonaws.com.cn/team/model@sha256:abc`), {
      account: OWN,
      region: 'cn-north-1',
      repository: 'team/model',
      reference: 'sha256:abc',
    });
    assert.strictEqual(parseEcrImage(`${OWN}.dkr.ecr.eu-west-1.amazonaws.com/plain`)?.reference, undefined);
    assert.strictEqual(parseEcrImage('docker.io/library/python:3.11'), undefined);
  });

  it('takes the account from a SageMaker ARN', () => {
    assert.strictEqual(accountOfArn(`arn:aws:sagemaker:us-east-1:${OWN}:training-job/abalone`), OWN);
    assert.strictEqual(accountOfArn('not-an-arn'), undefined);
  });

  it('marks AutoGluon by the repository name, whoever built the image', () => {
    assert.strictEqual(isAutoGluonImage(AWS_AUTOGLUON), true);
    assert.strictEqual(isAutoGluonImage(OWN_AUTOGLUON), true);
    assert.strictEqual(isAutoGluonImage(AWS_XGBOOST), false);
    // The tag is not the repository: a tag mentioning autogluon does not make an image AutoGluon.
    assert.strictEqual(isAutoGluonImage(`${OWN}.dkr.ecr.us-east-1.amazonaws.com/model:autogluon`), false);
    assert.strictEqual(isAutoGluonImage(undefined), false);
  });

  it("calls an image in the job account's own ECR bring-your-own-container", () => {
    assert.strictEqual(isByocImage(OWN_AUTOGLUON, OWN), true);
    assert.strictEqual(isByocImage(STUDIO_BUILD, OWN), true);
    assert.strictEqual(isByocImage(AWS_AUTOGLUON, OWN), false);
    assert.strictEqual(isByocImage(AWS_XGBOOST, OWN), false);
    assert.strictEqual(isByocImage(OWN_AUTOGLUON, undefined), false, 'unknown account: no claim');
  });

  it("tells AWS images from a third account's", () => {
    assert.strictEqual(imageOrigin(AWS_XGBOOST, OWN), 'aws');
    assert.strictEqual(imageOrigin('999999999999.dkr.ecr.us-east-1.amazonaws.com/shared:1', OWN), 'other');
    assert.strictEqual(imageOrigin(undefined, OWN), undefined);
  });

  it('describes an image in one line with its marks', () => {
    assert.strictEqual(describeImage(OWN_AUTOGLUON, OWN), 'abalone-autogluon:latest · AutoGluon · BYOC');
    assert.strictEqual(
      describeImage(AWS_AUTOGLUON, OWN),
      'autogluon-training:0.3.1-cpu-py37-ubuntu18.04 · AutoGluon · AWS image',
    );
    assert.strictEqual(describeImage(AWS_XGBOOST, OWN), 'sagemaker-xgboost:1.5-1 · AWS image');
  });
});
