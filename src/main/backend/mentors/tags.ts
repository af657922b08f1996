import { chunks } from '../db/chunks';
import { run, type Db } from '../db/query';
import type { NewMentorTag } from './tables';

/**
 * Replaces the mentor tags of every deal named in `tags` with those tags (inside the
 * caller's transaction); deals not named keep theirs.
 */
export function replaceMentorTags(
  ws: Db,
  tags: readonly Omit<NewMentorTag, 'created_at'>[],
  now: number,
): void {
  for (const dealIds of chunks([...new Set(tags.map((t) => t.deal_id))]))
    run(ws, ws.db.deleteFrom('mentor_assignments').where('deal_id', 'in', dealIds));
  for (const batch of chunks(tags))
    run(ws, ws.db.insertInto('mentor_assignments').values(batch.map((t) => ({ ...t, created_at: now }))));
}
