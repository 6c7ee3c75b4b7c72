#!/usr/bin/env node
// Installs node modules when they are missing or older than package-lock.json (first step of npm start/test).
'use strict';
const { existsSync, statSync } = require('node:fs');
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');

const root = join(__dirname, '..');
const marker = join(root, 'node_modules', '.package-lock.json');
const lock = join(root, 'package-lock.json');
const fresh = existsSync(marker) && (!existsSync(lock) || statSync(marker).mtimeMs >= statSync(lock).mtimeMs);
if (!fresh) {
  const ci = existsSync(lock) && !existsSync(join(root, 'node_modules'));
  const args = ci ? ['ci', '--no-audit', '--no-fund'] : ['install', '--no-audit', '--no-fund'];
  process.stdout.write(`Installing node modules (npm ${args[0]})…\n`);
  const r = spawnSync('npm', args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    process.stderr.write('npm could not install the dependencies; see the messages above.\n');
    process.exit(r.status || 1);
  }
}
