#!/usr/bin/env node
// The checks `ovsx publish` makes before it uploads, run offline on a packaged .vsix (ovsx has no verify command
// that works without a token and the registry): the manifest inside the .vsix read as ovsx reads it, its required
// fields and its licence; then the shape of the fields the registry shows (URLs, banner colour, semver).
'use strict';
const path = require('node:path');
const ovsx = require('ovsx');
const { readVSIXPackage } = require('ovsx/lib/zip');

async function check(vsix) {
  const manifest = await readVSIXPackage(vsix);
  ovsx.validateManifest(manifest);
  if (!(await ovsx.isLicenseOk(path.resolve(__dirname, '..', '..'), manifest))) {
    throw new Error('Open VSX accepts only licensed extensions: no license in package.json and no LICENSE file');
  }
  const problems = [];
  if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(manifest.version)) problems.push(`version ${manifest.version}`);
  for (const [field, url] of [
    ['homepage', manifest.homepage],
    ['repository', manifest.repository?.url ?? manifest.repository],
    ['bugs', manifest.bugs?.url ?? manifest.bugs],
  ]) {
    try {
      if (!/^https:$/.test(new URL(url).protocol)) problems.push(`${field} is not an https URL`);
    } catch {
      problems.push(`${field} is missing or not a URL`);
    }
  }
  if (!/^#[0-9a-fA-F]{6}$/.test(manifest.galleryBanner?.color ?? '')) problems.push('galleryBanner.color');
  if (!/\.png$/i.test(manifest.icon ?? '')) problems.push('icon is not a PNG');
  if (problems.length > 0) throw new Error(`Open VSX manifest checks: ${problems.join('; ')}`);
  return manifest;
}

module.exports = { check };

if (require.main === module) {
  check(process.argv[2]).then(
    (m) => console.log(`Open VSX checks passed for ${m.publisher}.${m.name} ${m.version}`),
    (err) => {
      console.error(err.message);
      process.exit(1);
    },
  );
}
