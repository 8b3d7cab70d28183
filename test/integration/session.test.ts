// The AWS session in the real extension host against the emulator (activation: activation.test.ts): profile and region
// switching, the status bar, the per-call log and the error messages a user gets.
import * as assert from 'assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { ListNotebookInstancesCommand } from '@aws-sdk/client-sagemaker';
import type { LogEntry } from '../../src/session/log';
import { toUserError } from '../../src/ui/showAwsError';
import { clearFaults, clearRequests, recordedRequests, setFaults } from './support/emulatorControl';
import { host, until } from './support/workbench';
import { run, withWindow } from './support/testWindow';

const config = () => vscode.workspace.getConfiguration('sagemakerWorkbench');

describe('AWS session', function () {
  this.timeout(60_000);
  const logged: LogEntry[] = [];

  before(async () => {
    const api = await host();
    api.log.onDidLog((entry) => logged.push(entry));
    // These tests count the calls they make; the views' status polls (a visible view with a job or instance in
    // progress, left by an earlier suite) would add theirs.
    await config().update('autoRefreshSeconds', 0, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await config().update('autoRefreshSeconds', undefined, vscode.ConfigurationTarget.Global);
  });

  afterEach(async () => {
    await clearFaults();
    await config().update('profile', undefined, vscode.ConfigurationTarget.Global);
    await config().update('region', undefined, vscode.ConfigurationTarget.Global);
    const api = await host();
    await api.session.reload();
  });

  it('shows the profile and region from the environment in the status bar', async () => {
    const api = await host();
    assert.strictEqual(api.session.current.profileLabel, 'default');
    assert.strictEqual(api.session.current.region, process.env.AWS_REGION ?? 'us-east-1');
    assert.strictEqual(api.session.current.endpointUrl, process.env.AWS_ENDPOINT_URL);
    assert.match(api.statusBar.text, new RegExp(`default · ${api.session.current.region}`));
    assert.strictEqual(api.session.credentialsState, 'present');
  });

  it('lists the profiles of the shared config files, SSO included', async () => {
    const api = await host();
    const names = api.session.knownProfiles.map((p) => `${p.name}:${p.kind}`);
    assert.ok(names.includes('default:static'), names.join(', '));
    assert.ok(names.includes('ml-dev:static'), names.join(', '));
    assert.ok(names.includes('ml-sso:sso'), names.join(', '));
  });

  it('refreshes every view and the status bar when the region setting changes', async () => {
    const api = await host();
    const before = Object.fromEntries(Object.entries(api.views.providers).map(([k, p]) => [k, p.refreshCount]));
    await config().update('region', 'eu-west-1', vscode.ConfigurationTarget.Global);
    await until('the session to switch region', () => api.session.current.region === 'eu-west-1');
    assert.strictEqual(api.session.current.regionSource, 'setting');
    // The status bar follows the session's change event, which may come a moment after the switch.
    await until(
      'the status bar to show the new region',
      () => /default · eu-west-1/.test(api.statusBar.text) || undefined,
    );
    for (const [key, provider] of Object.entries(api.views.providers)) {
      assert.ok(provider.refreshCount > before[key], `${key} view was refreshed`);
    }
  });

  it('uses the region of a chosen profile and caches one client per profile and region', async () => {
    const api = await host();
    await api.session.setProfileAndRegion('ml-dev', '');
    assert.strictEqual(api.session.current.profile, 'ml-dev');
    // AWS_REGION from the environment outranks the profile's region, as in the AWS CLI.
    const expected = process.env.AWS_REGION ?? 'eu-west-1';
    assert.strictEqual(api.session.current.region, expected);
    const a = await api.session.clients.sagemaker();
    assert.strictEqual(await api.session.clients.sagemaker(), a, 'same client for the same session');
    await api.session.setProfileAndRegion(undefined, 'us-west-2');
    assert.notStrictEqual(await api.session.clients.sagemaker(), a, 'another client for another region');
  });

  it('sends calls to the emulator and logs service, operation, duration and request id', async () => {
    const api = await host();
    await clearRequests();
    logged.length = 0;
    // A page size no view uses marks this call among any the views make as they reload after the last test.
    const out = await (await api.session.clients.sagemaker()).send(new ListNotebookInstancesCommand({ MaxResults: 7 }));
    assert.ok((out.NotebookInstances ?? []).length > 0, 'the seeded notebook instances are listed');
    const ours = (await recordedRequests()).filter(
      (r) => (r.input as { MaxResults?: number } | undefined)?.MaxResults === 7,
    );
    assert.deepStrictEqual(
      ours.map((r) => `${r.service}.${r.operation} ${r.status}`),
      ['sagemaker.ListNotebookInstances 200'],
      'the call reached the emulator once',
    );
    const line = logged.find((e) => e.message.startsWith('sagemaker.ListNotebookInstances ok'));
    assert.ok(line, `log has the call: ${logged.map((e) => e.message).join(' | ')}`);
    assert.match(line.message, /ok \d+ms http=200 requestId=\S+/);
  });

  it('never writes the secret key or session token to the log', async () => {
    const api = await host();
    await (await api.session.clients.sagemaker()).send(new ListNotebookInstancesCommand({}));
    // The default profile of the fixture credentials file is what signed the call.
    const credentials = fs.readFileSync(process.env.AWS_SHARED_CREDENTIALS_FILE ?? '', 'utf8');
    const secret = /aws_secret_access_key\s*=\s*(\S+)/.exec(credentials)?.[1];
    assert.ok(secret, 'the fixture credentials hold a secret to look for');
    assert.ok(logged.length > 0, 'the call was logged');
    for (const entry of logged) assert.ok(!entry.message.includes(secret), `secret in log: ${entry.message}`);
  });

  it("chooses profile and region through Choose AWS Profile: the profile picker, then the region picker with the profile's region first", async () => {
    const api = await host();
    await withWindow(async (ui) => {
      let regions: string[] = [];
      ui.onQuickPick('AWS Profile', (p) => p.pick((item) => item.label.endsWith(' ml-dev')));
      ui.onQuickPick('AWS Region', (p) => {
        regions = p.items.map((i) => i.label);
        p.pick('ap-southeast-2');
      });
      await run('chooseProfile');
      assert.strictEqual(
        regions[1],
        'eu-west-1',
        `ml-dev's own region is offered right after the current one: ${regions.slice(0, 3).join(', ')}`,
      );
    });
    assert.strictEqual(api.session.current.profile, 'ml-dev');
    assert.strictEqual(api.session.current.region, 'ap-southeast-2');
    assert.match(api.statusBar.text, /ml-dev · ap-southeast-2/);
    assert.strictEqual(config().get('profile'), 'ml-dev', 'kept in the settings');
  });

  it('goes back from the region to the profile, and keeps the session when the user escapes', async () => {
    const api = await host();
    const before = { profile: api.session.current.profileLabel, region: api.session.current.region };
    await withWindow(async (ui) => {
      ui.onQuickPick('AWS Profile', (p) => p.pick((item) => item.label.endsWith(' ml-dev')));
      ui.onQuickPick('AWS Region', (p) => p.back());
      ui.onQuickPick('AWS Profile', (p) => p.cancel());
      await run('chooseProfile');
      assert.deepStrictEqual(ui.asked, ['AWS Profile', 'AWS Region', 'AWS Profile']);
    });
    assert.deepStrictEqual({ profile: api.session.current.profileLabel, region: api.session.current.region }, before);
  });

  it('switches only the region through Choose AWS Region, and refreshes every view', async () => {
    const api = await host();
    const before = Object.fromEntries(Object.entries(api.views.providers).map(([k, p]) => [k, p.refreshCount]));
    await withWindow(async (ui) => {
      ui.onQuickPick('AWS Region', (p) => p.pick('eu-central-1'));
      await run('chooseRegion');
    });
    assert.strictEqual(api.session.current.region, 'eu-central-1');
    assert.strictEqual(api.session.current.profileLabel, 'default');
    for (const [key, provider] of Object.entries(api.views.providers))
      assert.ok(provider.refreshCount > before[key], `${key} view was refreshed`);
  });

  it('Refresh All lists every visible view again and Show Log opens the log', async () => {
    const api = await host();
    const before = Object.fromEntries(Object.entries(api.views.providers).map(([k, p]) => [k, p.refreshCount]));
    await run('refreshAll');
    for (const [key, provider] of Object.entries(api.views.providers))
      assert.ok(provider.refreshCount > before[key], `${key} view was refreshed`);
    logged.length = 0;
    await run('showLog');
    assert.ok(
      logged.some((e) => e.message === 'Command sagemakerWorkbench.showLog'),
      'the command was logged',
    );
  });

  it('offers to copy the aws sso login command when a command meets an SSO profile without a session', async () => {
    const api = await host();
    await api.session.setProfileAndRegion('ml-sso', '');
    await vscode.env.clipboard.writeText('');
    const outcome = await withWindow(async (ui) => {
      ui.onMessage(/SSO session of profile "ml-sso"/, 'Copy Login Command');
      const result = await run<{ outcome: string; kind: string }>('startNotebookInstance');
      assert.deepStrictEqual(
        ui.messages.map((m) => [m.level, m.items]),
        [['error', ['Copy Login Command', 'Retry']]],
        'the error names both ways out',
      );
      return result;
    });
    assert.deepStrictEqual([outcome.outcome, outcome.kind], ['failed', 'sso-expired']);
    await until(
      'the login command on the clipboard',
      async () => (await vscode.env.clipboard.readText()) === 'aws sso login --profile ml-sso' || undefined,
    );
  });

  it('tells the user to run aws sso login when the SSO profile has no session', async () => {
    const api = await host();
    await api.session.setProfileAndRegion('ml-sso', '');
    const error = await (await api.session.clients.sagemaker()).send(new ListNotebookInstancesCommand({})).then(
      () => assert.fail('an SSO profile without a cached token cannot sign'),
      (e: unknown) => e,
    );
    const mapped = toUserError(error, api.session, 'sagemaker', 'ListNotebookInstances');
    assert.strictEqual(mapped.kind, 'sso-expired', mapped.message);
    assert.match(mapped.message, /aws sso login --profile ml-sso/);
  });

  it('maps expired credentials from AWS to a message that says so', async () => {
    const api = await host();
    await setFaults([{ kind: 'expired-credentials' }]);
    const error = await (await api.session.clients.sagemaker()).send(new ListNotebookInstancesCommand({})).then(
      () => assert.fail('the emulator answers ExpiredToken'),
      (e: unknown) => e,
    );
    const mapped = toUserError(error, api.session, 'sagemaker', 'ListNotebookInstances');
    assert.strictEqual(mapped.kind, 'credentials-expired', mapped.message);
    assert.match(mapped.message, /have expired/);
  });
});
