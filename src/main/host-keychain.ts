import type { HostCommand, HostReport } from '@shared/wire';
import type { SecretStore } from './backend/sync/secrets';

type Result = Extract<HostCommand, { type: 'secret-result' }>;

/**
 * The backend's side of the keychain: each encrypt or decrypt is a request to main
 * (which alone can reach Electron's safeStorage), answered by id.
 */
export class KeychainClient {
  private next = 1;
  private readonly pending = new Map<
    number,
    { resolve: (data: string) => void; reject: (e: Error) => void }
  >();

  constructor(private readonly send: (report: HostReport) => void) {}

  private ask(op: 'encrypt' | 'decrypt', data: string): Promise<string> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.send({ type: 'secret', id, op, data });
    });
  }

  settle(result: Result): void {
    const waiting = this.pending.get(result.id);
    if (!waiting) return;
    this.pending.delete(result.id);
    if (result.ok) waiting.resolve(result.data);
    else waiting.reject(new Error(`the keychain refused: ${result.error}`));
  }

  store(backend: SecretStore['backend']): SecretStore {
    return {
      backend,
      encrypt: async (text) => new Uint8Array(Buffer.from(await this.ask('encrypt', text), 'base64')),
      decrypt: (data) => this.ask('decrypt', Buffer.from(data).toString('base64')),
    };
  }
}
