import type { CrmSource } from '@shared/contract';

/** The CRMs the workbench syncs from: their names (brands, not translated) and public API addresses. */
export const CRMS: Record<CrmSource, { name: string; defaultUrl: string }> = {
  hubspot: { name: 'HubSpot', defaultUrl: 'https://api.hubapi.com' },
  // Every Salesforce org has its own instance URL: there is no address to suggest.
  salesforce: { name: 'Salesforce', defaultUrl: '' },
  pipedrive: { name: 'Pipedrive', defaultUrl: 'https://api.pipedrive.com' },
};

export const crmName = (kind: CrmSource): string => CRMS[kind].name;

/**
 * An upstream stage kept as its own is a workspace stage keyed `<crm>:<pipeline>/<stage>`;
 * such a stage cannot be the target of a mapping (the backend refuses it).
 */
export const isUpstreamStageKey = (key: string): boolean => /^(hubspot|salesforce|pipedrive):/.test(key);

/** What the contract accepts as a token variable's name. */
export const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The address the contract accepts: http(s) with a host. */
export function isCrmUrl(text: string): boolean {
  try {
    const url = new URL(text.trim());
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}
