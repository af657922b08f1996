/**
 * What the backend, the transports and the command line's file handling can refuse or
 * fail with. A parameter may itself be a message (a reason, a restore hint), rendered in
 * the same language.
 */
export const ERROR_MESSAGES = {
  // --- the registry and the transports ------------------------------------------------
  channel_unknown: { en: 'Unknown channel "{channel}".', zh: '未知的接口“{channel}”。' },
  input_invalid: { en: 'Invalid input for {channel}: {where}.', zh: '{channel} 的输入无效：{where}。' },
  request_malformed: { en: 'Malformed request ({where}).', zh: '请求格式错误（{where}）。' },
  request_unsendable: {
    en: 'The request for {channel} could not be sent: {reason}',
    zh: '无法发送 {channel} 的请求：{reason}',
  },
  channel_failed: { en: '{channel} failed: {reason}', zh: '{channel} 失败：{reason}' },
  busy: {
    en: 'busy: {activity} is running; try again when it has finished.',
    zh: '正忙：{activity}正在进行，请在完成后重试。',
  },
  busy_elsewhere: {
    en: 'busy: another program (such as `funnel` on the command line) is writing this workspace; try again when it has finished.',
    zh: '正忙：另一个程序（例如命令行中的 `funnel`）正在写入此工作区，请在完成后重试。',
  },
  answer_unsendable: {
    en: 'The answer could not be sent to the window: {reason}',
    zh: '结果无法发送到窗口：{reason}',
  },
  answer_unreadable: { en: 'The backend sent an unreadable answer.', zh: '数据服务返回了无法读取的结果。' },
  service_restarted: {
    en: 'The data service restarted while this request was running. Please try again.',
    zh: '处理此请求时数据服务重新启动了，请重试。',
  },
  service_stopped: {
    en: 'The data service stopped while this request was running. Please try again.',
    zh: '处理此请求时数据服务停止了，请重试。',
  },
  server_unreachable: {
    en: 'The workbench server cannot be reached. Is `funnel serve` still running?',
    zh: '无法连接工作台服务器。`funnel serve` 是否仍在运行？',
  },
  session_expired: {
    en: 'The session has expired. Open the URL printed by `funnel serve` again.',
    zh: '会话已过期。请重新打开 `funnel serve` 打印的地址。',
  },
  server_unreadable: {
    en: 'The workbench server answered HTTP {status} without a readable result.',
    zh: '工作台服务器返回了 HTTP {status}，但没有可读取的结果。',
  },

  // --- what a writing channel is doing (the {activity} of `busy`) ------------------------
  activity_import: { en: 'an import', zh: '导入' },
  activity_notes: { en: 'saving a note', zh: '保存备注' },
  activity_preferences: { en: 'saving the settings', zh: '保存设置' },
  activity_demo: { en: 'generating the demo data', zh: '生成演示数据' },
  activity_sync: { en: 'a CRM sync', zh: 'CRM 同步' },
  activity_meeting: { en: 'saving the meeting', zh: '保存会议' },
  activity_stages: { en: 'saving the stage model', zh: '保存阶段模型' },
  activity_plans: { en: 'saving a pre-call plan', zh: '保存访前拜访表' },
  activity_mentors: { en: 'saving mentor tags', zh: '保存师徒标记' },
  activity_quotas: { en: 'saving quotas', zh: '保存业绩目标' },
  activity_snapshots: { en: 'taking a forecast snapshot', zh: '记录预测快照' },

  // --- the workspace file ----------------------------------------------------------------
  workspace_missing: {
    en: 'No workspace at {path}. Create one with `funnel demo --db {file}` or `funnel import --db {file} --deals deals.csv`.',
    zh: '{path} 处没有工作区。请用 `funnel demo --db {file}` 或 `funnel import --db {file} --deals deals.csv` 创建一个。',
  },
  workspace_corrupt: {
    en: '{path} cannot be opened as a workspace: {reason}. Nothing was changed. {restore}',
    zh: '{path} 无法作为工作区打开：{reason}。没有做任何更改。{restore}',
  },
  corrupt_integrity: {
    en: 'SQLite\'s integrity check reports "{result}"',
    zh: 'SQLite 完整性检查报告“{result}”',
  },
  corrupt_empty: { en: 'the file is empty (no workspace tables)', zh: '文件是空的（没有工作区数据表）' },
  corrupt_foreign: {
    en: 'it is a SQLite database of another program, not a Funnel Workbench workspace',
    zh: '它是其他程序的 SQLite 数据库，不是漏斗工作台的工作区',
  },
  restore_backup: {
    en: 'The newest backup is {backup}: copy it over {path} to restore it.',
    zh: '最新的备份是 {backup}：把它复制并覆盖 {path} 即可恢复。',
  },
  restore_none: {
    en: 'Restore it from a backup, or create a new workspace with `funnel demo` or `funnel import`.',
    zh: '请从备份恢复，或用 `funnel demo` 或 `funnel import` 创建新的工作区。',
  },
  workspace_unopenable: { en: 'Cannot open {path}: {reason}', zh: '无法打开 {path}：{reason}' },
  workspace_from_newer_build: {
    en: '{path} was written by a newer version of Funnel Workbench (schema {schema}; this version knows up to {supported}). It was not opened or changed. Update Funnel Workbench to open it. A copy is kept at {backup}.',
    zh: '{path} 由更新版本的漏斗工作台写入（数据结构 {schema}；本版本最高支持 {supported}）。文件没有被打开或更改。请更新漏斗工作台后再打开。副本保存在 {backup}。',
  },
  workspace_prerelease: {
    en: '{path} was written by a pre-release build of Funnel Workbench whose file format is no longer supported. It was not opened or changed. Create a new workspace (`funnel demo`, or `funnel import` with your CSV files).',
    zh: '{path} 由漏斗工作台的预发布版本写入，其文件格式已不再支持。文件没有被打开或更改。请创建新的工作区（`funnel demo`，或用 `funnel import` 导入您的 CSV 文件）。',
  },
  migration_failed: {
    en: 'Updating {path} to the current schema failed in migration {migration}: {reason}.',
    zh: '将 {path} 升级到当前数据结构时，迁移 {migration} 失败：{reason}。',
  },
  migration_failed_backup: {
    en: 'Updating {path} to the current schema failed in migration {migration}: {reason}. The workspace as it was before is at {backup}.',
    zh: '将 {path} 升级到当前数据结构时，迁移 {migration} 失败：{reason}。升级前的工作区保存在 {backup}。',
  },
  backup_exists: {
    en: '{path} already exists; choose another file name.',
    zh: '{path} 已存在，请换一个文件名。',
  },
  addon_mismatch: {
    en: 'The database engine (better-sqlite3) could not be loaded for this version of Electron, so the workspace at {path} was not opened (the file itself was not touched). The addon at {binding} could not be loaded: delete it if it exists and run `node scripts/electron-native.mjs --required` to rebuild it. ({reason})',
    zh: '无法为当前版本的 Electron 加载数据库引擎（better-sqlite3），因此没有打开 {path} 处的工作区（文件本身未被改动）。无法加载 {binding} 处的组件：如果它存在请删除，然后运行 `node scripts/electron-native.mjs --required` 重新构建。（{reason}）',
  },
  addon_missing: {
    en: 'The database engine (better-sqlite3) could not be loaded for this version of Electron, so the workspace at {path} was not opened (the file itself was not touched). In development, run `node scripts/electron-native.mjs --required` (it builds the Electron copy of the addon); a packaged app needs reinstalling. ({reason})',
    zh: '无法为当前版本的 Electron 加载数据库引擎（better-sqlite3），因此没有打开 {path} 处的工作区（文件本身未被改动）。开发环境中请运行 `node scripts/electron-native.mjs --required`（它会为 Electron 构建该组件）；安装版需要重新安装。（{reason}）',
  },
  startup_failed: {
    en: 'Funnel Workbench could not open the workspace at {path}: {reason}',
    zh: '漏斗工作台无法打开 {path} 处的工作区：{reason}',
  },

  // --- deals and notes -----------------------------------------------------------------
  deal_missing: {
    en: 'There is no deal with id "{id}" in this workspace.',
    zh: '此工作区中没有 id 为“{id}”的商机。',
  },
  note_deal_missing: {
    en: 'There is no deal with id "{id}" to add a note to.',
    zh: '没有 id 为“{id}”的商机，无法添加备注。',
  },
  note_of_deal_missing: {
    en: 'Note {note} of deal "{id}" no longer exists.',
    zh: '商机“{id}”的备注 {note} 已不存在。',
  },
  note_missing: { en: 'Note {note} no longer exists.', zh: '备注 {note} 已不存在。' },

  // --- the stage model (the stage-model screen; {stage} is the stage's key) ---------------
  stages_invalid: {
    en: 'The stage model was not saved: {count} problem(s). First: {first}',
    zh: '阶段模型没有保存：有 {count} 个问题。第一个：{first}',
  },
  stage_key_empty: { en: 'Stage {position}: the key is empty.', zh: '第 {position} 个阶段：键为空。' },
  stage_key_duplicate: {
    en: 'Stage "{stage}": another stage has the same key.',
    zh: '阶段“{stage}”：另一个阶段使用了相同的键。',
  },
  stage_field_empty: { en: 'Stage "{stage}": {field} is empty.', zh: '阶段“{stage}”：{field}为空。' },
  stage_probability_range: {
    en: 'Stage "{stage}": the probability must be from 0% to 100%, not {value}%.',
    zh: '阶段“{stage}”：赢率必须在 0% 到 100% 之间，而不是 {value}%。',
  },
  stage_days_negative: {
    en: 'Stage "{stage}": {field} must be 0 days or more (or empty for none), not {value}.',
    zh: '阶段“{stage}”：{field}必须大于等于 0 天（留空表示不设），而不是 {value}。',
  },
  stage_order_duplicate: {
    en: 'Stage "{stage}": its order {order} is also the order of stage "{other}".',
    zh: '阶段“{stage}”：顺序 {order} 与阶段“{other}”的顺序相同。',
  },
  stage_in_use_removed: {
    en: 'Stage "{stage}" cannot be removed or have its key changed: {deals} deal(s) are in it (deleted ones included) and the stage history of {history} deal(s) passes through it.',
    zh: '阶段“{stage}”不能删除，也不能修改键：有 {deals} 个商机处于该阶段（含已删除的商机），{history} 个商机的阶段历史经过该阶段。',
  },
  stage_kind_in_use: {
    en: 'Stage "{stage}": the kind cannot change from {from} to {to}: {deals} deal(s) are in it and the stage history of {history} deal(s) passes through it, and they would be counted differently.',
    zh: '阶段“{stage}”：类型不能从{from}改为{to}：有 {deals} 个商机处于该阶段，{history} 个商机的阶段历史经过该阶段，改动会改变它们的统计方式。',
  },
  stages_no_open: {
    en: 'The stage model needs at least one open stage: a funnel needs one.',
    zh: '阶段模型至少需要一个进行中的阶段：漏斗至少需要一个。',
  },
  stages_no_won: {
    en: 'The stage model needs at least one won stage: otherwise no deal can be counted as won.',
    zh: '阶段模型至少需要一个赢单阶段：否则任何商机都不会被计为赢单。',
  },
  stages_no_lost: {
    en: 'The stage model needs at least one lost stage: otherwise no deal can be counted as lost.',
    zh: '阶段模型至少需要一个输单阶段：否则任何商机都不会被计为输单。',
  },
  stage_kind_open: { en: 'open', zh: '进行中' },
  stage_kind_won: { en: 'won', zh: '赢单' },
  stage_kind_lost: { en: 'lost', zh: '输单' },
  stage_field_name_zh: { en: 'the Chinese name', zh: '中文名称' },
  stage_field_name_en: { en: 'the English name', zh: '英文名称' },
  stage_field_probability: { en: 'the probability', zh: '赢率' },
  stage_field_dwell: { en: 'the dwell limit', zh: '停留上限' },
  stage_field_followup: { en: 'the follow-up cadence', zh: '跟进周期' },

  // --- imports and exports ---------------------------------------------------------------
  import_nothing: {
    en: 'Choose at least one file to import (deals.csv, history.csv, stages.csv, mentors.csv or quotas.csv).',
    zh: '请至少选择一个要导入的文件（deals.csv、history.csv、stages.csv、mentors.csv 或 quotas.csv）。',
  },
  import_refused: {
    en: 'The import has {count} error(s); nothing was imported. First: {first}. Fix those rows, or import only the valid rows (--skip-invalid, or "Import valid rows" in the app).',
    zh: '导入有 {count} 个错误，没有导入任何数据。第一个：{first}。请修正这些行，或只导入有效的行（--skip-invalid，或在应用中选择“导入有效行”）。',
  },
  import_refused_file: {
    en: 'The import has {count} error(s); nothing was imported. First: {first}. Fix the file and import again.',
    zh: '导入有 {count} 个错误，没有导入任何数据。第一个：{first}。请修正文件后重新导入。',
  },
  issue_at: { en: '{file}.csv line {line}: {issue}', zh: '{file}.csv 第 {line} 行：{issue}' },
  issue_in: { en: '{file}.csv: {issue}', zh: '{file}.csv：{issue}' },
  issue_at_sheet: {
    en: 'sheet "{sheet}" row {line}: {issue}',
    zh: '工作表“{sheet}”第 {line} 行：{issue}',
  },
  import_stopped: {
    en: 'The import stopped: {reason}. Nothing was imported.',
    zh: '导入中止：{reason}。没有导入任何数据。',
  },
  import_failed: { en: 'The import failed: {reason}', zh: '导入失败：{reason}' },
  file_missing: { en: '{label}: no file at {path}.', zh: '{label}：{path} 处没有文件。' },
  file_not_file: { en: '{label}: {path} is not a file.', zh: '{label}：{path} 不是文件。' },
  file_too_large: {
    en: '{label}: {path} is larger than {max} MiB; nothing was imported.',
    zh: '{label}：{path} 超过 {max} MiB，未导入任何内容。',
  },
  file_unwritable: { en: 'Cannot write {path}: {reason}', zh: '无法写入 {path}：{reason}' },
  folder_missing: {
    en: 'The folder {path} does not exist; nothing was written. Create it or choose another --out.',
    zh: '文件夹 {path} 不存在，未写入任何内容。请先创建它或另选 --out。',
  },

  // --- the workspace's company (name and logo, for the quarterly deck) --------------------
  company_name_multiline: {
    en: 'The company name must be one line of text, without line breaks or control characters.',
    zh: '公司名称必须是一行文字，不能包含换行或控制字符。',
  },
  logo_not_base64: {
    en: '{file}: the logo did not arrive as base64 data; nothing was saved.',
    zh: '{file}：标志文件未以 base64 数据传来，未保存任何内容。',
  },
  logo_empty: {
    en: '{file} is empty (0 bytes). Choose the logo image itself: PNG, JPEG or SVG.',
    zh: '{file} 是空文件（0 字节）。请选择标志图片本身：PNG、JPEG 或 SVG。',
  },
  logo_too_large: {
    en: '{file} is {size}; a logo can be at most {max}. Save a smaller copy (about 1000 pixels across is plenty) and choose it again.',
    zh: '{file} 大小为 {size}，标志最大 {max}。请另存一份更小的图片（宽约 1000 像素即可）后重新选择。',
  },
  logo_type: {
    en: '{file} is not a PNG, JPEG or SVG image (its first bytes: {start}). Save the logo in one of those formats and choose it again.',
    zh: '{file} 不是 PNG、JPEG 或 SVG 图片（文件开头：{start}）。请将标志另存为这几种格式之一后重新选择。',
  },
  logo_unreadable: {
    en: '{file} cannot be read as {type}: {reason}. Export it again from the program that made it.',
    zh: '{file} 无法按 {type} 图片读取：{reason}。请用制作它的软件重新导出。',
  },
  // The {reason} of logo_unreadable.
  logo_truncated: { en: 'the file is cut short', zh: '文件不完整' },
  logo_zero_size: { en: 'its size is 0 pixels', zh: '图片尺寸为 0 像素' },
  logo_segments_broken: { en: 'its segments are broken', zh: '文件的数据段已损坏' },
  logo_no_size: { en: 'it gives no image size', zh: '没有给出图片尺寸' },
  logo_svg_invalid: { en: 'its XML is not valid SVG ({detail})', zh: '其 XML 不是有效的 SVG（{detail}）' },

  // --- funnel reviews --------------------------------------------------------------------
  review_missing: { en: 'Review {id} no longer exists.', zh: '回顾会议 {id} 已不存在。' },
  review_item_missing: { en: 'Agenda item {id} no longer exists.', zh: '议程项 {id} 已不存在。' },
  review_decision_missing: { en: 'Decision {id} no longer exists.', zh: '决定 {id} 已不存在。' },
  review_not_draft: {
    en: 'Review "{title}" has already started; its agenda can no longer be changed.',
    zh: '回顾会议“{title}”已经开始，议程不能再修改。',
  },
  review_not_running: {
    en: 'Review "{title}" is not running: start it first (an ended review is read-only).',
    zh: '回顾会议“{title}”不在进行中：请先开始会议（已结束的会议为只读）。',
  },
  review_ended: {
    en: 'Review "{title}" has ended and is read-only.',
    zh: '回顾会议“{title}”已结束，为只读。',
  },
  review_empty: {
    en: 'Review "{title}" has nothing on its agenda and no follow-ups: add a deal or a rep first.',
    zh: '回顾会议“{title}”的议程为空，也没有待跟进事项：请先添加商机或销售。',
  },
  review_position: {
    en: 'Review "{title}" has {count} slides; there is no slide {position}.',
    zh: '回顾会议“{title}”共有 {count} 页，没有第 {position} 页。',
  },
  review_not_follow_up: {
    en: 'Next step {id} is not one of the follow-ups this review took up.',
    zh: '后续行动 {id} 不在本次会议跟进的事项中。',
  },
  review_deal_unknown: {
    en: 'There is no deal with id "{id}" in this workspace to put on the agenda.',
    zh: '此工作区中没有 id 为“{id}”的商机，无法加入议程。',
  },
  review_compare_scope: {
    en: 'Reviews {a} and {b} are of different scopes; only reviews of the same team and reps can be compared.',
    zh: '回顾会议 {a} 和 {b} 的范围不同；只能比较同一团队和销售的会议。',
  },

  // --- the demo --------------------------------------------------------------------------
  demo_deals_range: {
    en: '--deals must be a whole number from 1 to {max}, not {value}.',
    zh: '--deals 必须是 1 到 {max} 之间的整数，而不是 {value}。',
  },
  demo_seed: { en: '--seed must be a whole number, not {value}.', zh: '--seed 必须是整数，而不是 {value}。' },
  demo_today: {
    en: '--today must be a calendar day written YYYY-MM-DD, not "{value}".',
    zh: '--today 必须是 YYYY-MM-DD 格式的日期，而不是“{value}”。',
  },
  demo_today_range: {
    en: '--today must be a day from 1973-01-01 to 9000-01-01, not {value}.',
    zh: '--today 必须是 1973-01-01 到 9000-01-01 之间的日期，而不是 {value}。',
  },
  demo_not_empty: {
    en: '{path} already holds data ({deals} deals, {quotas} quotas, {mentors} mentor tags); a demo is only generated into an empty workspace. Use a new file for the demo.',
    zh: '{path} 中已有数据（{deals} 个商机、{quotas} 条配额、{mentors} 个师父标记）；演示数据只会生成到空的工作区中。请为演示数据使用一个新文件。',
  },

  // --- browser mode ----------------------------------------------------------------------
  renderer_build_failed: {
    en: 'Building the renderer failed (see the messages above).',
    zh: '构建界面失败（见上方信息）。',
  },
  renderer_build_missing: {
    en: 'No renderer build at {path}; run `npm run build`.',
    zh: '{path} 处没有界面构建；请运行 `npm run build`。',
  },
} as const satisfies Record<string, { en: string; zh: string }>;
