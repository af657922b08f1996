/**
 * What mentor tagging (师徒制) says when it refuses: the deals named, with the totals that
 * broke the 100% rule, and what to do instead. `{deals}` is a list like `D1 (120%), D2 (105%)`.
 */
export const MENTOR_MESSAGES = {
  mentor_shares_over: {
    en: 'Nothing was tagged: the mentors’ shares of {count} deal(s) would add up to more than 100%: {deals}. Lower the share, or lower or remove another mentor’s share on those deals first.',
    zh: '未做任何标记：{count} 个商机的师父分成合计将超过 100%：{deals}。请降低分成比例，或先降低、移除这些商机上其他师父的分成。',
  },
  mentor_deals_missing: {
    en: 'Nothing was changed: {count} deal(s) are not in the workspace (deleted, or not imported yet): {deals}. Reload the deals and select them again.',
    zh: '未做任何更改：工作区中没有 {count} 个商机（已删除或尚未导入）：{deals}。请重新加载商机后再选择。',
  },
  mentor_tag_time_invalid: {
    en: 'tags.{index}.taggedAt: "{value}" is not a time (expected an ISO timestamp such as 2026-07-01T09:30:00.000Z). Nothing was restored.',
    zh: 'tags.{index}.taggedAt：“{value}”不是有效时间（应为 ISO 时间，如 2026-07-01T09:30:00.000Z）。未恢复任何标记。',
  },
  mentor_tag_repeated: {
    en: 'tags.{index}: mentor "{mentor}" appears twice for deal {id}. Send each tag once. Nothing was restored.',
    zh: 'tags.{index}：师父“{mentor}”在商机 {id} 上出现了两次。每个标记只需发送一次。未恢复任何标记。',
  },
} as const;
