import type { CompanyLogo, CompanySettings } from '@shared/contract';
import { msg } from '@shared/messages';
import { WorkbenchError } from '@shared/result';
import type { Db } from '../db/query';
import { readLogo } from './logo';
import { deleteSetting, readSetting, writeSetting } from './settings';

const NAME = 'workspace.company';
const LOGO = 'workspace.logo';

/** The workspace's company name and logo, null where unset. */
export function readCompany(ws: Db): CompanySettings {
  const name = readSetting<{ name?: unknown }>(ws, NAME, {}).name;
  return {
    name: typeof name === 'string' && name !== '' ? name : null,
    logo: readSetting<CompanyLogo | null>(ws, LOGO, null),
  };
}

export interface CompanyChange {
  name?: string | null | undefined;
  logo?: { fileName: string; base64: string } | null | undefined;
}

/**
 * Saves what the change gives (a field left out stays as it was): a name trimmed to one
 * line (blank clears it) and a logo checked by readLogo (null removes it). Everything is
 * checked before anything is written, so a refused logo leaves the name unsaved too.
 */
export function saveCompany(ws: Db, change: CompanyChange): CompanySettings {
  const name = change.name === undefined ? undefined : companyName(change.name);
  const logo = change.logo ? readLogo(change.logo.fileName, change.logo.base64) : change.logo;
  if (name !== undefined) {
    if (name === null) deleteSetting(ws, NAME);
    else writeSetting(ws, NAME, { name });
  }
  if (logo !== undefined) {
    if (logo === null) deleteSetting(ws, LOGO);
    else writeSetting(ws, LOGO, logo);
  }
  return readCompany(ws);
}

function companyName(raw: string | null): string | null {
  const name = (raw ?? '').trim();
  // A line break would split the deck's title and footer lines; tabs and the like print as boxes.
  if (/[\p{Cc}\u2028\u2029]/u.test(name))
    throw new WorkbenchError('invalid_input', msg('company_name_multiline'));
  return name === '' ? null : name;
}
