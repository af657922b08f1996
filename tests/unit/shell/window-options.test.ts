import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { audiencePlacement } from '../../../src/main/shell/displays';
import { HARDENED_WEB_PREFERENCES } from '../../../src/main/shell/security';

const source = join(__dirname, '../../../src/main/shell/window.ts');

/** Each `new BrowserWindow({...})` in window.ts: its webPreferences as written (literals only). */
function windowCalls(): Record<string, unknown>[] {
  const file = ts.createSourceFile(source, readFileSync(source, 'utf8'), ts.ScriptTarget.Latest, true);
  const calls: Record<string, unknown>[] = [];
  const literal = (node: ts.Expression): unknown => {
    if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
    if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
    if (ts.isStringLiteral(node)) return node.text;
    return `<${node.getText(file)}>`;
  };
  const visit = (node: ts.Node) => {
    if (ts.isNewExpression(node) && node.expression.getText(file) === 'BrowserWindow') {
      const options = node.arguments?.[0];
      const prefs =
        options && ts.isObjectLiteralExpression(options)
          ? options.properties.find((p) => p.name?.getText(file) === 'webPreferences')
          : undefined;
      const values: Record<string, unknown> = {};
      if (prefs && ts.isPropertyAssignment(prefs) && ts.isObjectLiteralExpression(prefs.initializer))
        for (const p of prefs.initializer.properties)
          if (ts.isPropertyAssignment(p)) values[p.name.getText(file)] = literal(p.initializer);
      calls.push(values);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return calls;
}

describe('every window the shell creates', () => {
  it('spells out the hardened webPreferences at the call, and nothing that weakens them', () => {
    const calls = windowCalls();
    expect(calls).toHaveLength(2); // the workbench and a review's audience view
    for (const prefs of calls) {
      expect(prefs).toEqual({ ...HARDENED_WEB_PREFERENCES, preload: '<options.preload>' });
      for (const key of ['nodeIntegrationInSubFrames', 'experimentalFeatures', 'enableBlinkFeatures'])
        expect(prefs[key]).toBeUndefined();
    }
  });
});

describe('audiencePlacement', () => {
  const laptop = { id: 1, bounds: { x: 0, y: 0, width: 1440, height: 900 } };
  const projector = { id: 2, bounds: { x: 1440, y: 0, width: 1920, height: 1080 } };
  const small = { id: 3, bounds: { x: -1024, y: 0, width: 1024, height: 768 } };

  it('goes full screen on the largest display that is not the main window’s', () => {
    expect(audiencePlacement([laptop, small, projector], 1)).toEqual({
      bounds: projector.bounds,
      fullscreen: true,
    });
    expect(audiencePlacement([laptop, projector], 2)).toEqual({ bounds: laptop.bounds, fullscreen: true });
  });

  it('opens beside the main window when there is one display', () => {
    expect(audiencePlacement([laptop], 1)).toEqual({
      bounds: { x: 160, y: 180, width: 1280, height: 720 },
      fullscreen: false,
    });
  });
});
