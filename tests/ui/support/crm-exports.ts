import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A CRM export fixture (tests/fixtures/crm) as the File a person picks, bytes as they are on disk. */
export const crmExport = (name: string): File =>
  new File([new Uint8Array(readFileSync(join(__dirname, '../../fixtures/crm', name)))], name, {
    type: 'text/csv',
  });
