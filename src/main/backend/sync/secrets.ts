/**
 * Where CRM tokens are kept in the desktop app: encrypted by the operating system's
 * keychain through Electron's safeStorage, which only the main process can reach, so the
 * backend asks it (see src/main/shell/secrets.ts). Browser mode and the command line have
 * none: their tokens come from environment variables only.
 */
export interface SecretStore {
  /**
   * `keychain`: really encrypted (macOS Keychain, Windows DPAPI, libsecret/kwallet).
   * `basic_text`: Linux without a keyring, where Electron only obscures the text; the
   * person is told and asked before a token is stored that way.
   */
  readonly backend: 'keychain' | 'basic_text';
  encrypt(text: string): Promise<Uint8Array>;
  decrypt(data: Uint8Array): Promise<string>;
}
