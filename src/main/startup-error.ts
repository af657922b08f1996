import { msg } from '@shared/messages';
import { appError, WorkbenchError, type AppError } from '@shared/result';

const ADDON_MISMATCH =
  /NODE_MODULE_VERSION|compiled against a different Node\.js version|invalid ELF header|not a valid Win32 application|Module did not self-register|Could not locate the bindings file|Cannot find module '[^']*\.node'/i;

/**
 * Turns whatever opening the workspace threw into a message a person can act on. A
 * better-sqlite3 addon built for the wrong runtime is recognised first (whatever wraps it:
 * opening reports any constructor failure as a corrupt file, but the file is fine and the
 * fix is a rebuild); the backend's own errors (newer build, corrupt file — they name the
 * backup) pass through unchanged; anything else names the workspace path.
 */
export function describeStartupError(error: unknown, workspacePath: string, nativeBinding: string): AppError {
  const message = error instanceof Error ? error.message : String(error);
  if (ADDON_MISMATCH.test(message)) {
    return appError(
      'internal',
      nativeBinding
        ? msg('addon_mismatch', { path: workspacePath, binding: nativeBinding, reason: message })
        : msg('addon_missing', { path: workspacePath, reason: message }),
      { path: workspacePath, nativeBinding: nativeBinding || null },
    );
  }
  if (error instanceof WorkbenchError) return error.toAppError();
  return appError('internal', msg('startup_failed', { path: workspacePath, reason: message }), {
    path: workspacePath,
  });
}
