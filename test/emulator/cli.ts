// `npm run emulator [-- --port 4599 --scenario seeded --time-scale 0.05]`: the emulator alone.
import { parseArgs } from 'node:util';
import type { ScenarioName } from './engine/contract';
import { startEmulator } from './index';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.SMW_EMULATOR_PORT ?? '4599' },
      host: { type: 'string', default: '127.0.0.1' },
      scenario: { type: 'string', default: 'seeded' },
      'time-scale': { type: 'string', default: '0.05' },
      lenient: { type: 'boolean', default: false },
    },
  });
  const emulator = await startEmulator({
    port: Number(values.port),
    host: values.host,
    scenario: values.scenario as ScenarioName,
    timeScale: Number(values['time-scale']),
    lenient: values.lenient,
  });
  console.log(
    `SageMaker Workbench emulator listening on ${emulator.url} (scenario ${values.scenario}, time scale ${values['time-scale']})`,
  );
  console.log(
    `Try: AWS_ACCESS_KEY_ID=x AWS_SECRET_ACCESS_KEY=x aws --endpoint-url ${emulator.url} --region us-east-1 sagemaker list-notebook-instances`,
  );
  const stop = () => {
    void emulator.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
