import * as assert from 'assert';
import { listProfiles } from '../../../src/model/profiles';

describe('listProfiles', () => {
  const config = {
    default: { region: 'us-east-1' },
    'ml-sso': {
      sso_session: 'corp',
      sso_account_id: '123456789012',
      sso_role_name: 'DataScientist',
      region: 'eu-west-1',
    },
    'legacy-sso': {
      sso_start_url: 'https://corp.awsapps.com/start',
      sso_region: 'us-east-1',
      sso_account_id: '1',
      sso_role_name: 'R',
    },
    deployer: { role_arn: 'arn:aws:iam::123456789012:role/Deploy', source_profile: 'default' },
    tool: { credential_process: '/usr/bin/get-creds' },
  };
  const credentials = {
    default: { aws_access_key_id: 'AKIAEXAMPLE', aws_secret_access_key: 'x' },
    'keys-only': { aws_access_key_id: 'AKIAEXAMPLE2', aws_secret_access_key: 'y' },
  };
  const sessions = { corp: { sso_start_url: 'https://corp.awsapps.com/start', sso_region: 'us-east-1' } };
  const profiles = listProfiles(config, credentials, sessions);

  it('lists every profile of both files once, default first', () => {
    assert.deepStrictEqual(
      profiles.map((p) => p.name),
      ['default', 'deployer', 'keys-only', 'legacy-sso', 'ml-sso', 'tool'],
    );
  });

  it('classifies how each profile gets credentials', () => {
    const kinds = Object.fromEntries(profiles.map((p) => [p.name, p.kind]));
    assert.deepStrictEqual(kinds, {
      default: 'static',
      deployer: 'assume-role',
      'keys-only': 'static',
      'legacy-sso': 'sso',
      'ml-sso': 'sso',
      tool: 'process',
    });
  });

  it('takes the SSO start URL from the sso-session section', () => {
    const sso = profiles.find((p) => p.name === 'ml-sso');
    assert.strictEqual(sso?.ssoStartUrl, 'https://corp.awsapps.com/start');
    assert.strictEqual(sso?.region, 'eu-west-1');
    assert.deepStrictEqual(profiles.find((p) => p.name === 'default')?.sources, ['config', 'credentials']);
  });
});
