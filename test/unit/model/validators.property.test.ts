// Every validator the commands use before calling AWS, tried with generated input against the rule the
// official API model states (pattern, length, range): a value passes exactly when AWS would take it, and
// a refusal says what is allowed.
import * as assert from 'assert';
import fc from 'fast-check';
import { assertProperty } from '../../support/reliabilityTally';
import { jobNameProblem, s3UriProblem } from '../../../src/model/autoMlPlan';
import { instanceCountProblem, resourceNameProblem, roleArnProblem } from '../../../src/model/deployPlan';
import { payloadProblem, MAX_INVOKE_BYTES } from '../../../src/model/invokePayload';
import { MAX_CONTENT_CHARS, scriptProblem } from '../../../src/model/lifecycleTemplates';
import { volumeProblem } from '../../../src/model/notebookInstancePlan';
import { decodeLifecycleScript, encodeLifecycleScript } from '../../../src/model/lifecycleScripts';

const RUNS = { numRuns: 500 };
const chars = (alphabet: string) => fc.constantFrom(...alphabet.split(''));
const nameLike = fc.string({ unit: chars('aZ09-_.'), maxLength: 70 });

// From the SageMaker API model: EndpointName / ModelName / EndpointConfigName, AutoMLJobName.
const SAGEMAKER_NAME = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;
const AUTOML_NAME = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,31}$/;
// IAM RoleArn in the SageMaker model.
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/?[a-zA-Z_0-9+=,.@\-_/]+$/;

describe('validators against the API models (generated input)', () => {
  it('SageMaker resource names (endpoints, models, configurations)', () => {
    assertProperty(
      fc.property(nameLike, (name) => {
        const problem = resourceNameProblem(name);
        assert.strictEqual(problem === undefined, SAGEMAKER_NAME.test(name), `${JSON.stringify(name)} → ${problem}`);
        if (problem) assert.match(problem, /required|at most 63|letters, digits/);
      }),
      RUNS,
    );
  });

  it('Autopilot job names (32 characters)', () => {
    assertProperty(
      fc.property(nameLike, (name) => {
        assert.strictEqual(jobNameProblem(name) === undefined, AUTOML_NAME.test(name), JSON.stringify(name));
      }),
      RUNS,
    );
  });

  it("role ARNs: accepted ones fit the model's pattern; well-formed ones are accepted", () => {
    const arn = fc
      .tuple(
        fc.constantFrom('aws', 'aws-cn', 'aws-us-gov'),
        fc.stringMatching(/^\d{12}$/),
        fc.constantFrom('', 'service-role/'),
        fc.stringMatching(/^[A-Za-z0-9+=,.@_-]{1,64}$/),
      )
      .map(([partition, account, path, name]) => `arn:${partition}:iam::${account}:role/${path}${name}`);
    assertProperty(
      fc.property(arn, (a) => assert.strictEqual(roleArnProblem(a), undefined, a)),
      RUNS,
    );
    assertProperty(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        if (roleArnProblem(text) === undefined) assert.ok(ROLE_ARN.test(text.trim()), text);
      }),
      RUNS,
    );
    assert.match(roleArnProblem('arn:aws:iam::12345:role/x')!, /role ARN like/);
  });

  it('S3 locations: bucket naming rules, then any key', () => {
    const bucket = fc.stringMatching(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/);
    assertProperty(
      fc.property(
        bucket,
        fc.string({ maxLength: 40 }).filter((k) => !/\s/.test(k)),
        (b, key) => {
          assert.strictEqual(s3UriProblem(`s3://${b}/${key}`, 'The data'), undefined, `s3://${b}/${key}`);
        },
      ),
      RUNS,
    );
    assertProperty(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        const problem = s3UriProblem(text, 'The data');
        if (!text.trim().startsWith('s3://')) assert.match(problem ?? '', /must be an S3 location like s3:\/\//, text);
      }),
      RUNS,
    );
    for (const bad of ['s3://AB/x', 's3://a/x', 's3://-bucket/x', 'https://bucket/x'])
      assert.ok(s3UriProblem(bad, 'The data'), bad);
  });

  it('instance counts and volume sizes: whole numbers in range only', () => {
    assertProperty(
      fc.property(
        fc.oneof(fc.integer({ min: -5, max: 200 }).map(String), fc.double().map(String), fc.string({ maxLength: 5 })),
        (text) => {
          const n = Number(text.trim());
          const valid = text.trim() !== '' && Number.isInteger(n) && n >= 1 && n <= 100;
          assert.strictEqual(instanceCountProblem(text) === undefined, valid, text);
          const volume = text.trim() !== '' && Number.isInteger(n) && n >= 5 && n <= 16384;
          assert.strictEqual(volumeProblem(text) === undefined, volume, text);
        },
      ),
      RUNS,
    );
  });

  it('lifecycle scripts: at most 16,384 characters once base64-encoded, and base64 round-trips any text', () => {
    assertProperty(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.integer({ min: 0, max: 20_000 }), (text, pad) => {
        const script = text + '#'.repeat(pad);
        assert.strictEqual(
          scriptProblem(script, 'on-start') === undefined,
          encodeLifecycleScript(script).length <= MAX_CONTENT_CHARS,
        );
        assert.strictEqual(decodeLifecycleScript(encodeLifecycleScript(script)), script);
      }),
      { numRuns: 200 },
    );
    assert.match(scriptProblem('x'.repeat(12_289), 'on-create')!, /12,289 characters \(16,388 base64-encoded\)/);
  });

  it('endpoint payloads: at most 6 MB, as InvokeEndpoint takes', () => {
    assertProperty(
      fc.property(fc.integer({ min: 0, max: 2 * MAX_INVOKE_BYTES }), (bytes) => {
        assert.strictEqual(payloadProblem(bytes) === undefined, bytes > 0 && bytes <= MAX_INVOKE_BYTES, String(bytes));
      }),
      RUNS,
    );
  });
});
