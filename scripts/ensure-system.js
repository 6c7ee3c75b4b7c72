#!/usr/bin/env node
// Checks the system packages the tests need (Chromium, LibreOffice, Thai and CJK fonts, poppler); installs them
// with apt-get when missing and running as root, else stops with a message naming what to install.
'use strict';
const { spawnSync } = require('node:child_process');

const has = (cmd, args = ['--version']) => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
/** Whether fontconfig knows a font for `lang` whose family matches `family`. */
const fontFor = (lang, family) => () => {
  const r = spawnSync('fc-list', [`:lang=${lang}`, 'family'], { encoding: 'utf8' });
  return r.status === 0 && family.test(r.stdout);
};
const fontInstalled = fontFor('th', /Laksaman/i);
// The partner-language documents (Korean, Chinese, Japanese) use Noto Serif CJK; without it LibreOffice draws boxes.
const cjkInstalled = () =>
  fontFor('ko', /Noto Serif CJK KR/)() &&
  fontFor('zh-cn', /Noto Serif CJK SC/)() &&
  fontFor('ja', /Noto Serif CJK JP/)();

const needs = [
  { pkg: 'chromium', ok: () => has('chromium', ['--version']) },
  { pkg: 'libreoffice-writer-nogui', ok: () => has('soffice', ['--version']) },
  // Calc: the statistics' .xlsx is opened in LibreOffice to check it shows the page's figures.
  { pkg: 'libreoffice-calc-nogui', ok: () => has('dpkg', ['-s', 'libreoffice-calc-nogui']) },
  { pkg: 'fonts-thai-tlwg', ok: fontInstalled },
  { pkg: 'fonts-noto-cjk', ok: cjkInstalled },
  { pkg: 'poppler-utils', ok: () => has('pdftotext', ['-v']) },
  // LibreOffice's Python bridge: the import tests annotate our files with LibreOffice as a reviewer would.
  { pkg: 'python3-uno', ok: () => has('/usr/bin/python3', ['-c', 'import uno']) },
];

const missing = needs.filter((n) => !n.ok()).map((n) => n.pkg);
if (missing.length === 0) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && has('apt-get', ['--version'])) {
  process.stdout.write(`Installing system packages the tests need: ${missing.join(', ')}…\n`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const install =
    update.status === 0 &&
    spawnSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env });
  if (install && install.status === 0 && needs.every((n) => n.ok())) process.exit(0);
}
process.stderr.write(
  `\nThe tests need these system packages, which are missing: ${missing.join(' ')}\n` +
    `Install them (Debian/Ubuntu): sudo apt-get install ${missing.join(' ')}\n`,
);
process.exit(1);
