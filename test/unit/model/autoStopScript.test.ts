import * as assert from 'assert';
import {
  appendAutoStop,
  autoStopConfigName,
  autoStopText,
  contentProblem,
  recogniseAutoStop,
} from '../../../src/model/autoStopScript';
import { templateScript } from '../../../src/model/lifecycleTemplates';

// The AWS sample's on-start script as teams copy it: the idle time in seconds, autostop.py run from cron.
const SAMPLE = `#!/bin/bash

set -e

# OVERVIEW
# This script stops a SageMaker notebook once it's idle for more than 1 hour (default time)

# PARAMETERS
IDLE_TIME=3600

echo "Fetching the autostop script"
wget https://raw.githubusercontent.com/aws-samples/amazon-sagemaker-notebook-instance-lifecycle-config-samples/master/scripts/auto-stop-idle/autostop.py

echo "Starting the SageMaker autostop script in cron"
(crontab -l 2>/dev/null; echo "*/5 * * * * /usr/bin/python $PWD/autostop.py --time $IDLE_TIME --ignore-connections") | crontab -
`;

const LAB_SYNC = `#!/bin/bash
sudo -u ec2-user -i <<'EOF'
aws s3 cp s3://ml-pipeline-bucket/lab-1/scripts/ /home/ec2-user/SageMaker/ --recursive --exclude "*" --include "Lab1*.ipynb"
EOF
`;

describe('auto-stop lifecycle scripts', () => {
  it('recognises the Stop when idle template with its idle minutes', () => {
    const finding = recogniseAutoStop(templateScript({ kind: 'auto-stop', idleMinutes: 45 }));
    assert.deepStrictEqual(finding, { idleMinutes: 45 });
    assert.strictEqual(autoStopText(finding), 'auto-stop after 45 idle min');
  });

  it("recognises the AWS sample, reading its idle time in seconds, as a variable or on autostop.py's line", () => {
    assert.deepStrictEqual(recogniseAutoStop(SAMPLE), { idleMinutes: 60 });
    const literal = SAMPLE.replace('IDLE_TIME=3600\n', '').replace('--time $IDLE_TIME', '--time 1800');
    assert.deepStrictEqual(recogniseAutoStop(literal), { idleMinutes: 30 });
    assert.deepStrictEqual(recogniseAutoStop(SAMPLE.replace('IDLE_TIME=3600', 'IDLE_TIME="90"')), { idleMinutes: 1.5 });
  });

  it('says when a script stops on idle without stating after how long', () => {
    const templated = SAMPLE.replace('IDLE_TIME=3600', 'IDLE_TIME="${idle_time}"');
    const finding = recogniseAutoStop(templated);
    assert.deepStrictEqual(finding, { idleMinutes: undefined });
    assert.strictEqual(autoStopText(finding), 'auto-stop (idle time not stated)');
  });

  it('does not take a script for auto-stop when it only mentions stopping, or stops without an idle check', () => {
    assert.strictEqual(recogniseAutoStop(LAB_SYNC), undefined);
    assert.strictEqual(autoStopText(recogniseAutoStop(LAB_SYNC)), 'no auto-stop');
    assert.strictEqual(recogniseAutoStop(''), undefined);
    const commented = `${LAB_SYNC}# TODO: stop-notebook-instance when idle (IDLE_MINUTES=60)\n`;
    assert.strictEqual(recogniseAutoStop(commented), undefined, 'comments are not what runs');
    const unconditional = '#!/bin/bash\naws sagemaker stop-notebook-instance --notebook-instance-name lab\n';
    assert.strictEqual(recogniseAutoStop(unconditional), undefined, 'a stop without an idle check');
  });

  it("appends the template after an existing script, keeps the script's lines, and goes before a final exit", () => {
    const combined = appendAutoStop(LAB_SYNC, 60);
    assert.ok(combined.startsWith(LAB_SYNC), 'the existing script comes first, unchanged');
    assert.strictEqual((combined.match(/^#!/gm) ?? []).length, 1, 'one shebang');
    assert.deepStrictEqual(recogniseAutoStop(combined), { idleMinutes: 60 });
    assert.ok(combined.endsWith('is on"\n'), combined.slice(-40));

    const exiting = appendAutoStop(`${LAB_SYNC}exit 0\n`, 30);
    assert.match(exiting, /IDLE_MINUTES=30[\s\S]*\nexit 0\n$/, 'the exit stays last');
  });

  it('names the new configuration after the instance, within 63 characters, unique without case', () => {
    assert.strictEqual(autoStopConfigName('ml-pipeline-lab-notebook', []), 'ml-pipeline-lab-notebook-auto-stop');
    assert.strictEqual(
      autoStopConfigName('ml-pipeline-lab-notebook', [
        'ML-Pipeline-Lab-Notebook-Auto-Stop',
        'ml-pipeline-lab-notebook-auto-stop-2',
      ]),
      'ml-pipeline-lab-notebook-auto-stop-3',
    );
    const long = `${'a'.repeat(52)}-b-${'c'.repeat(8)}`;
    const name = autoStopConfigName(long, []);
    assert.ok(name.length <= 63, `${name.length}`);
    assert.match(name, /^[a-zA-Z0-9](-*[a-zA-Z0-9])*$/, 'the API pattern: no hyphen before the suffix doubled up');
    assert.ok(name.endsWith('-auto-stop'));
  });

  it('refuses a script whose base64 content passes the API limit of 16,384 characters', () => {
    assert.strictEqual(contentProblem('x'.repeat(12_288), 'on-start'), undefined);
    assert.strictEqual(
      contentProblem('x'.repeat(12_289), 'on-start'),
      'The on-start script would have 12,289 characters (16,388 base64-encoded); SageMaker takes at most 16,384 base64-encoded characters (about 12,288 of script). Shorten it, or move part of it to S3 and download it from the script.',
    );
  });
});
