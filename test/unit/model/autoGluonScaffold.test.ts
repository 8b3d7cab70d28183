// The AutoGluon container project as the extension writes it: the templates shipped in templates/autogluon-project
// filled in with the project's name, region, account and bucket, and the names the user types checked.
import * as assert from 'assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  AUTOGLUON_PROJECT_FILES,
  AUTOGLUON_TEMPLATE_FOLDER,
  accountProblem,
  autoGluonProjectFiles,
  parseFolderDefaults,
  projectNameProblem,
  renderTemplate,
} from '../../../src/model/autoGluonScaffold';
import { parseHyperParameters } from '../../../src/model/trainingJobPlan';

// out/test/unit/model -> the project's root, where the templates ship from.
const ROOT = path.resolve(__dirname, '../../../..');
const folder = path.join(ROOT, ...AUTOGLUON_TEMPLATE_FOLDER);
const templates = Object.fromEntries(
  fs.readdirSync(folder).map((file) => [file, fs.readFileSync(path.join(folder, file), 'utf8')]),
);
const files = autoGluonProjectFiles(templates, {
  name: 'abalone-autogluon',
  region: 'us-east-1',
  account: '123456789012',
  bucket: 'sagemaker-us-east-1-123456789012',
});

describe('AutoGluon project templates', () => {
  it('fills {{placeholders}} and refuses one without a value', () => {
    assert.strictEqual(
      renderTemplate('FROM {{ account }}.dkr/{{name}}:{{name}}', { account: '1', name: 'x' }),
      'FROM 1.dkr/x:x',
    );
    assert.strictEqual(
      renderTemplate('f"{name}" ${REGION} {{}}', {}),
      'f"{name}" ${REGION} {{}}',
      'only {{word}} is a placeholder',
    );
    assert.throws(() => renderTemplate('{{bucket}}', { name: 'x' }), /\{\{bucket\}\}, which has no value/);
    assert.throws(() => renderTemplate('{{toString}}', {}), /has no value/);
  });

  it('ships every file of the project, and only those', () => {
    assert.deepStrictEqual(Object.keys(templates).sort(), [...AUTOGLUON_PROJECT_FILES].sort());
    assert.deepStrictEqual(Object.keys(files).sort(), [
      'Dockerfile',
      'README.md',
      'buildspec.yml',
      'hyperparameters.json',
      'requirements.txt',
      'sagemaker-training.json',
      'serve.py',
      'train.py',
    ]);
    for (const [file, text] of Object.entries(files))
      assert.doesNotMatch(text, /\{\{\s*\w+\s*\}\}/, `${file} has no placeholder left`);
    assert.throws(
      () =>
        autoGluonProjectFiles(
          { ...templates, 'train.py': undefined as unknown as string },
          { name: 'a', region: 'b', account: 'c', bucket: 'd' },
        ),
      /train\.py is missing/,
    );
  });

  it("builds the image on AWS's AutoGluon container and trains as SageMaker runs it", () => {
    assert.match(
      files['Dockerfile'],
      /^FROM 763104351884\.dkr\.ecr\.\$\{REGION\}\.amazonaws\.com\/autogluon-training:/m,
    );
    assert.match(files['Dockerfile'], /^ARG REGION=us-east-1$/m);
    const train = files['train.py'];
    assert.match(train, /input", "config", "hyperparameters\.json"/);
    for (const output of ['Leaderboard.csv', 'Model_Evaluation.txt', 'Fit_Summary.txt'])
      assert.ok(train.includes(output), `train.py writes ${output}`);
    assert.ok(
      train.includes('raise KeyError(f"label {params[\'label\']!r} is not a column: {list(training.columns)}")'),
      'Python f-strings are kept as written',
    );
    assert.ok(
      files['serve.py'].includes('return Response("\\n".join(str(p) for p in predictions), mimetype="text/csv")'),
    );
    assert.match(files['buildspec.yml'], /docker push \$REGISTRY\/\$REPOSITORY:latest/);
    assert.match(files['buildspec.yml'], /^ {4}REPOSITORY: abalone-autogluon$/m);
  });

  it("gives the wizard its defaults for the folder: this account's image, the abalone channels, the metric", () => {
    const { defaults, problem } = parseFolderDefaults(files['sagemaker-training.json']);
    assert.strictEqual(problem, undefined);
    assert.deepStrictEqual(defaults, {
      image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/abalone-autogluon:latest',
      instanceType: 'ml.m5.xlarge',
      instanceCount: 1,
      volumeSizeInGB: 20,
      maxRuntimeSeconds: 3600,
      channels: {
        training: 's3://sagemaker-us-east-1-123456789012/abalone-autogluon/input/training.csv',
        testing: 's3://sagemaker-us-east-1-123456789012/abalone-autogluon/input/testing.csv',
      },
      outputPath: 's3://sagemaker-us-east-1-123456789012/abalone-autogluon/output',
      metricDefinitions: [{ name: 'validation:accuracy', regex: '([0-9.]+)\\s+= Validation score' }],
    });
    assert.deepStrictEqual(parseHyperParameters(files['hyperparameters.json']).value, {
      label: 'rings',
      time_limit: '600',
      presets: 'medium_quality',
    });
    assert.match(files['README.md'], /^# abalone-autogluon$/m);
    assert.ok(
      files['README.md'].includes('docker push 123456789012.dkr.ecr.us-east-1.amazonaws.com/abalone-autogluon:latest'),
    );
  });

  it("says what is wrong with a folder's defaults, a project name or an account id", () => {
    assert.match(parseFolderDefaults('{').problem!, /^sagemaker-training\.json is not valid JSON/);
    assert.strictEqual(parseFolderDefaults('[]').problem, 'sagemaker-training.json is not a JSON object');
    assert.strictEqual(projectNameProblem('abalone-autogluon'), undefined);
    assert.match(projectNameProblem('Abalone_AutoGluon')!, /lower-case letters, digits/);
    assert.strictEqual(projectNameProblem(''), 'A project name is required');
    assert.strictEqual(accountProblem(' 123456789012 '), undefined);
    assert.strictEqual(accountProblem('12345'), 'An AWS account id is 12 digits');
  });
});
