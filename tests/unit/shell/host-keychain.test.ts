import { describe, expect, it } from 'vitest';
import type { HostCommand, HostReport } from '@shared/wire';
import { KeychainClient } from '../../../src/main/host-keychain';

/** Main's side as the shell answers it, with a reversible stand-in for safeStorage. */
function mainProcess(fail = false) {
  const sent: HostReport[] = [];
  const answer = (r: Extract<HostReport, { type: 'secret' }>): HostCommand =>
    fail
      ? {
          type: 'secret-result',
          id: r.id,
          ok: false,
          error: 'Error while decrypting the ciphertext provided',
        }
      : {
          type: 'secret-result',
          id: r.id,
          ok: true,
          data:
            r.op === 'encrypt'
              ? Buffer.from(`enc:${r.data}`).toString('base64')
              : Buffer.from(r.data, 'base64').toString().slice(4),
        };
  const client: KeychainClient = new KeychainClient((report) => {
    sent.push(report);
    // Answers arrive later and out of order, as messages between processes may.
    if (report.type === 'secret')
      setTimeout(
        () => client.settle(answer(report) as Extract<HostCommand, { type: 'secret-result' }>),
        report.id % 2 ? 5 : 1,
      );
  });
  return { client, sent };
}

describe('the backend’s keychain client', () => {
  it('asks main to encrypt and decrypt, matching answers to requests by id', async () => {
    const { client, sent } = mainProcess();
    const store = client.store('keychain');
    const [a, b] = await Promise.all([store.encrypt('pat-na1-aaa'), store.encrypt('pat-na1-bbb')]);
    expect(await Promise.all([store.decrypt(b), store.decrypt(a)])).toEqual(['pat-na1-bbb', 'pat-na1-aaa']);
    expect(sent.map((r) => r.type === 'secret' && r.op)).toEqual([
      'encrypt',
      'encrypt',
      'decrypt',
      'decrypt',
    ]);
    expect(new Set(sent.map((r) => (r as { id: number }).id)).size).toBe(4);
  });

  it('turns a refusal into an error that says the keychain refused', async () => {
    const { client } = mainProcess(true);
    await expect(client.store('basic_text').decrypt(new Uint8Array([1, 2, 3]))).rejects.toThrow(
      /keychain refused/,
    );
  });
});
