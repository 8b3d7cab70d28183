// An execution's history by stage: each stage's status and how long it took, from the action executions
// CodePipeline records (a stage runs from its first action's start to its last action's last update).
import { formatDuration } from './durations';

export interface ActionRun {
  stageName?: string;
  actionName?: string;
  status?: string;
  startTime?: Date;
  lastUpdateTime?: Date;
}

export interface StageRun {
  stageName: string;
  status: string;
  durationMs?: number;
  actions: Array<{ actionName: string; status: string; durationMs?: number }>;
}

const SEVERITY = ['Failed', 'Abandoned', 'InProgress', 'Succeeded'];

/** Stages in the order they ran; a stage's status is its worst action's (Failed before InProgress before Succeeded). */
export function stageRuns(actions: readonly ActionRun[]): StageRun[] {
  const byStage = new Map<string, ActionRun[]>();
  for (const a of [...actions].sort((x, y) => (x.startTime?.getTime() ?? 0) - (y.startTime?.getTime() ?? 0))) {
    const name = a.stageName ?? '?';
    byStage.set(name, [...(byStage.get(name) ?? []), a]);
  }
  return [...byStage.entries()].map(([stageName, runs]) => {
    const starts = runs.map((r) => r.startTime?.getTime()).filter((t): t is number => t !== undefined);
    const ends = runs.map((r) => r.lastUpdateTime?.getTime()).filter((t): t is number => t !== undefined);
    const statuses = runs.map((r) => r.status ?? 'Unknown');
    const status = SEVERITY.find((s) => statuses.includes(s)) ?? statuses[0] ?? 'Unknown';
    return {
      stageName,
      status,
      durationMs: starts.length && ends.length ? Math.max(...ends) - Math.min(...starts) : undefined,
      actions: runs.map((r) => ({
        actionName: r.actionName ?? '?',
        status: r.status ?? 'Unknown',
        durationMs: r.startTime && r.lastUpdateTime ? r.lastUpdateTime.getTime() - r.startTime.getTime() : undefined,
      })),
    };
  });
}

export function durationText(ms: number | undefined): string | undefined {
  return ms === undefined ? undefined : formatDuration(ms);
}
