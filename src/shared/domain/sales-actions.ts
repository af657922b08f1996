/**
 * The standard sales actions (标准化销售动作) a visit in each open stage of the default
 * model should carry, and the goal of such a visit. Defaults from the field: a workspace
 * is seeded with them for the stages with these keys, then the manager edits them with
 * the stage model. Pure: the migration copies these texts (frozen in the migration itself)
 * and tests read them to check the rules against the default model.
 */
export interface DefaultAction {
  zh: string;
  en: string;
}

export const DEFAULT_SALES_ACTIONS: Readonly<Record<string, readonly DefaultAction[]>> = {
  need: [
    { zh: '需求挖掘', en: 'Needs discovery' },
    { zh: '现状与要求的差距（Gap）分析', en: 'Gap analysis: the current state against the requirements' },
    { zh: '行业趋势分享', en: 'Industry trends briefing' },
  ],
  solution: [
    { zh: '定制方案', en: 'Tailored solution' },
    { zh: '成功案例', en: 'Customer success stories' },
    { zh: '技术交流（商机建立后 7 天内）', en: 'Technical exchange (within 7 days of the opportunity)' },
    // A demo shows the solution to needs already confirmed: shown earlier, it sells features
    // to a customer who has not yet said what they need (the seeds' example of a misfit).
    { zh: '产品演示', en: 'Product demo' },
  ],
  proposal: [
    { zh: '报价', en: 'Quotation' },
    { zh: '竞品对比', en: 'Competitive comparison' },
    { zh: '决策链确认', en: 'Decision chain confirmed' },
  ],
  negotiation: [
    { zh: '条款', en: 'Terms' },
    { zh: '高层拜访', en: 'Executive visit' },
  ],
  contract: [
    { zh: '合同', en: 'Contract' },
    { zh: '回款计划', en: 'Payment collection plan' },
  ],
};

/** What a visit in each open stage of the default model is for ("中文 / English", as the stage texts). */
export const DEFAULT_VISIT_GOALS: Readonly<Record<string, string>> = {
  need: '确认业务痛点、现状与要求的差距和预算意向 / Confirm the pain, the gap between today and the requirements, and a budget intent',
  solution: '让关键决策人认可方案方向 / Have the key decision maker endorse the solution direction',
  proposal:
    '递交正式报价，确认决策链与比选标准 / Deliver the formal quote; confirm the decision chain and the selection criteria',
  negotiation: '与高层就商务条款达成一致 / Agree the commercial terms with the executives',
  contract: '完成合同签署并约定回款计划 / Have the contract signed and agree the payment plan',
};

/** An action's text in a language, falling back to the other when that one is empty. */
export const actionText = (a: { textZh: string; textEn: string }, lang: string): string =>
  lang.toLowerCase().startsWith('zh') ? a.textZh || a.textEn : a.textEn || a.textZh;
