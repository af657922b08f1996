import type { BuyingCentre, Contact, ContactRole, CoverageGap, Stance } from '@shared/contract';
import { coverageGaps } from '@shared/domain/coverage';
import type { Stage } from '@shared/domain/stages';
import { msg } from '@shared/messages';
import { WorkbenchError } from '@shared/result';
import { formatTimestamp } from '@shared/time';
import { all, first, type Db } from '../db/query';
import { loadStages } from '../stages/model';
import { dealFacts } from './deal-facts';
import type { ContactRow } from './tables';

/**
 * The buying centre (权力地图) of a deal: the customer's people, their role, influence,
 * stance and whether we have met them. Keyed by the deal's text id like its notes, so a
 * sync or re-import that rewrites the deal never orphans it; a deal deleted upstream
 * keeps its contacts.
 */
const toContact = (r: ContactRow): Contact => ({
  id: r.id,
  dealId: r.deal_id,
  name: r.name,
  title: r.title,
  role: r.role,
  influence: r.influence,
  stance: r.stance,
  met: r.met === 1,
  note: r.note,
  updatedAt: formatTimestamp(r.updated_at),
});

/** Decision makers first, then by influence, then by name: the order the map and the export list them in. */
const ROLE_ORDER: Record<ContactRole, number> = {
  decision_maker: 0,
  economic_buyer: 1,
  technical_evaluator: 2,
  coach: 3,
  user: 4,
  gatekeeper: 5,
};
const byRole = (a: Contact, b: Contact) =>
  ROLE_ORDER[a.role] - ROLE_ORDER[b.role] ||
  b.influence - a.influence ||
  a.name.localeCompare(b.name, 'zh-CN') ||
  a.id - b.id;

/** The contacts of these deals, by deal id. */
export function contactsOf(ws: Db, dealIds: readonly string[]): Map<string, Contact[]> {
  const out = new Map<string, Contact[]>();
  for (let i = 0; i < dealIds.length; i += 500) {
    const chunk = dealIds.slice(i, i + 500);
    for (const row of all(ws, ws.db.selectFrom('deal_contacts').selectAll().where('deal_id', 'in', chunk))) {
      const list = out.get(row.deal_id) ?? [];
      list.push(toContact(row));
      out.set(row.deal_id, list);
    }
  }
  for (const list of out.values()) list.sort(byRole);
  return out;
}

/** The coverage gaps of a deal in a stage (the shared rule, over the workspace's model). */
export const gapsOf = (
  contacts: readonly Contact[],
  stage: string,
  stages: readonly Stage[],
): CoverageGap[] => coverageGaps(contacts, stage, stages);

/**
 * The buying centre with its gaps at the deal's stage now. A deal no longer in the
 * workspace at all shows its contacts with the stage given (a plan's), else none.
 */
export function buyingCentre(ws: Db, dealId: string, fallbackStage = ''): BuyingCentre {
  const deal = dealFacts(ws, dealId);
  const stageKey = deal && !deal.deleted ? deal.stage : fallbackStage || (deal?.stage ?? '');
  const contacts = contactsOf(ws, [dealId]).get(dealId) ?? [];
  return { dealId, stageKey, contacts, gaps: gapsOf(contacts, stageKey, loadStages(ws)) };
}

export interface ContactInput {
  id?: number | undefined;
  name: string;
  title: string;
  role: ContactRole;
  influence: number;
  stance: Stance;
  met: boolean;
  note: string;
}

/** Adds a contact to a deal, or edits one of its contacts when `contact.id` is given. */
export function saveContact(ws: Db, dealId: string, contact: ContactInput, now: number): BuyingCentre {
  if (!dealFacts(ws, dealId))
    throw new WorkbenchError('not_found', msg('contact_deal_missing', { id: dealId }));
  const values = {
    name: contact.name,
    title: contact.title,
    role: contact.role,
    influence: contact.influence,
    stance: contact.stance,
    met: contact.met ? 1 : 0,
    note: contact.note,
    updated_at: now,
  };
  if (contact.id !== undefined) {
    const row = first(
      ws,
      ws.db
        .updateTable('deal_contacts')
        .set(values)
        .where('id', '=', contact.id)
        .where('deal_id', '=', dealId)
        .returning('id'),
    );
    if (!row)
      throw new WorkbenchError(
        'not_found',
        msg('contact_of_deal_missing', { contact: contact.id, id: dealId }),
      );
  } else {
    first(
      ws,
      ws.db
        .insertInto('deal_contacts')
        .values({ ...values, deal_id: dealId, created_at: now })
        .returning('id'),
    );
  }
  return buyingCentre(ws, dealId);
}

/** Deletes a contact; returns it (to undo) with the centre as it is now. */
export function deleteContact(ws: Db, contactId: number): { deleted: Contact; centre: BuyingCentre } {
  const row = first(ws, ws.db.deleteFrom('deal_contacts').where('id', '=', contactId).returningAll());
  if (!row) throw new WorkbenchError('not_found', msg('contact_missing', { contact: contactId }));
  return { deleted: toContact(row), centre: buyingCentre(ws, row.deal_id) };
}
