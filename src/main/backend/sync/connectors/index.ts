import type { Connector, ConnectorOptions } from '../connector';
import type { CrmKind } from '../tables';
import { HubSpotConnector } from './hubspot';
import { PipedriveConnector } from './pipedrive';
import { SalesforceConnector } from './salesforce';

/** Each CRM's connector, by kind. */
const CONNECTORS: Partial<Record<CrmKind, (options: ConnectorOptions) => Connector>> = {
  hubspot: (o) => new HubSpotConnector(o),
  salesforce: (o) => new SalesforceConnector(o),
  pipedrive: (o) => new PipedriveConnector(o),
};

/** The kinds this build can sync from. */
export const SUPPORTED_CRMS = Object.keys(CONNECTORS) as CrmKind[];

export function createConnector(kind: CrmKind, options: ConnectorOptions): Connector {
  const make = CONNECTORS[kind];
  if (!make) throw new Error(`no connector for ${kind}`);
  return make(options);
}
