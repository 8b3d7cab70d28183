// Scans what a test run wrote (the extension's log, the VS Code server's output, the results) for
// credentials, session tokens and presigned URLs: the fixture profiles' own secrets verbatim, and the
// shapes AWS gives them (access key ids, signed or token-bearing query strings).
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const SHAPES = [
  ['access key id', /\b(AKIA|ASIA)[A-Z0-9]{16}\b/],
  ['presigned URL signature', /X-Amz-Signature=/i],
  ['session token in a URL', /X-Amz-Security-Token=/i],
  ['Jupyter presigned auth token', /authToken=/],
  ['SigV4 Authorization header', /AWS4-HMAC-SHA256 Credential=/],
];

/** Secret values of an AWS credentials file (secret keys and session tokens). */
function fixtureSecrets(credentialsFile) {
  const text = fs.readFileSync(credentialsFile, 'utf8');
  return [...text.matchAll(/^\s*(aws_secret_access_key|aws_session_token)\s*=\s*(\S+)/gm)].map((m) => m[2]);
}

function scanForSecrets(files, credentialsFile) {
  const secrets = fixtureSecrets(credentialsFile);
  const findings = [];
  let lines = 0;
  for (const file of files.filter((f) => fs.existsSync(f))) {
    fs.readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        lines++;
        for (const secret of secrets)
          if (line.includes(secret)) findings.push(`${path.basename(file)}:${i + 1}: a fixture secret`);
        for (const [what, pattern] of SHAPES)
          if (pattern.test(line)) findings.push(`${path.basename(file)}:${i + 1}: ${what}`);
      });
  }
  return { lines, secrets: secrets.length, findings };
}

module.exports = { scanForSecrets };
