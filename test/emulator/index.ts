// Starts the local AWS emulator: `startEmulator()` for tests and scripts, `cli.ts` for `npm run emulator`.
import type { AddressInfo } from 'node:net';
import type { ScenarioName } from './engine/contract';
import { ScaledClock } from './engine/clock';
import { hasFullModels, preloadModels } from './engine/models';
import { EmulatorEngine } from './engine/server';
import { services, type World } from './services';
import { notebookGateway } from './services/sagemaker/jupyter/notebookGateway';

export interface EmulatorOptions {
  port?: number;
  host?: string;
  scenario?: ScenarioName;
  /** Real seconds per AWS second (1 = like AWS; tests use 0.001). */
  timeScale?: number;
  /** Record handler outputs that do not fit the model (conformance). */
  strictOutputs?: boolean;
  log?: (line: string) => void;
  /**
   * Start without botocore's full models, checking structure and required members only. Off by default:
   * a lenient emulator accepts requests AWS refuses, so tests against it prove little.
   */
  lenient?: boolean;
  /**
   * Read every service's models and settle the world at start, rather than on the first request (models are megabytes
   * of JSON; the seeded training jobs that finished write their artefacts): a benchmark that times a command's first
   * AWS call then times the command, not the emulator's first request.
   */
  warm?: boolean;
}

export interface RunningEmulator {
  url: string;
  port: number;
  world: () => World;
  engine: EmulatorEngine;
  close(): Promise<void>;
}

const SCENARIOS: ScenarioName[] = ['seeded', 'large', 'empty'];

export const MISSING_MODELS =
  "botocore's full service models are missing (Debian's python3-botocore): install them with `sudo apt-get install python3-botocore`, or start the emulator lenient (--lenient), which validates structure and required members only";

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  if (!hasFullModels() && !options.lenient) throw new Error(`emulator: ${MISSING_MODELS}`);
  const clock = new ScaledClock(options.timeScale ?? 1);
  let scenario: ScenarioName = options.scenario ?? 'seeded';
  let world = services.createWorld(clock);
  services.loadScenario(world, scenario);
  let handlers = services.buildHandlers(world);
  await world.whenReady();
  if (options.warm) {
    preloadModels();
    world.settle();
  }
  const log = options.log ?? ((line: string) => console.error(line));
  notebookGateway(world).log = log;
  if (!hasFullModels()) log(`emulator: LENIENT, as asked: ${MISSING_MODELS}`);

  let restartServer: (downMs: number) => Promise<void> = async () => undefined;
  const engine = new EmulatorEngine({
    clock,
    handlers: () => handlers,
    reset: async (name) => {
      if (name !== undefined && !SCENARIOS.includes(name as ScenarioName))
        throw new Error(`unknown scenario ${name}; one of ${SCENARIOS.join(', ')}`);
      scenario = (name as ScenarioName | undefined) ?? scenario;
      // The old world's notebook instances go away with it: their Jupyter servers stop, their folders go.
      await notebookGateway(world).close();
      world = services.createWorld(clock);
      notebookGateway(world).log = log;
      services.loadScenario(world, scenario);
      handlers = services.buildHandlers(world);
      await world.whenReady();
    },
    // A process restart as callers see it: connections refused for a while, then the same world answers again.
    restart: (downMs) => restartServer(downMs),
    describe: () => ({
      scenario,
      timeScale: clock.scale,
      fullModels: hasFullModels(),
      now: new Date(clock.now()).toISOString(),
    }),
    strictOutputs: options.strictOutputs,
    log,
    // Presigned notebook URLs lead to the instance's real Jupyter server (the current world's).
    notebooks: {
      request: (request, response, url) => notebookGateway(world).handleRequest(request, response, url),
      upgrade: (request, socket, head) => notebookGateway(world).handleUpgrade(request, socket, head),
      control: (method, route) => notebookGateway(world).control(method, route),
    },
  });
  const server = engine.createServer();
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  restartServer = async (downMs) => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    await new Promise((resolve) => setTimeout(resolve, downMs));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    log(`emulator: restarted after ${downMs} ms down`);
  };
  return {
    url: `http://${host}:${port}`,
    port,
    world: () => world,
    engine,
    // Every notebook instance's Jupyter server (and its kernels) stops with the emulator.
    close: async () => {
      const closed = new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      await notebookGateway(world).close();
      await closed;
    },
  };
}
