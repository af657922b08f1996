import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SecretStore } from '@backend/sync/secrets';

/**
 * The desktop app's token store for UI tests: really encrypts (AES-GCM, a key per store),
 * as Electron's safeStorage does, and reports the backend it was given — `basic_text` is
 * Linux without a keyring, where the app must ask before storing a token.
 */
export function testKeychain(backend: SecretStore['backend'] = 'keychain'): SecretStore {
  const key = randomBytes(32);
  return {
    backend,
    encrypt: async (text) => {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(text, 'utf8'), c.final()]);
      return new Uint8Array(Buffer.concat([iv, c.getAuthTag(), body]));
    },
    decrypt: async (data) => {
      const b = Buffer.from(data);
      const d = createDecipheriv('aes-256-gcm', key, b.subarray(0, 12));
      d.setAuthTag(b.subarray(12, 28));
      return Buffer.concat([d.update(b.subarray(28)), d.final()]).toString('utf8');
    },
  };
}
