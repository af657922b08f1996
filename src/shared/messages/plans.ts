/**
 * What the pre-call plans, their standard actions and the buying centre say: refusals
 * naming the field and the plan, the sign-off's steps, and the coverage gaps as checklist
 * lines.
 */
export const PLAN_MESSAGES = {
  plan_deal_missing: {
    en: 'Deal {id} is not in the workspace (deleted, or not imported yet): a new plan needs a deal to prepare the visit for.',
    zh: '工作区中没有商机 {id}（已删除或尚未导入）：新的访前拜访表需要对应的商机。',
  },
  plan_missing: {
    en: 'Pre-call plan {plan} does not exist (deleted?). Reload the deal’s plans.',
    zh: '访前拜访表 {plan} 不存在（已删除？）。请重新加载该商机的拜访表。',
  },
  plan_item_missing: {
    en: 'Checklist item {item} is not on pre-call plan {plan}. Reload the plan.',
    zh: '检查项 {item} 不在访前拜访表 {plan} 中。请重新加载拜访表。',
  },
  plan_deal_changed: {
    en: 'dealId: plan {plan} is for deal {was}, not {id}. A plan stays with its deal; prepare a new one for {id}.',
    zh: 'dealId：拜访表 {plan} 属于商机 {was}，而不是 {id}。拜访表不能转给其他商机，请为 {id} 新建一份。',
  },
  plan_item_action_missing: {
    en: 'items.{index}.actionId: standard action {action} does not exist (removed from the stage’s actions?). Pick it again from the stage’s actions, or keep it as your own item.',
    zh: 'items.{index}.actionId：标准动作 {action} 不存在（已从阶段动作中删除？）。请从阶段动作中重新选择，或改为自定义项。',
  },
  plan_item_stage_missing: {
    en: 'items.{index}.stageKey: an item taken from a stage’s standard actions needs that stage.',
    zh: 'items.{index}.stageKey：来自阶段标准动作的检查项需要注明所属阶段。',
  },
  plan_submit_refused: {
    en: 'Plan {plan} cannot be submitted for sign-off: it is {status}. Only a draft or a returned plan is submitted.',
    zh: '拜访表 {plan} 无法提交审核：当前状态为{status}。只有草稿或被退回的拜访表可以提交。',
  },
  plan_review_refused: {
    en: 'Plan {plan} cannot be signed off: it is {status}, not waiting for sign-off. It must be submitted first.',
    zh: '拜访表 {plan} 无法审核：当前状态为{status}，并未等待审核。请先提交。',
  },
  plan_return_comment: {
    en: 'comment: say why plan {plan} goes back and what to change; a plan is not returned without a comment.',
    zh: 'comment：请说明退回拜访表 {plan} 的原因和需要修改的内容；退回时必须填写意见。',
  },
  plan_outcome_refused: {
    en: 'The outcome of plan {plan} is recorded once the plan is approved; it is {status}. Have it signed off first.',
    zh: '拜访表 {plan} 审核通过后才能记录执行结果；当前状态为{status}。请先完成审核。',
  },
  plan_closed: {
    en: 'Plan {plan} has its outcome recorded: it is the record of that visit and is no longer edited. Prepare a new plan for the next visit.',
    zh: '拜访表 {plan} 已记录执行结果，作为该次拜访的记录不再修改。请为下一次拜访新建拜访表。',
  },
  plan_status_draft: { en: 'a draft', zh: '草稿' },
  plan_status_submitted: { en: 'waiting for sign-off', zh: '待审核' },
  plan_status_approved: { en: 'approved', zh: '已批准' },
  plan_status_returned: { en: 'returned', zh: '已退回' },

  playbook_stage_unknown: {
    en: 'playbooks.{index}.stageKey: “{stage}” is not an open stage of the stage model. Standard actions belong to open stages.',
    zh: 'playbooks.{index}.stageKey：“{stage}”不是阶段模型中的进行中阶段。标准动作只属于进行中阶段。',
  },
  playbook_stage_twice: {
    en: 'playbooks.{index}.stageKey: stage {stage} is listed twice; list each stage once.',
    zh: 'playbooks.{index}.stageKey：阶段 {stage} 出现了两次，每个阶段只能列出一次。',
  },
  playbook_action_foreign: {
    en: 'playbooks.{index}.actions.{position}.id: action {action} is not one of stage {stage}’s actions (it belongs to {owner}, or no longer exists). Add it as a new action instead.',
    zh: 'playbooks.{index}.actions.{position}.id：动作 {action} 不属于阶段 {stage}（属于 {owner} 或已不存在）。请作为新动作添加。',
  },

  contact_deal_missing: {
    en: 'Deal {id} is not in the workspace (deleted, or not imported yet): contacts are added to a deal that exists.',
    zh: '工作区中没有商机 {id}（已删除或尚未导入）：联系人只能添加到已有的商机。',
  },
  contact_missing: {
    en: 'Contact {contact} does not exist (deleted?). Reload the buying centre.',
    zh: '联系人 {contact} 不存在（已删除？）。请重新加载权力地图。',
  },
  contact_of_deal_missing: {
    en: 'contact.id: contact {contact} is not in the buying centre of deal {id}. Reload the buying centre.',
    zh: 'contact.id：联系人 {contact} 不在商机 {id} 的权力地图中。请重新加载权力地图。',
  },

  coverage_no_decision_maker: {
    en: 'Identify the decision maker and meet them',
    zh: '识别决策人并完成拜访',
  },
  coverage_decision_maker_not_met: { en: 'Meet the decision maker {name}', zh: '拜访决策人 {name}' },
  coverage_economic_buyer_not_met: { en: 'Meet the economic buyer {name}', zh: '拜访经济决策人 {name}' },
  coverage_no_coach: { en: 'Find a coach inside the customer', zh: '在客户内部发展教练（内线）' },
} as const;
