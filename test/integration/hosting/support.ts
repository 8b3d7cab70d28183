// Shared by the hosting tests: following endpoints quickly, and the nodes the menus pass (taken from the real
// views). The scripted prompt objects below serve the security suites until they run the commands too.
import type { DeployPrompts } from '../../../src/commands/hosting/deployEndpointCommand';
import type { UpdatePrompts } from '../../../src/commands/hosting/updateEndpointCommand';
import type { DeployPlan } from '../../../src/model/deployPlan';
import { pace } from '../../../src/ui/pace';
import type { ExplorerNode } from '../../../src/views/tree/explorerNode';
import { ROLE, V4 } from '../support/answers/hosting';
import { childNamed } from '../support/tree';
import { host } from '../support/workbench';

export { ROLE, V4 };

export interface Seen {
  questions: string[];
  details: string[];
  failures: string[];
}

/** @deprecated Scripted prompts for the legacy API; the hosting tests answer the real dialogs (answers/hosting.ts). */
export function deployPrompts(plan: Partial<DeployPlan>, seen: Seen = { questions: [], details: [], failures: [] }, afterFailure: 'cleanup' | undefined = undefined): DeployPrompts {
  return {
    plan: async (_source, defaults) => ({ ...defaults, roleArn: defaults.roleArn || ROLE, ...plan }),
    confirm: async (question, detail) => (seen.questions.push(question), seen.details.push(detail), true),
    afterFailure: async (message) => (seen.failures.push(message), afterFailure),
  };
}

/** @deprecated As deployPrompts. */
export function updatePrompts(seen: Seen = { questions: [], details: [], failures: [] }, pickConfig?: string): UpdatePrompts {
  return {
    confirm: async (question, detail) => (seen.questions.push(question), seen.details.push(detail), true),
    afterFailure: async (message) => (seen.failures.push(message), undefined),
    pickVariant: async (names) => names[0],
    pickConfig: async (choices) => pickConfig ?? choices[0]?.config,
  };
}

const defaultFollow = pace.followSeconds;

/** Follows endpoints every second in tests (the emulator runs AWS minutes in milliseconds); `before` hook. */
export async function fastFollowing(): Promise<void> {
  pace.followSeconds = 1;
}

/** Restores the follow delay; `after` hook. */
export function usualFollowing(): void {
  pace.followSeconds = defaultFollow;
}

/** An endpoint's node in the Endpoints view, as its context menu passes it. */
export async function endpointNode(name: string): Promise<ExplorerNode> {
  const provider = (await host()).views.providers.endpoints;
  provider.refresh();
  return childNamed(provider as never, name);
}

/** A version's node in the Model Registry view (group, then "vN"). */
export async function versionNode(group: string, version: string): Promise<ExplorerNode> {
  const provider = (await host()).views.providers.modelRegistry;
  provider.refresh();
  return childNamed(await childNamed(provider as never, group), version);
}
