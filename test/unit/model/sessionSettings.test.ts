import * as assert from 'assert';
import { resolveSession, sessionKey } from '../../../src/model/sessionSettings';

const none = { profile: '', region: '', endpointUrl: '' };
const noProfileRegion = () => undefined;

describe('resolveSession', () => {
  it('uses the default credential chain and us-east-1 when nothing is configured', () => {
    const s = resolveSession(none, {}, noProfileRegion);
    assert.strictEqual(s.profile, undefined);
    assert.strictEqual(s.profileLabel, 'default');
    assert.strictEqual(s.region, 'us-east-1');
    assert.strictEqual(s.regionSource, 'fallback');
    assert.strictEqual(s.endpointUrl, undefined);
  });

  it('honours AWS_PROFILE, AWS_REGION and AWS_ENDPOINT_URL', () => {
    const s = resolveSession(
      none,
      { AWS_PROFILE: 'ml-dev', AWS_REGION: 'eu-west-1', AWS_ENDPOINT_URL: 'http://127.0.0.1:4599' },
      noProfileRegion,
    );
    assert.deepStrictEqual(
      [s.profile, s.region, s.regionSource, s.endpointUrl, s.endpointSource],
      ['ml-dev', 'eu-west-1', 'environment', 'http://127.0.0.1:4599', 'environment'],
    );
  });

  it('lets the settings win over the environment', () => {
    const s = resolveSession(
      { profile: 'prod', region: 'us-west-2', endpointUrl: 'http://localhost:1' },
      { AWS_PROFILE: 'ml-dev', AWS_REGION: 'eu-west-1', AWS_ENDPOINT_URL: 'http://127.0.0.1:4599' },
      noProfileRegion,
    );
    assert.deepStrictEqual(
      [s.profile, s.region, s.endpointUrl, s.endpointSource],
      ['prod', 'us-west-2', 'http://localhost:1', 'setting'],
    );
  });

  it("falls back to the profile's region from the config file", () => {
    const s = resolveSession({ ...none, profile: 'ml-dev' }, {}, (p) => (p === 'ml-dev' ? 'eu-west-1' : undefined));
    assert.deepStrictEqual([s.region, s.regionSource], ['eu-west-1', 'profile']);
  });

  it('reads the default profile region when no profile is named', () => {
    const s = resolveSession(none, {}, (p) => (p === 'default' ? 'ap-southeast-2' : undefined));
    assert.strictEqual(s.region, 'ap-southeast-2');
  });

  it('gives different cache keys to different regions of the same profile', () => {
    const a = resolveSession({ ...none, region: 'us-east-1' }, {}, noProfileRegion);
    const b = resolveSession({ ...none, region: 'us-west-2' }, {}, noProfileRegion);
    assert.notStrictEqual(sessionKey(a), sessionKey(b));
  });
});
