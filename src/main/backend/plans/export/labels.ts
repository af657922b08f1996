import type { ContactRole, PlanEvent, PlanStatus, Stance } from '@shared/contract';

/** The words of an exported plan, in the two languages the workbench speaks. */
export type Lang = 'zh-CN' | 'en';

interface PlanLabels {
  title: (deal: string) => string;
  deal: string;
  account: string;
  owner: string;
  amount: string;
  stage: string;
  stageMoved: (now: string, then: string) => string;
  stageGone: (then: string) => string;
  visitDate: string;
  status: string;
  statuses: Record<PlanStatus, string>;
  preparedBy: string;
  reviewer: string;
  reviewComment: string;
  visitGoal: string;
  exitCriteria: string;
  attendees: string;
  side: string;
  sides: { ours: string; theirs: string };
  name: string;
  role: string;
  noAttendees: string;
  objective: string;
  commitment: string;
  situation: string;
  questions: string;
  objections: string;
  objection: string;
  answer: string;
  materials: string;
  risks: string;
  none: string;
  checklist: string;
  noChecklist: string;
  belongsTo: (stage: string) => string;
  stageFit: string;
  judgedAt: (stage: string) => string;
  noWarnings: string;
  warning: (text: string, stage: string, later: boolean, current: string, calledFor: string) => string;
  nothingCalledFor: string;
  buyingCentre: string;
  title_: string;
  influence: string;
  stance: string;
  met: string;
  roles: Record<ContactRole, string>;
  stances: Record<Stance, string>;
  noContacts: string;
  gaps: string;
  noGaps: string;
  softGap: string;
  signOff: string;
  when: string;
  who: string;
  what: string;
  comment: string;
  events: Record<PlanEvent['action'], string>;
  outcome: string;
  plan: string;
  execution: string;
  objectiveMet: string;
  commitmentObtained: string;
  exitCriteriaMet: string;
  nextStep: string;
  notes: string;
  recorded: string;
  noOutcome: string;
  yes: string;
  no: string;
}

const en: PlanLabels = {
  title: (deal) => `Pre-call plan — ${deal}`,
  deal: 'Deal',
  account: 'Account',
  owner: 'Owner',
  amount: 'Amount',
  stage: 'Stage',
  stageMoved: (now, then) => `${now} (written in ${then}; judged at the deal’s stage now)`,
  stageGone: (then) => `${then} (the deal is no longer in the workspace)`,
  visitDate: 'Visit date',
  status: 'Status',
  statuses: { draft: 'Draft', submitted: 'Waiting for sign-off', approved: 'Approved', returned: 'Returned' },
  preparedBy: 'Prepared by',
  reviewer: 'Signed off by',
  reviewComment: 'Reviewer’s comment',
  visitGoal: 'Goal of a visit in this stage',
  exitCriteria: 'Exit criteria',
  attendees: 'Attendees',
  side: 'Side',
  sides: { ours: 'Ours', theirs: 'Customer' },
  name: 'Name',
  role: 'Role',
  noAttendees: 'No attendees listed.',
  objective: 'Objective of the visit',
  commitment: 'Commitment sought',
  situation: 'Situation against the requirements (the gap)',
  questions: 'Questions to ask',
  objections: 'Expected objections and answers',
  objection: 'Objection',
  answer: 'Answer',
  materials: 'Materials',
  risks: 'Risks',
  none: 'None.',
  checklist: 'Checklist',
  noChecklist: 'The checklist is empty.',
  belongsTo: (stage) => `(${stage})`,
  stageFit: 'Stage fit',
  judgedAt: (stage) => `Judged against the deal’s stage now: ${stage}.`,
  noWarnings: 'Every planned action fits the deal’s stage.',
  warning: (text, stage, later, current, calledFor) =>
    `“${text}” belongs to ${stage}, a ${later ? 'later' : 'earlier'} stage than ${current}; ${current} calls for: ${calledFor}.`,
  nothingCalledFor: 'no standard actions defined',
  buyingCentre: 'Buying centre',
  title_: 'Title',
  influence: 'Influence (1–5)',
  stance: 'Stance',
  met: 'Met',
  roles: {
    decision_maker: 'Decision maker',
    economic_buyer: 'Economic buyer',
    technical_evaluator: 'Technical evaluator',
    user: 'User',
    coach: 'Coach',
    gatekeeper: 'Gatekeeper',
  },
  stances: {
    champion: 'Champion',
    supporter: 'Supporter',
    neutral: 'Neutral',
    skeptic: 'Skeptic',
    opponent: 'Opponent',
  },
  noContacts: 'No contacts mapped yet.',
  gaps: 'Coverage gaps',
  noGaps: 'No coverage gaps at this stage.',
  softGap: '(softer)',
  signOff: 'Sign-off and history',
  when: 'When',
  who: 'Who',
  what: 'What',
  comment: 'Comment',
  events: {
    created: 'Created',
    edited: 'Edited',
    submitted: 'Submitted for sign-off',
    approved: 'Approved',
    returned: 'Returned',
    outcome: 'Outcome recorded',
    reopened: 'Reopened for editing',
  },
  outcome: 'Plan and execution',
  plan: 'Plan',
  execution: 'Execution',
  objectiveMet: 'Objective met',
  commitmentObtained: 'Commitment obtained',
  exitCriteriaMet: 'Exit criteria met',
  nextStep: 'Next step',
  notes: 'Notes',
  recorded: 'Recorded',
  noOutcome: 'The outcome of the visit is not recorded yet.',
  yes: 'Yes',
  no: 'No',
};

const zh: PlanLabels = {
  title: (deal) => `访前拜访表 — ${deal}`,
  deal: '商机',
  account: '客户',
  owner: '负责人',
  amount: '金额',
  stage: '阶段',
  stageMoved: (now, then) => `${now}（撰写时为${then}；按商机当前阶段检查）`,
  stageGone: (then) => `${then}（该商机已不在工作区中）`,
  visitDate: '拜访日期',
  status: '状态',
  statuses: { draft: '草稿', submitted: '待审核', approved: '已批准', returned: '已退回' },
  preparedBy: '填写人',
  reviewer: '审核人',
  reviewComment: '审核意见',
  visitGoal: '本阶段拜访目标',
  exitCriteria: '准出标准',
  attendees: '参与人员',
  side: '方',
  sides: { ours: '我方', theirs: '客户方' },
  name: '姓名',
  role: '角色',
  noAttendees: '未列出参与人员。',
  objective: '拜访目的',
  commitment: '期望获得的承诺',
  situation: '客户现状与要求的差距',
  questions: '要问的问题',
  objections: '预期异议与应对',
  objection: '异议',
  answer: '应对',
  materials: '资料准备',
  risks: '风险',
  none: '无。',
  checklist: '检查清单',
  noChecklist: '检查清单为空。',
  belongsTo: (stage) => `（${stage}）`,
  stageFit: '阶段匹配',
  judgedAt: (stage) => `按商机当前阶段检查：${stage}。`,
  noWarnings: '所有计划动作都与商机阶段一致。',
  warning: (text, stage, later, current, calledFor) =>
    `“${text}”属于${stage}，比${current}${later ? '更晚' : '更早'}；${current}阶段应做：${calledFor}。`,
  nothingCalledFor: '尚未定义标准动作',
  buyingCentre: '权力地图',
  title_: '职务',
  influence: '影响力（1–5）',
  stance: '态度',
  met: '已拜访',
  roles: {
    decision_maker: '决策人',
    economic_buyer: '经济决策人',
    technical_evaluator: '技术评估人',
    user: '使用者',
    coach: '教练（内线）',
    gatekeeper: '把关人',
  },
  stances: {
    champion: '倡导者',
    supporter: '支持',
    neutral: '中立',
    skeptic: '怀疑',
    opponent: '反对',
  },
  noContacts: '尚未绘制权力地图。',
  gaps: '覆盖缺口',
  noGaps: '当前阶段没有覆盖缺口。',
  softGap: '（较轻）',
  signOff: '审核与记录',
  when: '时间',
  who: '人员',
  what: '操作',
  comment: '意见',
  events: {
    created: '创建',
    edited: '修改',
    submitted: '提交审核',
    approved: '批准',
    returned: '退回',
    outcome: '记录执行结果',
    reopened: '重新打开修改',
  },
  outcome: '计划与执行',
  plan: '计划',
  execution: '执行',
  objectiveMet: '达成拜访目的',
  commitmentObtained: '获得承诺',
  exitCriteriaMet: '达到准出标准',
  nextStep: '下一步',
  notes: '备注',
  recorded: '记录',
  noOutcome: '尚未记录本次拜访的执行结果。',
  yes: '是',
  no: '否',
};

export const PLAN_LABELS: Record<Lang, PlanLabels> = { en, 'zh-CN': zh };
