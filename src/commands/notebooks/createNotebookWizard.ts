// The create-notebook-instance plan asked step by step (Back keeps what was typed), each value checked as
// it is typed with the rules the command applies before calling AWS.
import * as vscode from 'vscode';
import { resourceNameProblem, roleArnProblem } from '../../model/deployPlan';
import {
  TEMPLATE_LABELS,
  idleMinutesProblem,
  packagesProblem,
  s3PrefixProblem,
  type TemplateKind,
} from '../../model/lifecycleTemplates';
import { NOTEBOOK_INSTANCE_TYPES, volumeProblem, type NotebookInstancePlan } from '../../model/notebookInstancePlan';
import type { CreateChoices } from './createNotebookInstanceCommand';
import { MultiStepInput, type Step } from '../../ui/multiStepInput';

const TITLE = vscode.l10n.t('Create notebook instance');
type Item<T> = vscode.QuickPickItem & { value: T };

export async function askNotebookPlan(choices: CreateChoices): Promise<NotebookInstancePlan | undefined> {
  const plan: NotebookInstancePlan = choices.previous
    ? { ...choices.previous }
    : {
        name: '',
        instanceType: 'ml.t3.medium',
        roleArn: choices.lastRole ?? '',
        volumeSizeInGB: 5,
        lifecycle: { kind: 'none' },
        rootAccess: true,
        directInternetAccess: true,
      };
  const yesNo = (onLabel: string, offLabel: string, on: boolean): Array<Item<boolean>> => [
    { label: onLabel, value: true, picked: on },
    { label: offLabel, value: false, picked: !on },
  ];
  const askInternet: Step<typeof plan> = async (input, s) => {
    s.directInternetAccess = (
      await input.pick({
        title: TITLE,
        placeholder: vscode.l10n.t('Direct internet access (off needs a VPC with a NAT or endpoints)'),
        items: yesNo(
          vscode.l10n.t('Direct internet access: on'),
          vscode.l10n.t('Direct internet access: off'),
          s.directInternetAccess,
        ),
      })
    ).value;
    return undefined;
  };
  const askRoot: Step<typeof plan> = async (input, s) => {
    s.rootAccess = (
      await input.pick({
        title: TITLE,
        placeholder: vscode.l10n.t('Root access for notebook users (lifecycle scripts always run as root)'),
        items: yesNo(vscode.l10n.t('Root access: on'), vscode.l10n.t('Root access: off'), s.rootAccess),
      })
    ).value;
    return askInternet;
  };
  const askRepo: Step<typeof plan> = async (input, s) => {
    const items: Array<Item<string | undefined>> = [
      { label: vscode.l10n.t('None'), value: undefined },
      ...choices.repositories.map((r) => ({ label: r.label, detail: r.value, value: r.value })),
    ];
    s.defaultCodeRepository = (
      await input.pick({
        title: TITLE,
        placeholder: vscode.l10n.t('Default code repository (cloned into /home/ec2-user/SageMaker)'),
        items,
      })
    ).value;
    return askRoot;
  };
  const askTemplateValue =
    (configName: string, kind: TemplateKind): Step<typeof plan> =>
    async (input, s) => {
      if (kind === 's3-sync') {
        const s3Uri = await input.inputBox({
          title: TITLE,
          prompt: vscode.l10n.t('S3 location the notebooks are copied from on start'),
          placeholder: 's3://ml-pipeline-bucket/lab-1/scripts/',
          validate: s3PrefixProblem,
        });
        s.lifecycle = { kind: 'new', name: configName, template: { kind, s3Uri: s3Uri.trim() } };
      } else if (kind === 'auto-stop') {
        const idle = await input.inputBox({
          title: TITLE,
          prompt: vscode.l10n.t('Idle minutes before the instance stops itself'),
          value: '60',
          validate: idleMinutesProblem,
        });
        s.lifecycle = { kind: 'new', name: configName, template: { kind, idleMinutes: Number(idle) } };
      } else {
        const packages = await input.inputBox({
          title: TITLE,
          prompt: vscode.l10n.t('Packages to install into the python3 environment'),
          placeholder: 'autogluon==0.8.2',
          validate: packagesProblem,
        });
        s.lifecycle = {
          kind: 'new',
          name: configName,
          template: { kind, environment: 'python3', packages: packages.trim().split(/\s+/) },
        };
      }
      return askRepo;
    };
  const askTemplate =
    (configName: string): Step<typeof plan> =>
    async (input) => {
      const kinds = Object.entries(TEMPLATE_LABELS) as Array<[TemplateKind, { label: string; detail: string }]>;
      const picked = await input.pick({
        title: TITLE,
        placeholder: vscode.l10n.t('Template of the new lifecycle configuration'),
        items: kinds.map(([kind, t]) => ({ label: t.label, detail: t.detail, value: kind })),
      });
      return askTemplateValue(configName, picked.value);
    };
  const askNewConfigName: Step<typeof plan> = async (input, s) => {
    const name = await input.inputBox({
      title: TITLE,
      prompt: vscode.l10n.t('Name of the new lifecycle configuration'),
      value: `${s.name}-lifecycle`.slice(0, 63),
      validate: (v) =>
        resourceNameProblem(v, vscode.l10n.t('A lifecycle configuration name')) ??
        (choices.lifecycleConfigs.includes(v) ? vscode.l10n.t('{0} exists; go back and pick it', v) : undefined),
    });
    return askTemplate(name.trim());
  };
  const askLifecycle: Step<typeof plan> = async (input, s) => {
    const items: Array<Item<string>> = [
      { label: vscode.l10n.t('None'), value: '' },
      { label: vscode.l10n.t('$(add) New from a template…'), value: '+' },
      ...choices.lifecycleConfigs.map((c) => ({ label: c, description: vscode.l10n.t('existing'), value: c })),
    ];
    const current = s.lifecycle.kind === 'existing' ? s.lifecycle.name : s.lifecycle.kind === 'new' ? '+' : '';
    const picked = (
      await input.pick({
        title: TITLE,
        placeholder: vscode.l10n.t('Lifecycle configuration (scripts run on create and on every start)'),
        items,
        activeItem: items.find((i) => i.value === current),
      })
    ).value;
    if (picked === '+') return askNewConfigName;
    s.lifecycle = picked ? { kind: 'existing', name: picked } : { kind: 'none' };
    return askRepo;
  };
  const askVolume: Step<typeof plan> = async (input, s) => {
    s.volumeSizeInGB = Number(
      await input.inputBox({
        title: TITLE,
        prompt: vscode.l10n.t('ML storage volume in GB (/home/ec2-user/SageMaker)'),
        value: String(s.volumeSizeInGB),
        validate: volumeProblem,
      }),
    );
    return askLifecycle;
  };
  const askRoleArn: Step<typeof plan> = async (input, s) => {
    s.roleArn = (
      await input.inputBox({
        title: TITLE,
        prompt: vscode.l10n.t('IAM execution role ARN (needs AmazonSageMakerFullAccess or equivalent)'),
        value: s.roleArn,
        validate: roleArnProblem,
      })
    ).trim();
    return askVolume;
  };
  const askRole: Step<typeof plan> = async (input, s) => {
    if (choices.roles.length === 0) return askRoleArn(input, s);
    const items: Array<Item<string>> = [
      ...choices.roles.map((r) => ({
        label: r.name,
        description: r.path === '/' ? undefined : r.path,
        detail: r.description ? `${r.description} · ${r.arn}` : r.arn,
        value: r.arn,
      })),
      { label: vscode.l10n.t('$(edit) Type a role ARN…'), value: '' },
    ];
    const picked = await input.pick({
      title: TITLE,
      placeholder: vscode.l10n.t('Execution role (roles SageMaker may assume)'),
      items,
      matchOnDetail: true,
      activeItem: items.find((i) => i.value === s.roleArn),
      acceptTyped: (typed) => (typed && !roleArnProblem(typed) ? { label: typed, value: typed } : undefined),
    });
    if (!picked.value) return askRoleArn;
    s.roleArn = picked.value;
    return askVolume;
  };
  const askType: Step<typeof plan> = async (input, s) => {
    const items = NOTEBOOK_INSTANCE_TYPES.map((t) => ({ label: t, value: t }));
    s.instanceType = (
      await input.pick({
        title: TITLE,
        placeholder: vscode.l10n.t('Instance type'),
        items,
        activeItem: items.find((i) => i.value === s.instanceType),
      })
    ).value;
    return askRole;
  };
  const askName: Step<typeof plan> = async (input, s) => {
    s.name = (
      await input.inputBox({
        title: TITLE,
        prompt: vscode.l10n.t('Name'),
        value: s.name,
        validate: (v) => resourceNameProblem(v, vscode.l10n.t('A notebook instance name')),
      })
    ).trim();
    return askType;
  };
  return MultiStepInput.run(askName, plan, 8);
}
