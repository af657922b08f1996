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
} as const;
