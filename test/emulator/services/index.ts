// The emulator's services: the world, scenario seeding and every module's handlers merged.
import type { Clock, OperationHandler, ScenarioName, ServiceHandlers, ServicesModule } from '../engine/contract';
import { SERVICE_MODULES } from './modules';
import { World } from './world';

export function createWorld(clock: Clock): World {
  return new World(clock);
}

export function loadScenario(world: World, name: ScenarioName): void {
  for (const module of SERVICE_MODULES) module.seed?.(world, name);
}

export function buildHandlers(world: World): ServiceHandlers {
  const merged: ServiceHandlers = {};
  for (const module of SERVICE_MODULES) {
    for (const [service, handlers] of Object.entries(module.handlers(world))) {
      const key = service as keyof ServiceHandlers;
      const settled = Object.fromEntries(
        Object.entries(handlers).map(([operation, handler]) => [
          operation,
          ((input, ctx) => (world.settle(), handler(input, ctx))) as OperationHandler,
        ]),
      );
      merged[key] = { ...merged[key], ...settled };
    }
  }
  return merged;
}

export const services: ServicesModule<World> = { createWorld, loadScenario, buildHandlers };
export { World };
