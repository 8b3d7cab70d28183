// Which of the manifest's commands the suites ran. Every command run through src/ui/commands.ts logs
// "Command <id>"; the integration suite captures the extension's log, and the end-to-end sessions copy the
// lines from the log VS Code wrote for the packaged extension. A command no suite ran is a command whose
// wiring (arguments from menus, trust, error display) nothing checks.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const RESULTS_DIR = process.env.SMW_RESULTS_DIR ?? path.join(ROOT, '.test-results');
const INTEGRATION_LOG = path.join(RESULTS_DIR, 'integration-extension.log');
const E2E_COMMANDS = path.join(RESULTS_DIR, 'commands-e2e.txt');
const LINE = /Command (sagemakerWorkbench\.[A-Za-z0-9.]+)/g;

function commandsIn(text) {
  return [...text.matchAll(LINE)].map((m) => m[1]);
}

/** Appends the commands an end-to-end session's extension logged (its VS Code user-data folder). */
function recordE2eCommands(userDataDir) {
  const found = new Set();
  const walk = (dir) => {
    for (const entry of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.log')) for (const id of commandsIn(fs.readFileSync(full, 'utf8'))) found.add(id);
    }
  };
  walk(path.join(userDataDir, 'logs'));
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  fs.appendFileSync(E2E_COMMANDS, [...found].map((id) => `${id}\n`).join(''));
  return found;
}

function coverage() {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const declared = manifest.contributes.commands.map((c) => c.command);
  const read = (file) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '');
  const ran = new Set([
    ...commandsIn(read(INTEGRATION_LOG)),
    ...commandsIn(read(E2E_COMMANDS).replace(/^/gm, 'Command ')),
  ]);
  return { declared, ran, missing: declared.filter((id) => !ran.has(id)) };
}

module.exports = { recordE2eCommands, coverage, E2E_COMMANDS };

// `node scripts/lib/commandCoverage.js`: the check `npm test` runs after the integration and e2e suites.
if (require.main === module) {
  const { declared, ran, missing } = coverage();
  console.log(
    `commands: ${declared.length - missing.length} of ${declared.length} in package.json were run by the integration or end-to-end suites`,
  );
  for (const id of missing) console.log(`  NOT RUN ${id}`);
  if (ran.size === 0)
    console.log(
      `  nothing recorded: run the integration and e2e suites first (${path.relative(ROOT, INTEGRATION_LOG)}, ${path.relative(ROOT, E2E_COMMANDS)})`,
    );
  process.exit(missing.length === 0 ? 0 : 1);
}
