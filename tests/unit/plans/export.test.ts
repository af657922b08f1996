import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { MinutesDocument, MinutesFile, StagePlaybook } from '@shared/contract';
import { planWorkspace, savedPlan } from './support';

/** The text of a DOCX, paragraph by paragraph (Word's runs joined). */
function docxText(base64: string): string {
  const files = unzipSync(Buffer.from(base64, 'base64'));
  const xml = strFromU8(files['word/document.xml']!);
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''))
    .join('\n')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"');
}

/** A plan for E2 (方案交流) with a contract action, a mapped centre, signed off and carried out. */
async function preparedPlan() {
  const { registry, call } = await planWorkspace();
  const contract = (await call<StagePlaybook[]>('playbook.list')).find((p) => p.stageKey === 'contract')!
    .actions[0]!;
  await call('contacts.save', {
    dealId: 'E2',
    contact: {
      name: '李总',
      title: 'CEO | 董事',
      role: 'decision_maker',
      influence: 5,
      stance: 'neutral',
      met: false,
    },
  });
  const plan = await savedPlan(registry, 'E2', {
    attendees: [
      { side: 'theirs', name: '李总', role: 'CEO' },
      { side: 'ours', name: 'Ann', role: 'AE' },
    ],
    commitment: '安排两周试用',
    situation: '现有系统无法按月对账',
    questions: ['预算何时批？'],
    objections: [{ objection: '价格 | 太高', answer: '按三年 TCO 对比' }],
    materials: '案例集',
    risks: '竞品已演示',
    items: [
      { actionId: null, text: '带上对账样例', source: 'custom', done: true },
      { actionId: contract.id, text: contract.textZh, source: 'stage' },
    ],
  });
  await call('plans.submit', { planId: plan.id, by: 'Ann' });
  await call('plans.review', {
    planId: plan.id,
    decision: 'approve',
    reviewer: '王经理',
    comment: '先确认决策人',
  });
  await call('plans.outcome', {
    planId: plan.id,
    objectiveMet: true,
    commitmentObtained: false,
    nextStep: '发送试用协议',
    exitCriteriaMet: false,
    notes: '李总同意下周再谈',
    by: 'Ann',
  });
  return { call, plan };
}

describe('plans.export', () => {
  it('writes Markdown in Chinese with every part of the plan, pipes in tables escaped', async () => {
    const { call, plan } = await preparedPlan();
    const file = await call<MinutesFile>('plans.export', { planId: plan.id, format: 'md', lang: 'zh-CN' });
    expect(file).toMatchObject({ fileName: `plan-E2-2026-03-04.md`, mime: 'text/markdown', base64: null });
    const md = file.text!;
    expect(md).toMatch(/^# 访前拜访表 — Deal E2\n/);
    for (const part of [
      '- **拜访日期:** 2026-03-04',
      '- **状态:** 已批准',
      '- **审核人:** 王经理',
      '- **审核意见:** 先确认决策人',
      '- **阶段:** 方案交流',
      '| 我方 | Ann | AE |',
      '| 客户方 | 李总 | CEO |',
      '## 期望获得的承诺\n\n安排两周试用',
      '## 客户现状与要求的差距\n\n现有系统无法按月对账',
      '- 预算何时批？',
      '| 价格 \\| 太高 | 按三年 TCO 对比 |',
      '- ☑ 带上对账样例',
      '- ☐ 合同 （合同签署）',
      '“合同”属于合同签署，比方案交流更晚；方案交流阶段应做：定制方案、成功案例、技术交流（商机建立后 7 天内）、产品演示。',
      '| 李总 | CEO \\| 董事 | 决策人 | 5 | 中立 | 否 |',
      '- 在客户内部发展教练（内线） （较轻）',
      '| 拜访目的 | 让决策人认可方案方向 | 是 |',
      '| 期望获得的承诺 | 安排两周试用 | 否 |',
      '| 下一步 |  | 发送试用协议 |',
    ])
      expect(md).toContain(part);
    // In 方案交流 an unmet decision maker is not a gap yet (vendor selection starts at 报价).
    expect(md).not.toContain('拜访决策人');
    expect(md.indexOf('| 我方 |')).toBeLessThan(md.indexOf('| 客户方 |'));
    const history = md.slice(md.indexOf('## 审核与记录'));
    expect(history).toMatch(/\| 提交审核 \|/);
    expect(history).toMatch(/\| 王经理 \| 批准 \| 先确认决策人 \|/);
  });

  it('writes a DOCX in English that reads back with the same content', async () => {
    const { call, plan } = await preparedPlan();
    const file = await call<MinutesFile>('plans.export', { planId: plan.id, format: 'docx', lang: 'en' });
    expect(file.fileName).toBe('plan-E2-2026-03-04.docx');
    expect(file.mime).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const text = docxText(file.base64!);
    for (const part of [
      'Pre-call plan — Deal E2',
      'Visit date: 2026-03-04',
      'Status: Approved',
      'Stage: Solution exchange',
      'Attendees',
      'Objective of the visit',
      '让决策人认可方案方向',
      'Commitment sought',
      'Expected objections and answers',
      '价格 | 太高',
      '☑ 带上对账样例',
      '☐ 合同 (Contract)',
      '“合同” belongs to Contract, a later stage than Solution exchange; Solution exchange calls for: Tailored solution, Customer success stories, Technical exchange (within 7 days of the opportunity), Product demo.',
      'Buying centre',
      'Decision maker',
      'Find a coach inside the customer (softer)',
      'Sign-off and history',
      'Submitted for sign-off',
      'Plan and execution',
      'Objective of the visit\n让决策人认可方案方向\nYes',
      '发送试用协议',
      '李总同意下周再谈',
    ])
      expect(text).toContain(part);
    expect(text).not.toContain('Meet the decision maker');
  });

  it('gives the same document to show and print (plans.document), and says when nothing is recorded yet', async () => {
    const { registry, call } = await planWorkspace();
    const plan = await savedPlan(registry, 'E3');
    const doc = await call<MinutesDocument>('plans.document', { planId: plan.id, lang: 'en' });
    const section = (heading: string) => doc.sections.find((s) => s.heading === heading)!;
    expect(section('Attendees')).toMatchObject({ table: { rows: [] }, empty: 'No attendees listed.' });
    expect(section('Stage fit').list).toEqual([]);
    expect(section('Stage fit').empty).toBe('Every planned action fits the deal’s stage.');
    expect(section('Buying centre').empty).toBe('No contacts mapped yet.');
    expect(section('Plan and execution')).toEqual({
      heading: 'Plan and execution',
      empty: 'The outcome of the visit is not recorded yet.',
    });
    const md = await call<MinutesFile>('plans.export', { planId: plan.id, format: 'md', lang: 'en' });
    expect(md.text).toContain('_The outcome of the visit is not recorded yet._');
  });
});
