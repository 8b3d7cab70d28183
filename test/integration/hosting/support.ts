// Shared by the hosting tests: following endpoints quickly, and the nodes the menus pass (taken from the real
// views).
import { pace } from '../../../src/ui/pace';
import type { ExplorerNode } from '../../../src/views/tree/explorerNode';
import { ROLE, V4 } from '../support/answers/hosting';
import { childNamed } from '../support/tree';
import { host } from '../support/workbench';

export { ROLE, V4 };

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
