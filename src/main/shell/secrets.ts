import { safeStorage } from 'electron';
import type { HostCommand } from '@shared/wire';

/**
 * CRM tokens at rest: encrypted with the operating system's keychain through Electron's
 * safeStorage (macOS Keychain, Windows DPAPI, libsecret or KWallet on Linux). The backend
 * keeps only ciphertext and asks main to encrypt or decrypt, since safeStorage exists in
 * the main process alone. Usable only after the app is ready.
 */

/**
 * What the backend is told at start-up. On Linux without a keyring Electron falls back to
 * `basic_text`, which only obscures the text: the backend says so and asks before storing.
 */
export function secretBackend(): 'keychain' | 'basic_text' | '' {
  if (!safeStorage.isEncryptionAvailable()) return '';
  if (process.platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend();
    if (backend === 'basic_text' || backend === 'unknown') return 'basic_text';
  }
  return 'keychain';
}

/** Answers one request of the backend; never logs the text. */
export function answerSecret(op: 'encrypt' | 'decrypt', id: number, data: string): HostCommand {
  try {
    const out =
      op === 'encrypt'
        ? safeStorage.encryptString(data).toString('base64')
        : safeStorage.decryptString(Buffer.from(data, 'base64'));
    return { type: 'secret-result', id, ok: true, data: out };
  } catch (e) {
    return { type: 'secret-result', id, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
