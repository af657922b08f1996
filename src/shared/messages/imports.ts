/**
 * What an import can say about a file or a row. The backend records a key and its
 * parameters; the CLI prints the English text, the app shows the person's language.
 */
export const IMPORT_MESSAGES = {
  csv_unclosed_quote: {
    en: '{file}: a quoted cell that starts on line {line} is never closed; nothing in {file} can be read reliably',
    zh: '{file}：第 {line} 行开始的带引号单元格没有闭合，整个文件无法可靠读取',
  },
  csv_text_after_quote: {
    en: '{file} line {line}: unexpected text after a closing quote; nothing in {file} can be read reliably',
    zh: '{file} 第 {line} 行：右引号之后还有文字，整个文件无法可靠读取',
  },
  csv_quote_in_cell: {
    en: '{file} line {line}: a quote inside an unquoted cell (quote the whole cell and double the quote); nothing in {file} can be read reliably',
    zh: '{file} 第 {line} 行：未加引号的单元格里出现了引号（请给整个单元格加引号，并把其中的引号写两遍），整个文件无法可靠读取',
  },
  file_empty: {
    en: '{file} is empty: it needs a header row ({columns})',
    zh: '{file} 是空的：需要一行表头（{columns}）',
  },
  column_twice: {
    en: '{file}: column "{column}" appears twice in the header',
    zh: '{file}：表头中的列“{column}”出现了两次',
  },
  column_unknown: {
    en: '{file}: unknown column "{column}" is ignored',
    zh: '{file}：未知的列“{column}”已忽略',
  },
  columns_required: {
    en: '{file}: the header lacks the required column(s) {columns}',
    zh: '{file}：表头缺少必需的列 {columns}',
  },
  columns_missing: {
    en: '{file}: no column {columns}; left empty',
    zh: '{file}：没有列 {columns}，按空值处理',
  },
  cell_count: {
    en: 'has {cells} cells where the header has {width}',
    zh: '有 {cells} 个单元格，而表头有 {width} 列',
  },
  id_empty: { en: 'id is empty', zh: 'id 为空' },
  id_duplicate: { en: 'id "{id}" already appears on line {line}', zh: 'id“{id}”已在第 {line} 行出现过' },
  amount_invalid: { en: 'amount "{value}" is not a decimal number', zh: '金额“{value}”不是十进制数字' },
  stage_unknown: {
    en: 'stage "{value}" is not a key of the stage model ({keys})',
    zh: '阶段“{value}”不是阶段模型中的键（{keys}）',
  },
  timestamp_invalid: {
    en: '{column} "{value}" is not a timestamp (YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS]…)',
    zh: '{column}“{value}”不是有效的时间（YYYY-MM-DD 或 YYYY-MM-DDTHH:MM[:SS]…）',
  },
  day_invalid: {
    en: '{column} "{value}" is not a day (YYYY-MM-DD)',
    zh: '{column}“{value}”不是有效的日期（YYYY-MM-DD）',
  },
  category_invalid: {
    en: 'forecast_category "{value}" is not one of {allowed}',
    zh: '预测类别“{value}”不是 {allowed} 之一',
  },
  currency_other: {
    en: 'currency "{value}" on {count} row(s) differs from the workspace currency "{currency}"; amounts are never converted',
    zh: '{count} 行的币种“{value}”与工作区币种“{currency}”不同；金额不会换算',
  },
  amount_rounded: {
    en: '{count} amount(s) had digits below the cent and were rounded to the cent',
    zh: '{count} 个金额精确到分以下，已四舍五入到分',
  },
  deal_id_empty: { en: 'deal_id is empty', zh: 'deal_id 为空' },
  deal_invalid_row: {
    en: 'deal "{id}" is not imported (its row on line {line} of deals.csv is invalid)',
    zh: '商机“{id}”未导入（它在 deals.csv 第 {line} 行的记录无效）',
  },
  deal_unknown: {
    en: 'deal "{id}" is neither in deals.csv nor in the workspace',
    zh: '商机“{id}”既不在 deals.csv 中，也不在工作区中',
  },
  field_invalid: { en: 'field "{value}" is not one of {allowed}', zh: '字段“{value}”不是 {allowed} 之一' },
  history_early: {
    en: "{count} row(s) are stamped before their deal's created_at and count as stamped at created_at",
    zh: '{count} 行的时间早于商机的创建时间，按创建时间计',
  },
  mentor_empty: { en: 'mentor is empty', zh: '师父（mentor）为空' },
  share_invalid: {
    en: 'share_pct "{value}" is not a number from 0 to 100',
    zh: '分成比例 share_pct“{value}”不是 0 到 100 之间的数字',
  },
  share_over: {
    en: 'mentor "{mentor}" on deal "{id}" adds up to {total}% (more than 100)',
    zh: '师父“{mentor}”在商机“{id}”上的分成合计 {total}%（超过 100）',
  },
  deal_shares_over: {
    en: 'the mentors of deal "{id}" add up to {total}% (more than 100); its mentor rows were left out',
    zh: '商机“{id}”的师父分成合计 {total}%（超过 100），其师父行未导入',
  },
  quarter_invalid: { en: 'quarter "{value}" is not like 2026Q4', zh: '季度“{value}”的格式应类似 2026Q4' },
  quota_duplicate: {
    en: 'the quota for {quarter} / team "{team}" / owner "{owner}" already appears on line {line}',
    zh: '{quarter} / 团队“{team}” / 负责人“{owner}”的配额已在第 {line} 行出现过',
  },
  key_empty: { en: 'key is empty', zh: 'key 为空' },
  key_duplicate: { en: 'key "{value}" appears twice', zh: 'key“{value}”出现了两次' },
  order_invalid: { en: 'order "{value}" is not a number', zh: 'order“{value}”不是数字' },
  kind_invalid: {
    en: 'kind "{value}" is not one of open, won, lost',
    zh: 'kind“{value}”不是 open、won、lost 之一',
  },
  probability_invalid: {
    en: 'probability "{value}" is not a number from 0 to 1',
    zh: 'probability“{value}”不是 0 到 1 之间的数字',
  },
  dwell_invalid: {
    en: 'dwell_limit_days "{value}" is not a number ≥ 0',
    zh: 'dwell_limit_days“{value}”不是大于等于 0 的数字',
  },
  followup_invalid: {
    en: 'followup_days "{value}" is not a number ≥ 0',
    zh: 'followup_days“{value}”不是大于等于 0 的数字',
  },
  deal_synced: {
    en: 'deal "{id}" is kept in step with {source} by sync; change it in the CRM (a CSV import never overwrites a synced deal)',
    zh: '商机“{id}”由 {source} 同步维护；请在 CRM 中修改（CSV 导入不会覆盖同步来的商机）',
  },
  no_open_stage: {
    en: 'stages.csv has no open stage: a funnel needs at least one',
    zh: 'stages.csv 中没有进行中（open）的阶段：漏斗至少需要一个',
  },
  no_won_stage: {
    en: 'stages.csv has no won stage: no deal can be counted as won',
    zh: 'stages.csv 中没有赢单（won）阶段：任何商机都不会被计为赢单',
  },
  stage_dropped_history: {
    en: 'stages.csv drops stage "{stage}", which the stored history of {count} deal(s) passes through',
    zh: 'stages.csv 删除了阶段“{stage}”，但工作区中仍有 {count} 个商机的历史经过该阶段',
  },
  history_completed: {
    en: "{count} deal(s): the {field} column differs from the last {field} row of the history; a row with the column's value was added at the deal's updated_at so the table and the timeline agree",
    zh: '{count} 个商机的 {field} 列与历史中最后一条 {field} 记录不一致；已按商机的 updated_at 补上一条取列值的记录，使表格与时间线一致',
  },
  encoding_gb18030: {
    en: '{file} is not UTF-8: read as GB18030 (GBK, what spreadsheet programs on Chinese Windows save); check that the names read right',
    zh: '{file} 不是 UTF-8 编码：已按 GB18030（GBK，中文版 Windows 表格软件的默认编码）读取；请核对名称是否显示正确',
  },
  xlsx_unreadable: {
    en: '{file} cannot be read as an .xlsx workbook ({reason}); nothing was imported',
    zh: '{file} 无法作为 .xlsx 工作簿读取（{reason}），未导入任何内容',
  },
  xls_legacy: {
    en: '{file} is an old .xls workbook (or an encrypted one): save it as .xlsx or "CSV UTF-8" and import again',
    zh: '{file} 是旧版 .xls 工作簿（或已加密）：请另存为 .xlsx 或“CSV UTF-8（逗号分隔）”后再导入',
  },
  xlsx_first_sheet: {
    en: '{file}: no sheet is named "{kind}"; the first sheet, "{sheet}", was read',
    zh: '{file}：没有名为“{kind}”的工作表，已读取第一个工作表“{sheet}”',
  },
  history_inferred: {
    en: "{count} deal(s) changed since they were last imported: each change (stage, amount, close date, forecast category, owner) was added to the deal's history, inferred, at the row's updated_at (else the import time)",
    zh: '{count} 个商机自上次导入后有变化：每项变化（阶段、金额、预计成交日期、预测类别、负责人）已作为推断的历史记录加入，时间取该行的 updated_at（没有则取导入时间）',
  },
  blank_row: { en: 'an empty row; not imported', zh: '空行，未导入' },
  totals_row: {
    en: 'a totals row ({amount}, the sum of the rows above); not imported',
    zh: '合计行（{amount}，等于上面各行之和），未导入',
  },
  id_too_long: { en: 'id is longer than {max} characters', zh: 'id 超过 {max} 个字符' },
  stage_dropped: {
    en: 'stages.csv drops stage "{stage}", which {count} stored deal(s) are in',
    zh: 'stages.csv 删除了阶段“{stage}”，但工作区中仍有 {count} 个商机处于该阶段',
  },
} as const satisfies Record<string, { en: string; zh: string }>;

export type ImportMessageKey = keyof typeof IMPORT_MESSAGES;
