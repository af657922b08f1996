import type { Messages } from './en';

/** 工作区设置的中文文案：zh-CN.ts 的 `settings` 部分。 */
export const settingsZhCN: Messages['settings'] = {
  title: '设置',
  intro: '这里是工作区自身的信息，保存在工作区文件中：复制或备份工作区时会一并带走。',
  company: {
    title: '公司',
    hint: '用于季度预测演示文稿：名称显示在标题页和每页页脚，标志显示在标题页和每页角落。',
    name: '公司名称',
    nameHint: '留空时，演示文稿使用工作区文件名。',
    namePlaceholder: '例如：华东精密仪器股份有限公司',
    save: '保存名称',
    saved: '公司名称已保存。',
    cleared: '公司名称已清除：演示文稿将使用工作区文件名。',
    logo: '标志',
    logoHint: 'PNG、JPEG 或 SVG，最大 1 MB。演示文稿会保持其原有比例。',
    noLogo: '未设置标志：演示文稿中不显示标志。',
    preview: '标志：{{file}}',
    logoFacts: '{{file}} · {{type}} · {{width}} × {{height}} 像素 · {{size}}',
    choose: '选择标志…',
    replace: '更换标志…',
    uploaded: '标志 {{file}} 已保存。',
    remove: '移除标志',
    removeTitle: '移除标志？',
    removeBody: '在重新选择之前，季度演示文稿中将不显示标志。{{file}} 不会保留。',
    removeConfirm: '移除',
    cancel: '取消',
    removed: '标志已移除。',
    unreadable: '无法读取 {{file}}：{{message}}',
    loadError: '无法加载公司设置：{{message}}',
    saveError: '未保存：{{message}}',
  },
};
