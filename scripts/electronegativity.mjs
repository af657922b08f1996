#!/usr/bin/env node
// Runs Doyensec's Electronegativity over src/ (part of `npm run lint`) and fails on any
// finding of high or critical severity. Medium and low findings are printed for review:
// the two it reports today are the app's reviewed uses of a preload script and of
// shell.openExternal (behind isSafeExternalUrl, tested with hostile URLs).
// It runs offline: its attempts to fetch translations and Electron's release list fail
// quietly, so the Electron version is passed from node_modules.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const cli = require.resolve('@doyensec/electronegativity/dist/index.js');
const electron = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const dir = mkdtempSync(join(tmpdir(), 'electronegativity-'));
const out = join(dir, 'findings.csv');
try {
  const run = spawnSync(process.execPath, [cli, '-i', 'src', '-r', '-e', electron, '-o', out], {
    encoding: 'utf8',
  });
  let text;
  try {
    text = readFileSync(out, 'utf8');
  } catch {
    console.error(
      `electronegativity wrote no findings file (exit ${run.status}):\n${run.stderr}${run.stdout}`,
    );
    process.exit(1);
  }
  // One finding per line: issue,"SEVERITY","CONFIDENCE","file","line:col",…
  const findings = text
    .split(/\r?\n/)
    .slice(1)
    .map((line) => /^([A-Z_]+),"([A-Z]+)","([A-Z]+)","([^"]*)","([^"]*)"/.exec(line))
    .filter(Boolean)
    .map(([, check, severity, confidence, file, at]) => ({ check, severity, confidence, file, at }));
  const serious = findings.filter((f) => f.severity === 'HIGH' || f.severity === 'CRITICAL');
  const bySeverity = {};
  for (const f of findings) bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;
  for (const f of serious)
    console.error(`${f.severity} ${f.check} at src/${f.file}:${f.at} (${f.confidence})`);
  const summary = Object.entries(bySeverity)
    .map(([s, n]) => `${n} ${s.toLowerCase()}`)
    .join(', ');
  if (serious.length) {
    console.error(`electronegativity: ${serious.length} high-severity finding(s) in src/ (${summary}).`);
    process.exit(1);
  }
  console.log(`electronegativity: no high-severity finding in src/ (${summary || 'none'}).`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
