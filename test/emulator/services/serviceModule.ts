import type { ScenarioName, ServiceHandlers } from '../engine/contract';
import type { World } from './world';

/** One resource family of the emulator (e.g. SageMaker notebook instances, CodePipeline). */
export interface ServiceModule {
  name: string;
  /** Handlers by service and operation; several modules may add to the same service. */
  handlers(world: World): ServiceHandlers;
  /** Puts the scenario's resources into the world. */
  seed?(world: World, scenario: ScenarioName): void;
}
