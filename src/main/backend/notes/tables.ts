import type { Generated, Selectable } from 'kysely';

export interface DealNotesTable {
  id: Generated<number>;
  deal_id: string;
  body: string;
  created_at: number;
  updated_at: number;
}
export type NoteRecord = Selectable<DealNotesTable>;
