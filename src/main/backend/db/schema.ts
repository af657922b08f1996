import type { DealHistoryTable, DealsTable, OwnersTable, TeamsTable, AccountsTable } from '../deals/tables';
import type { ForecastSnapshotsTable, QuotasTable } from '../forecast/tables';
import type { ForecastAssumptionsTable } from '../forecast/horizons/tables';
import type { MentorAssignmentsTable } from '../mentors/tables';
import type { DealNotesTable } from '../notes/tables';
import type {
  DealContactsTable,
  PrecallPlanEventsTable,
  PrecallPlanItemsTable,
  PrecallPlansTable,
  SalesActionsTable,
  StagePlaybooksTable,
} from '../plans/tables';
import type { ReviewDecisionsTable, ReviewItemsTable, ReviewMeetingsTable } from '../review/tables';
import type { StagesTable } from '../stages/tables';
import type {
  CrmConnectionsTable,
  StageMappingsTable,
  SyncQuarantineTable,
  SyncRunsTable,
  SyncStateTable,
  UpstreamObjectsTable,
} from '../sync/tables';
import type { SettingsTable } from '../workspace/tables';

/**
 * Kysely's view of the tables created in migrations/, one table type per table, each
 * beside the area that owns it. The queries are written against these types, so the
 * compiler checks them; a test opens a fresh workspace and checks every table here has
 * exactly these columns, with this nullability.
 */
export interface Database {
  settings: SettingsTable;
  crm_connections: CrmConnectionsTable;
  stages: StagesTable;
  teams: TeamsTable;
  owners: OwnersTable;
  accounts: AccountsTable;
  deals: DealsTable;
  deal_history: DealHistoryTable;
  deal_notes: DealNotesTable;
  mentor_assignments: MentorAssignmentsTable;
  quotas: QuotasTable;
  review_meetings: ReviewMeetingsTable;
  review_items: ReviewItemsTable;
  review_decisions: ReviewDecisionsTable;
  sales_actions: SalesActionsTable;
  stage_playbooks: StagePlaybooksTable;
  deal_contacts: DealContactsTable;
  precall_plans: PrecallPlansTable;
  precall_plan_items: PrecallPlanItemsTable;
  precall_plan_events: PrecallPlanEventsTable;
  forecast_snapshots: ForecastSnapshotsTable;
  forecast_assumptions: ForecastAssumptionsTable;
  sync_state: SyncStateTable;
  stage_mappings: StageMappingsTable;
  upstream_objects: UpstreamObjectsTable;
  sync_runs: SyncRunsTable;
  sync_quarantine: SyncQuarantineTable;
}
