import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The better-sqlite3 ABI trap: `npm install` builds the addon for Node (CLI, tests,
 * `funnel serve`); Electron needs one built for its own ABI. `scripts/electron-native.mjs`
 * builds that second copy into `.electron-native/` as
 * `better_sqlite3-electron<electron>-<better-sqlite3>-<platform>-<arch>.node`, and in
 * development the backend loads it through better-sqlite3's `nativeBinding` option.
 * A packaged app carries the same file in its resources (electron-builder.yml extraResources).
 */

export interface NativeBindingQuery {
  /** Where `.electron-native/` is: the project root in development, the resources folder when packaged. */
  root: string;
  /** Where node_modules/better-sqlite3 is (the app's own path; defaults to `root`). */
  packageRoot?: string;
  electronVersion: string;
  platform: string;
  arch: string;
}

/** The installed better-sqlite3's version, or null when it cannot be read. */
function installedSqliteVersion(root: string): string | null {
  try {
    const pkg = JSON.parse(
      readFileSync(join(root, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8'),
    ) as {
      version?: unknown;
    };
    return typeof pkg.version === 'string' ? pkg.version : null;
  } catch {
    return null;
  }
}

/**
 * The Electron build of the addon for this Electron, platform and arch: the one matching
 * the installed better-sqlite3 when present (its JavaScript and its addon must agree),
 * otherwise the newest such file. Null when none was built (offline install): the caller
 * then lets better-sqlite3 try its default build, and a failure is reported with the fix.
 */
export function findElectronNativeBinding(query: NativeBindingQuery): string | null {
  const dir = join(query.root, '.electron-native');
  const prefix = `better_sqlite3-electron${query.electronVersion}-`;
  const suffix = `-${query.platform}-${query.arch}.node`;
  let names: string[];
  try {
    names = readdirSync(dir).filter(
      (name) =>
        name.startsWith(prefix) && name.endsWith(suffix) && name.length > prefix.length + suffix.length,
    );
  } catch {
    return null;
  }
  if (names.length === 0) return null;

  const wanted = installedSqliteVersion(query.packageRoot ?? query.root);
  const exact = names.find((name) => name.slice(prefix.length, -suffix.length) === wanted);
  if (exact) return join(dir, exact);

  const newest = names
    .map((name) => {
      try {
        return { name, mtime: statSync(join(dir, name)).mtimeMs };
      } catch {
        return { name, mtime: -1 };
      }
    })
    .sort((a, b) => b.mtime - a.mtime || b.name.localeCompare(a.name))[0];
  return newest ? join(dir, newest.name) : null;
}
