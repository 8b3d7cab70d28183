// The rules Studio lifecycle configurations follow before any call: names as the API pattern allows, the
// base64 size limit of StudioLifecycleConfigContent, the next version's name, and re-pointed settings.
import * as assert from 'assert';
import {
  nextVersionName,
  repointedSettings,
  studioConfigNameProblem,
  studioScriptProblem,
} from '../../../src/model/studioLifecycleConfigs';

describe('Studio lifecycle configuration rules', () => {
  it('names the next version within 63 characters, past versions that exist', () => {
    assert.strictEqual(nextVersionName('install-cli', ['install-cli']), 'install-cli-v2');
    assert.strictEqual(nextVersionName('install-cli-v2', ['install-cli-v3']), 'install-cli-v4');
    const long = `${'a'.repeat(60)}-bc`;
    const next = nextVersionName(long, []);
    assert.strictEqual(next, `${'a'.repeat(60)}-v2`);
    assert.strictEqual(studioConfigNameProblem(next), undefined);
  });

  it('refuses an empty script and one over 16,384 base64 characters; takes one at the limit', () => {
    assert.match(studioScriptProblem(' \n') ?? '', /empty/);
    assert.strictEqual(studioScriptProblem('x'.repeat(12_288)), undefined);
    assert.match(studioScriptProblem('x'.repeat(12_289)) ?? '', /16,388 characters base64-encoded/);
  });

  it('replaces the old ARN in lists and default resource specs, leaving other members alone', () => {
    const settings = {
      ExecutionRole: 'r',
      JupyterLabAppSettings: {
        LifecycleConfigArns: ['old', 'other'],
        DefaultResourceSpec: { InstanceType: 'ml.t3.medium', LifecycleConfigArn: 'old' },
      },
      CodeEditorAppSettings: { LifecycleConfigArns: ['other'] },
    };
    assert.deepStrictEqual(repointedSettings(settings, 'old', 'new'), {
      JupyterLabAppSettings: {
        LifecycleConfigArns: ['new', 'other'],
        DefaultResourceSpec: { InstanceType: 'ml.t3.medium', LifecycleConfigArn: 'new' },
      },
    });
    assert.strictEqual(repointedSettings(settings, 'absent', 'new'), undefined);
  });
});
