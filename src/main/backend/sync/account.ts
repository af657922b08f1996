import { SyncStop, type Connector, type UpstreamAccount } from './connector';

/**
 * Who the token belongs to. Where the CRM does not answer the account call (an endpoint
 * a reduced API, a proxy or a sandbox leaves out, or an object the token may not read),
 * the pipelines call proves the token instead, and the connection is known by its URL
 * alone: a refused token still says so, and a sync is not lost to a missing nicety.
 */
export async function whoAmI(connector: Connector, crm: string, baseUrl: string): Promise<UpstreamAccount> {
  try {
    return await connector.identify();
  } catch (e) {
    if (!(e instanceof SyncStop) || e.reason !== 'bad_response') throw e;
    await connector.reference();
    return { key: '', label: `${crm} ${hostOf(baseUrl)}` };
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
