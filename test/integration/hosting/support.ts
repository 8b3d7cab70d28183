// Scripted prompts for the hosting features, as a user would answer them, for tests in the extension host.
import type { DeployPrompts } from '../../../src/commands/hosting/deployEndpointCommand';
import type { UpdatePrompts } from '../../../src/commands/hosting/updateEndpointCommand';
import type { DeployPlan } from '../../../src/model/deployPlan';
import { workbench } from '../support/workbench';

export const ROLE = 'arn:aws:iam::123456789012:role/service-role/AmazonSageMaker-ExecutionRole-20210705T170715';
export const V4 = 'arn:aws:sagemaker:us-east-1:123456789012:model-package/abalonepackagegroup/4';

export interface Seen {
  questions: string[];
  details: string[];
  failures: string[];
}

export function deployPrompts(plan: Partial<DeployPlan>, seen: Seen = { questions: [], details: [], failures: [] }, afterFailure: 'cleanup' | undefined = undefined): DeployPrompts {
  return {
    plan: async (_source, defaults) => ({ ...defaults, roleArn: defaults.roleArn || ROLE, ...plan }),
    confirm: async (question, detail) => (seen.questions.push(question), seen.details.push(detail), true),
    afterFailure: async (message) => (seen.failures.push(message), afterFailure),
  };
}

export function updatePrompts(seen: Seen = { questions: [], details: [], failures: [] }, pickConfig?: string): UpdatePrompts {
  return {
    confirm: async (question, detail) => (seen.questions.push(question), seen.details.push(detail), true),
    afterFailure: async (message) => (seen.failures.push(message), undefined),
    pickVariant: async (names) => names[0],
    pickConfig: async (choices) => pickConfig ?? choices[0]?.config,
  };
}

/** Follows endpoints every second in tests (the emulator runs AWS minutes in milliseconds). */
export async function fastFollowing(): Promise<void> {
  (await workbench()).hosting.context.pollSeconds = 1;
}
