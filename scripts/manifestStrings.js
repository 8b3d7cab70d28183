#!/usr/bin/env node
// Moves the manifest's user-facing strings (command titles, view names, welcome contents, settings
// descriptions, the walkthrough) into package.nls.json and leaves `%key%` references in package.json,
// so the Marketplace and VS Code show them in the display language once a package.nls.<lang>.json exists.
// Idempotent: strings already referenced stay; new commands and settings are moved on the next run.
// Only string values change, so package.json keeps its layout (npm's two-space JSON).
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const PACKAGE = path.join(ROOT, 'package.json');
const NLS = path.join(ROOT, 'package.nls.json');
const PREFIX = 'sagemakerWorkbench.';

const shortId = (id) => (id.startsWith(PREFIX) ? id.slice(PREFIX.length) : id);

function externalize(manifest, strings) {
  const put = (owner, field, key) => {
    const value = owner[field];
    if (typeof value !== 'string' || /^%.+%$/.test(value)) return;
    if (strings[key] !== undefined && strings[key] !== value) throw new Error(`${key} already holds another string`);
    strings[key] = value;
    owner[field] = `%${key}%`;
  };
  put(manifest, 'description', 'extension.description');
  put(manifest.capabilities?.untrustedWorkspaces ?? {}, 'description', 'capabilities.untrustedWorkspaces.description');
  const c = manifest.contributes;
  for (const cmd of c.commands ?? []) {
    put(cmd, 'title', `command.${shortId(cmd.command)}.title`);
    put(cmd, 'shortTitle', `command.${shortId(cmd.command)}.shortTitle`);
  }
  for (const views of Object.values(c.views ?? {})) {
    for (const view of views) put(view, 'name', `view.${shortId(view.id)}.name`);
  }
  for (const welcome of c.viewsWelcome ?? []) {
    const state = /== missing/.test(welcome.when ?? '')
      ? 'noCredentials'
      : /!= missing/.test(welcome.when ?? '')
        ? 'empty'
        : 'default';
    put(welcome, 'contents', `viewsWelcome.${shortId(welcome.view)}.${state}`);
  }
  for (const submenu of c.submenus ?? []) put(submenu, 'label', `submenu.${shortId(submenu.id)}.label`);
  if (c.configuration) put(c.configuration, 'title', 'configuration.title');
  for (const [name, property] of Object.entries(c.configuration?.properties ?? {})) {
    for (const field of ['description', 'markdownDescription', 'patternErrorMessage', 'deprecationMessage']) {
      put(property, field, `configuration.${shortId(name)}.${field}`);
    }
  }
  for (const walkthrough of c.walkthroughs ?? []) {
    put(walkthrough, 'title', `walkthrough.${walkthrough.id}.title`);
    put(walkthrough, 'description', `walkthrough.${walkthrough.id}.description`);
    for (const step of walkthrough.steps ?? []) {
      const base = `walkthrough.${walkthrough.id}.${step.id}`;
      put(step, 'title', `${base}.title`);
      put(step, 'description', `${base}.description`);
      if (step.media) put(step.media, 'altText', `${base}.altText`);
    }
  }
}

const text = fs.readFileSync(PACKAGE, 'utf8');
const manifest = JSON.parse(text);
if (JSON.stringify(manifest, null, 2) + '\n' !== text)
  throw new Error('package.json is not in npm layout; not rewriting it');
const strings = fs.existsSync(NLS) ? JSON.parse(fs.readFileSync(NLS, 'utf8')) : {};
externalize(manifest, strings);
fs.writeFileSync(NLS, JSON.stringify(strings, null, 2) + '\n');
fs.writeFileSync(PACKAGE, JSON.stringify(manifest, null, 2) + '\n');
console.log(`package.nls.json: ${Object.keys(strings).length} strings`);
