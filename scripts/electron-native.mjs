#!/usr/bin/env node
// Builds a second copy of better-sqlite3's native addon for Electron's ABI, beside the
// Node build that `npm install` already made. Node (CLI, tests, `funnel serve`) loads the
// normal addon; the Electron backend loads this copy through better-sqlite3's
// `nativeBinding` option. So one `npm install` serves both, with no rebuilding back and
// forth (the classic "was compiled against a different NODE_MODULE_VERSION" trap).
//
// It needs Electron's headers or a prebuilt addon from the internet. Offline (or on a
// machine that only runs the CLI) it warns and carries on; `--required` (used by
// `npm start`) turns the warning into an error, because the desktop app can't open a
// database without it.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const required = process.argv.includes('--required');
const require = createRequire(join(root, 'package.json'));

function fail(message) {
  if (required) {
    console.error(`electron-native: ${message}`);
    process.exit(1);
  }
  console.warn(
    `electron-native: ${message} (the CLI, tests and browser mode do not need it; \`npm start\` will try again)`,
  );
  process.exit(0);
}

let electronVersion;
let sqliteVersion;
try {
  electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  sqliteVersion = JSON.parse(readFileSync(require.resolve('better-sqlite3/package.json'), 'utf8')).version;
} catch {
  fail('electron or better-sqlite3 is not installed yet');
}

const outDir = join(root, '.electron-native');
const target = join(
  outDir,
  `better_sqlite3-electron${electronVersion}-${sqliteVersion}-${process.platform}-${process.arch}.node`,
);
if (existsSync(target)) process.exit(0);

const work = join(outDir, 'build');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
cpSync(dirname(require.resolve('better-sqlite3/package.json')), work, {
  recursive: true,
  filter: (src) => !src.includes(`${join('better-sqlite3', 'build')}`),
});

// npm on some machines is configured to build against Node's own headers (nodedir);
// that would silently produce a Node-ABI addon here, so drop it for this build.
const env = { ...process.env };
for (const key of Object.keys(env)) if (key.toLowerCase() === 'npm_config_nodedir') delete env[key];

const run = (cmd, args) =>
  spawnSync(cmd, args, {
    cwd: work,
    env,
    stdio: 'inherit',
    timeout: 300_000,
    shell: process.platform === 'win32',
  });

const common = [`--runtime=electron`, `--target=${electronVersion}`, `--arch=${process.arch}`];
let built = false;
try {
  const prebuild = require.resolve('prebuild-install/bin.js', { paths: [work, root] });
  built = run(process.execPath, [prebuild, ...common]).status === 0;
} catch {
  built = false;
}
if (!built) {
  let nodeGyp;
  try {
    nodeGyp = require.resolve('node-gyp/bin/node-gyp.js', {
      paths: [root, dirname(process.env.npm_execpath ?? '')],
    });
  } catch {
    nodeGyp = undefined;
  }
  if (nodeGyp) {
    built =
      run(process.execPath, [
        nodeGyp,
        'rebuild',
        '--release',
        ...common,
        '--dist-url=https://electronjs.org/headers',
      ]).status === 0;
  }
}
const addon = join(work, 'build', 'Release', 'better_sqlite3.node');
if (!built || !existsSync(addon)) {
  rmSync(work, { recursive: true, force: true });
  fail(`could not build better-sqlite3 ${sqliteVersion} for Electron ${electronVersion}`);
}
copyFileSync(addon, target);
rmSync(work, { recursive: true, force: true });
console.log(`electron-native: built ${target}`);
