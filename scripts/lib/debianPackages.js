// Debian packages the project's commands need, installed on first use by whichever command needs them
// (`npm test`, `npm run sandbox`, `npm run emulator`), so a fresh clone works without `.ci/run`.
'use strict';
const fs = require('node:fs');
const { spawnSync } = require('node:child_process');

const CHROMIUM = process.env.SMW_CHROMIUM ?? '/usr/bin/chromium';
const BOTOCORE_DATA = process.env.SMW_BOTOCORE_DATA ?? '/usr/lib/python3/dist-packages/botocore/data';

function pythonImports(module) {
  return spawnSync('/usr/bin/python3', ['-c', `import ${module}`], { stdio: 'ignore' }).status === 0;
}

/** Each need: the package that satisfies it and how to tell it is there. */
const NEEDS = {
  // The real browser for the VS Code host and the end-to-end suite.
  browser: [{ pkg: 'chromium', present: () => fs.existsSync(CHROMIUM) }],
  // Kerberos headers for code-server's native module.
  hostBuild: [
    {
      pkg: 'libkrb5-dev',
      present: () => fs.existsSync('/usr/include/krb5.h') || fs.existsSync('/usr/include/krb5/krb5.h'),
    },
  ],
  // The full AWS service models (enum, length, pattern) the emulator validates every request with.
  awsModels: [{ pkg: 'python3-botocore', present: () => fs.existsSync(`${BOTOCORE_DATA}/sagemaker`) }],
  // The real Jupyter server (and kernel) behind each InService notebook instance, with the libraries the seeds'
  // notebooks use (pandas tables, matplotlib plots).
  jupyter: [
    { pkg: 'python3-notebook', present: () => pythonImports('notebook') },
    { pkg: 'python3-ipykernel', present: () => pythonImports('ipykernel') },
    { pkg: 'python3-pandas', present: () => pythonImports('pandas') },
    { pkg: 'python3-matplotlib', present: () => pythonImports('matplotlib') },
  ],
  // Independent AWS clients the emulator's conformance tests check it with.
  awsClients: [
    { pkg: 'awscli', present: () => fs.existsSync('/usr/bin/aws') },
    {
      pkg: 'python3-boto3',
      present: () => spawnSync('/usr/bin/python3', ['-c', 'import boto3'], { stdio: 'ignore' }).status === 0,
    },
  ],
};

function missingFor(needs) {
  return needs
    .flatMap((need) => NEEDS[need])
    .filter((n) => !n.present())
    .map((n) => n.pkg);
}

function installHint(packages) {
  return `sudo apt-get install ${packages.join(' ')}`;
}

/** Installs the Debian packages behind `needs` that are missing; throws with the install hint when it cannot. */
function ensureDebianPackages(needs) {
  const missing = missingFor(needs);
  if (missing.length === 0) return;
  const root = process.getuid && process.getuid() === 0;
  const hasSudo = spawnSync('sh', ['-c', 'command -v sudo'], { stdio: 'ignore' }).status === 0;
  if (!root && !hasSudo) throw new Error(`Missing Debian packages; install them with: ${installHint(missing)}`);
  const apt = root ? ['apt-get'] : ['sudo', 'apt-get'];
  console.log(`Installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', '--no-install-recommends', ...missing],
  ]) {
    const run = spawnSync(apt[0], [...apt.slice(1), ...args], { stdio: 'inherit', env });
    if (run.status !== 0) throw new Error(`apt-get ${args[0]} failed; install them with: ${installHint(missing)}`);
  }
}

module.exports = { ensureDebianPackages, missingFor, installHint };

// `node scripts/lib/debianPackages.js awsModels ...`: for npm scripts that need packages before they start.
if (require.main === module) {
  try {
    ensureDebianPackages(process.argv.slice(2));
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
