// Entry point the VS Code host loads for `npm run bench`: the view benchmarks in this folder, run in the
// real extension host against the emulator's large scenario.
import { runSuiteIn } from '../integration/index';

export function run(): Promise<void> {
  return runSuiteIn(__dirname);
}
