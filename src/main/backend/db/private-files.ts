import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';

/**
 * A pipeline is confidential and machines are shared: the workspace, its `-wal`/`-shm`
 * companions, its backups and the app's data folder are readable by their owner alone
 * (0600 files in a 0700 folder). Files are created with that mode, never created open and
 * tightened afterwards, so no other user can open them in between. On Windows the
 * user's profile folder already keeps them private and the POSIX modes mean nothing.
 */
const POSIX = process.platform !== 'win32';
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_FOLDER_MODE = 0o700;

/** Creates an empty file only its owner can read; fails if it exists (flag `wx`). */
export function createPrivateFile(path: string): void {
  closeSync(openSync(path, 'wx', PRIVATE_FILE_MODE));
}

/** Takes group and other permissions away from an existing file or folder. */
function tighten(path: string, mode: number): void {
  if (!POSIX || !existsSync(path)) return;
  const current = statSync(path).mode & 0o777;
  if ((current & 0o077) !== 0) chmodSync(path, current & mode);
}

/**
 * An existing workspace made by an older build (or copied in) is tightened on open: the
 * file and whichever companions SQLite left beside it. SQLite creates a new `-wal`/`-shm`
 * with the database file's own mode, so those follow once the file is private.
 */
export function tightenWorkspaceFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) tighten(`${path}${suffix}`, PRIVATE_FILE_MODE);
}

/** Makes (or tightens) a folder of the app's own, such as its data folder. */
export function ensurePrivateFolder(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_FOLDER_MODE });
  tighten(dir, PRIVATE_FOLDER_MODE);
}
