// "Choose AWS Profile and Region": profile (from the shared files, SSO included), then region, with Back.
import * as vscode from 'vscode';
import { window } from '../../ui/window';
import { describeCredentialKind, type ProfileInfo } from '../../model/profiles';
import { isRegionCode, SAGEMAKER_REGIONS } from '../../model/regions';
import { MultiStepInput, type Step } from '../../ui/multiStepInput';
import type { AwsSession } from '../../session/awsSession';

interface ProfileItem extends vscode.QuickPickItem {
  /** '' means the default credential chain. */
  profile: string;
}
interface RegionItem extends vscode.QuickPickItem {
  region: string;
}
interface State {
  profile?: string;
  region?: string;
}

const DEFAULT_CHAIN = '';

export function profileItems(profiles: readonly ProfileInfo[], currentProfile: string | undefined): ProfileItem[] {
  const chain: ProfileItem = {
    label: vscode.l10n.t('$(key) Default credential chain'),
    profile: DEFAULT_CHAIN,
    description: currentProfile === undefined ? vscode.l10n.t('current') : undefined,
    detail: vscode.l10n.t(
      'Environment variables, AWS_PROFILE, the default profile, SSO, credential process, instance role',
    ),
  };
  const items = profiles.map<ProfileItem>((p) => ({
    label: `${p.kind === 'sso' ? '$(organization)' : '$(account)'} ${p.name}`,
    profile: p.name,
    description: [
      describeCredentialKind(p.kind),
      p.region,
      p.name === currentProfile ? vscode.l10n.t('current') : undefined,
    ]
      .filter(Boolean)
      .join(' · '),
    detail:
      p.kind === 'sso' && p.ssoStartUrl
        ? `${p.ssoAccountId ?? ''} ${p.ssoRoleName ?? ''} — ${p.ssoStartUrl}`.trim()
        : undefined,
  }));
  return [chain, { label: vscode.l10n.t('Profiles'), kind: vscode.QuickPickItemKind.Separator, profile: '' }, ...items];
}

export function regionItems(current: string, profileRegion: string | undefined): RegionItem[] {
  const top = [current, profileRegion].filter((r, i, a): r is string => !!r && a.indexOf(r) === i);
  const ordered = [
    ...top.map((code) => SAGEMAKER_REGIONS.find((r) => r.code === code) ?? { code, name: code }),
    ...SAGEMAKER_REGIONS.filter((r) => !top.includes(r.code)),
  ];
  return ordered.map((r) => ({
    label: r.code,
    region: r.code,
    description: [
      r.name,
      r.code === current ? vscode.l10n.t('current') : undefined,
      r.code === profileRegion ? vscode.l10n.t("profile's region") : undefined,
    ]
      .filter(Boolean)
      .join(' · '),
  }));
}

export async function chooseProfileAndRegion(session: AwsSession): Promise<void> {
  await session.reload();
  const pickProfile: Step<State> = async (input, state) => {
    const items = profileItems(session.knownProfiles, session.current.profile);
    const chosen = await input.pick({
      title: vscode.l10n.t('AWS Profile'),
      placeholder: vscode.l10n.t('Profile to use for SageMaker Workbench'),
      items,
      activeItem: items.find((i) => i.profile === (state.profile ?? session.current.profile ?? DEFAULT_CHAIN)),
    });
    state.profile = chosen.profile;
    return pickRegion;
  };
  const pickRegion: Step<State> = async (input, state) => {
    const profileRegion = session.knownProfiles.find((p) => p.name === (state.profile || 'default'))?.region;
    const items = regionItems(session.current.region, profileRegion);
    const chosen = await input.pick({
      title: vscode.l10n.t('AWS Region'),
      placeholder: vscode.l10n.t('Region (type any region code)'),
      items,
      activeItem: items[0],
      acceptTyped: (value) => (isRegionCode(value) ? { label: value, region: value } : undefined),
    });
    state.region = chosen.region;
    return undefined;
  };
  const state = await MultiStepInput.run(pickProfile, {} as State, 2);
  if (!state) return;
  await session.setProfileAndRegion(state.profile, state.region);
}

export async function chooseRegion(session: AwsSession): Promise<void> {
  const items = regionItems(
    session.current.region,
    session.knownProfiles.find((p) => p.name === session.current.profileLabel)?.region,
  );
  const chosen = await window.showQuickPick(items, {
    title: vscode.l10n.t('AWS Region'),
    placeHolder: vscode.l10n.t('Region'),
    matchOnDescription: true,
  });
  if (chosen) await session.setProfileAndRegion(undefined, chosen.region);
}
