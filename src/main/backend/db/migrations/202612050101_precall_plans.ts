import { sql, type Kysely } from 'kysely';

/**
 * Pre-call plans (访前拜访表) as they are built, replacing the first schema's sketch of them
 * (precall_templates, precall_template_items, precall_plans, precall_plan_items), which no
 * build ever wrote:
 *
 * - `sales_actions`: the standard sales actions (标准化销售动作) of each open stage, by
 *   stage key, in order, each in Chinese and English; ids are stable (plans refer to them);
 * - `stage_playbooks`: the goal of a visit in a stage, by stage key;
 * - `deal_contacts`: the buying centre (权力地图) of a deal, keyed by the deal's text id as
 *   its notes are, so no sync or re-import can overwrite or orphan it;
 * - `precall_plans` with their checklist (`precall_plan_items`) and history
 *   (`precall_plan_events`): each plan has a uid to travel to another workspace with its
 *   events; the deal's name, account, owner, team and amount are kept as of the last
 *   write, so a plan still reads right after its deal is deleted upstream. A checklist
 *   item keeps its text and stage when its standard action is removed (`set null`).
 *
 * Seeds the field's default actions and visit goals for the stages with the default
 * model's keys (all of them while the workspace still uses the default model, which it
 * stores only once edited). The texts are copied here, frozen: a later change of the
 * defaults in the app must not change what this migration did.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Db = Kysely<any>;

const DEFAULTS: [stage: string, goal: string, actions: [zh: string, en: string][]][] = [
  [
    'need',
    '确认业务痛点、现状与要求的差距和预算意向 / Confirm the pain, the gap between today and the requirements, and a budget intent',
    [
      ['需求挖掘', 'Needs discovery'],
      ['现状与要求的差距（Gap）分析', 'Gap analysis: the current state against the requirements'],
      ['行业趋势分享', 'Industry trends briefing'],
    ],
  ],
  [
    'solution',
    '让关键决策人认可方案方向 / Have the key decision maker endorse the solution direction',
    [
      ['定制方案', 'Tailored solution'],
      ['成功案例', 'Customer success stories'],
      ['技术交流（商机建立后 7 天内）', 'Technical exchange (within 7 days of the opportunity)'],
      ['产品演示', 'Product demo'],
    ],
  ],
  [
    'proposal',
    '递交正式报价，确认决策链与比选标准 / Deliver the formal quote; confirm the decision chain and the selection criteria',
    [
      ['报价', 'Quotation'],
      ['竞品对比', 'Competitive comparison'],
      ['决策链确认', 'Decision chain confirmed'],
    ],
  ],
  [
    'negotiation',
    '与高层就商务条款达成一致 / Agree the commercial terms with the executives',
    [
      ['条款', 'Terms'],
      ['高层拜访', 'Executive visit'],
    ],
  ],
  [
    'contract',
    '完成合同签署并约定回款计划 / Have the contract signed and agree the payment plan',
    [
      ['合同', 'Contract'],
      ['回款计划', 'Payment collection plan'],
    ],
  ],
];

export async function up(db: Db): Promise<void> {
  const statements = [
    `drop table precall_plan_items`,
    `drop table precall_plans`,
    `drop table precall_template_items`,
    `drop table precall_templates`,

    `create table sales_actions (
       id integer primary key,
       stage_key text not null,
       position integer not null,
       text_zh text not null default '',
       text_en text not null default '',
       check (text_zh <> '' or text_en <> '')
     ) strict`,
    `create index sales_actions_stage on sales_actions(stage_key, position)`,
    `create table stage_playbooks (
       stage_key text primary key,
       visit_goal text
     ) strict`,

    `create table deal_contacts (
       id integer primary key,
       deal_id text not null,
       name text not null,
       title text not null default '',
       role text not null check (role in ('decision_maker', 'economic_buyer', 'technical_evaluator',
         'user', 'coach', 'gatekeeper')),
       influence integer not null check (influence between 1 and 5),
       stance text not null check (stance in ('champion', 'supporter', 'neutral', 'skeptic', 'opponent')),
       met integer not null check (met in (0, 1)),
       note text not null default '',
       created_at integer not null,
       updated_at integer not null
     ) strict`,
    `create index deal_contacts_deal on deal_contacts(deal_id)`,

    `create table precall_plans (
       id integer primary key,
       uid text not null unique,
       deal_id text not null,
       deal_name text not null,
       account text not null default '',
       owner text not null default '',
       team text not null default '',
       amount_cents integer not null default 0,
       stage_key text not null,
       visit_date text not null,
       attendees text not null default '[]',
       objective text not null,
       commitment text not null default '',
       situation text not null default '',
       questions text not null default '[]',
       objections text not null default '[]',
       materials text not null default '',
       risks text not null default '',
       status text not null default 'draft' check (status in ('draft', 'submitted', 'approved', 'returned')),
       prepared_by text not null,
       reviewer text,
       reviewed_at integer,
       review_comment text,
       outcome_objective_met integer check (outcome_objective_met in (0, 1)),
       outcome_commitment_obtained integer check (outcome_commitment_obtained in (0, 1)),
       outcome_next_step text,
       outcome_exit_criteria_met integer check (outcome_exit_criteria_met in (0, 1)),
       outcome_notes text,
       outcome_by text,
       outcome_at integer,
       created_at integer not null,
       updated_at integer not null,
       check ((outcome_at is null) = (outcome_by is null))
     ) strict`,
    `create index precall_plans_deal on precall_plans(deal_id, visit_date)`,
    `create index precall_plans_status on precall_plans(status, visit_date)`,
    `create table precall_plan_items (
       id integer primary key,
       plan_id integer not null references precall_plans(id) on delete cascade,
       position integer not null,
       action_id integer references sales_actions(id) on delete set null,
       stage_key text,
       text text not null,
       source text not null check (source in ('stage', 'other_stage', 'coverage', 'custom')),
       done integer not null default 0 check (done in (0, 1))
     ) strict`,
    `create index precall_plan_items_plan on precall_plan_items(plan_id, position)`,
    `create index precall_plan_items_action on precall_plan_items(action_id)`,
    `create table precall_plan_events (
       id integer primary key,
       plan_id integer not null references precall_plans(id) on delete cascade,
       at integer not null,
       by text not null,
       action text not null check (action in ('created', 'edited', 'submitted', 'approved', 'returned',
         'outcome', 'reopened')),
       comment text not null default ''
     ) strict`,
    `create index precall_plan_events_plan on precall_plan_events(plan_id, at)`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);

  const stored = await sql<{ key: string }>`select key from stages where kind = 'open'`.execute(db);
  const usesDefault =
    (await sql<{ n: number }>`select count(*) as n from stages`.execute(db)).rows[0]!.n === 0;
  const open = new Set(stored.rows.map((r) => r.key));
  for (const [stage, goal, actions] of DEFAULTS) {
    if (!usesDefault && !open.has(stage)) continue;
    await sql`insert into stage_playbooks(stage_key, visit_goal) values (${stage}, ${goal})`.execute(db);
    for (const [position, [zh, en]] of actions.entries())
      await sql`insert into sales_actions(stage_key, position, text_zh, text_en)
                values (${stage}, ${position}, ${zh}, ${en})`.execute(db);
  }
}
