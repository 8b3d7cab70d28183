// Resource lifecycles computed from timestamps instead of timers: a resource that started a
// transition at `since` is in the phase its elapsed (scaled) time falls into. Nothing to tick,
// deterministic under `clock.advance`.
import type { Clock } from '../../engine/contract';

export interface Phase<S extends string> {
  status: S;
  /** AWS seconds spent in this phase; the last phase has none (it lasts). */
  seconds?: number;
}

export interface PhaseAt<S extends string> {
  status: S;
  index: number;
  /** Emulator time the phase began. */
  enteredAt: number;
  /** True once the last phase is reached. */
  settled: boolean;
}

export function phaseAt<S extends string>(phases: Phase<S>[], since: number, clock: Clock): PhaseAt<S> {
  let enteredAt = since;
  const now = clock.now();
  for (let index = 0; index < phases.length; index++) {
    const phase = phases[index];
    if (phase.seconds === undefined || index === phases.length - 1)
      return { status: phase.status, index, enteredAt, settled: index === phases.length - 1 };
    const end = enteredAt + clock.duration(phase.seconds);
    if (now < end) return { status: phase.status, index, enteredAt, settled: false };
    enteredAt = end;
  }
  throw new Error('phaseAt needs at least one phase');
}
