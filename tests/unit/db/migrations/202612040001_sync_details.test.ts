import { describe, expect, it } from 'vitest';
import { migrations } from '@backend/db/migrations';
import { insert, migratedTo } from './support';

const NAME = '202612040001_sync_details';

describe(`migration ${NAME}`, () => {
  it('adds the upstream stage of history rows, the deal digest and the run counters, empty or zero by default', async () => {
    expect(Object.keys(migrations)).toContain(NAME);
    const db = await migratedTo(NAME);
    insert(db, 'deals', { id: 'D1', stage: 'need', created_at: 1, updated_at: 1, stage_entered_at: 1 });
    insert(db, 'deal_history', { deal_seq: 1, field: 'stage', value: 'need', changed_at: 1 });
    insert(db, 'crm_connections', { kind: 'hubspot', base_url: 'https://api.hubapi.com', created_at: 1 });
    insert(db, 'sync_runs', { connection_id: 1, started_at: 1, status: 'done' });
    expect(db.prepare('select sync_hash from deals').get()).toEqual({ sync_hash: null });
    expect(db.prepare('select upstream_stage from deal_history').get()).toEqual({ upstream_stage: null });
    expect(db.prepare('select records, requests, retries, unchanged, phase from sync_runs').get()).toEqual({
      records: 0,
      requests: 0,
      retries: 0,
      unchanged: 0,
      phase: null,
    });
  });
});
