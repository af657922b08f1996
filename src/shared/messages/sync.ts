/**
 * What a CRM sync says: why a record was quarantined, why a run stopped and what to do
 * next. Record reasons name the field and the value as received.
 */
export const SYNC_MESSAGES = {
  sync_field_missing: { en: '{field} is missing', zh: '缺少 {field}' },
  sync_field_invalid: { en: '{field} is not valid: “{value}”', zh: '{field} 的值无效：“{value}”' },
  sync_record_unreadable: {
    en: 'the record is not in the shape the CRM documents: {problem}',
    zh: '记录的结构与 CRM 文档不符：{problem}',
  },
  sync_owned_elsewhere: {
    en: 'deal {id} is already synced from another CRM connection; it is kept as that one has it',
    zh: '商机 {id} 已由另一个 CRM 连接同步，保留该连接的数据',
  },
  sync_token_rejected: {
    en: '{crm} rejected the token ({detail}). Check the token {where} and that it may read deals, then sync again.',
    zh: '{crm} 拒绝了令牌（{detail}）。请检查{where}中的令牌及其读取商机的权限，然后重新同步。',
  },
  sync_daily_limit: {
    en: '{crm}’s daily API limit is reached; {pages} pages were saved. Sync again after the limit resets: it continues where it stopped.',
    zh: '{crm} 的每日 API 调用额度已用完；已保存 {pages} 页。额度重置后再次同步，将从中断处继续。',
  },
  sync_rate_limited: {
    en: '{crm} keeps asking to slow down ({detail}); {pages} pages were saved. Sync again later: it continues where it stopped.',
    zh: '{crm} 持续要求降低请求频率（{detail}）；已保存 {pages} 页。请稍后再次同步，将从中断处继续。',
  },
  sync_network: {
    en: 'Could not reach {crm} at {url} ({detail}); {pages} pages were saved. Check the network connection and the URL, then sync again: it continues where it stopped.',
    zh: '无法连接 {url} 上的 {crm}（{detail}）；已保存 {pages} 页。请检查网络连接和地址，然后重新同步，将从中断处继续。',
  },
  sync_timeout: {
    en: '{crm} did not answer in time ({detail}); {pages} pages were saved. Sync again: it continues where it stopped.',
    zh: '{crm} 未及时响应（{detail}）；已保存 {pages} 页。请重新同步，将从中断处继续。',
  },
  sync_server_error: {
    en: '{crm} kept failing with server errors ({detail}); {pages} pages were saved. Sync again later: it continues where it stopped.',
    zh: '{crm} 持续返回服务器错误（{detail}）；已保存 {pages} 页。请稍后重新同步，将从中断处继续。',
  },
  sync_bad_response: {
    en: '{crm} answered in a shape the workbench does not understand ({detail}); {pages} pages were saved. Check that the URL points at {crm}’s API.',
    zh: '{crm} 的响应格式无法识别（{detail}）；已保存 {pages} 页。请确认地址指向 {crm} 的 API。',
  },
  sync_cancelled: {
    en: 'The sync was cancelled; {pages} pages were saved. Syncing again continues where it stopped.',
    zh: '同步已取消；已保存 {pages} 页。再次同步将从中断处继续。',
  },
  sync_failed: {
    en: 'The sync stopped: {detail}; {pages} pages were saved.',
    zh: '同步已停止：{detail}；已保存 {pages} 页。',
  },
  sync_ended_unexpectedly: {
    en: 'The run ended without finishing (the app or the command was stopped); the next sync continues where it stopped.',
    zh: '本次同步未完成即结束（程序或命令被中止）；下次同步将从中断处继续。',
  },
  sync_token_missing: {
    en: 'The environment variable {variable} holds no token. Set it to the CRM’s token (HubSpot private-app token, Salesforce access token, Pipedrive API token) and run the sync again.',
    zh: '环境变量 {variable} 中没有令牌。请将其设置为 CRM 的令牌（HubSpot 私有应用令牌、Salesforce 访问令牌或 Pipedrive API 令牌），然后重新同步。',
  },
  sync_token_in_env: { en: 'in the environment variable {variable}', zh: '环境变量 {variable} ' },
  sync_token_in_connection: { en: 'saved with this connection', zh: '此连接保存的令牌' },
  sync_connection_missing: {
    en: 'CRM connection {id} does not exist (it may have been removed).',
    zh: 'CRM 连接 {id} 不存在（可能已被删除）。',
  },
  sync_token_unavailable: {
    en: 'This connection’s token cannot be read here (it is kept in the desktop app’s keychain). Connect again with a token, or with an environment variable.',
    zh: '此处无法读取该连接的令牌（令牌保存在桌面应用的钥匙串中）。请重新输入令牌连接，或使用环境变量。',
  },
  sync_token_env_only: {
    en: 'In the browser and on the command line the token comes from an environment variable only: start `funnel serve` with the variable set and give its name.',
    zh: '在浏览器和命令行中，令牌只能来自环境变量：请在设置该变量后启动 `funnel serve`，并填写变量名。',
  },
  sync_basic_text_confirm: {
    en: 'This computer has no keyring service, so the token would be stored obscured but not encrypted. Store it anyway, or use an environment variable instead.',
    zh: '此电脑没有密钥环服务，令牌只能以混淆方式保存而无法加密。仍要保存，或改用环境变量？',
  },
  sync_running: {
    en: 'A sync of this connection is running; wait for it to finish or cancel it first.',
    zh: '此连接正在同步，请等待完成或先取消。',
  },
  sync_token_entered: { en: 'you entered', zh: '您输入的令牌' },
  sync_mapping_stage_unknown: {
    en: 'The stage “{stage}” is not in the workspace’s stage model; pick one of its stages, or keep the CRM’s stage as its own.',
    zh: '阶段“{stage}”不在工作区的阶段模型中；请选择其中一个阶段，或保留 CRM 的原阶段。',
  },
} as const;
