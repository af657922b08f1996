/**
 * The desktop shell's own words: the native menu and dialogs, which speak before the
 * page (and its saved language) exists. `&` marks the menu mnemonic on Windows and Linux.
 */
export const SHELL_MESSAGES = {
  menu_file: { en: '&File', zh: '文件(&F)' },
  menu_import: { en: 'Import…', zh: '导入…' },
  menu_export: { en: 'Export…', zh: '导出…' },
  menu_open_workspace_folder: { en: 'Open Workspace Folder', zh: '打开工作区所在文件夹' },
  menu_quit: { en: 'Quit', zh: '退出' },
  menu_edit: { en: '&Edit', zh: '编辑(&E)' },
  menu_view: { en: '&View', zh: '视图(&V)' },
  menu_window: { en: '&Window', zh: '窗口(&W)' },
  menu_help: { en: '&Help', zh: '帮助(&H)' },
  menu_about: { en: 'About Funnel Workbench', zh: '关于漏斗工作台' },
  about_detail: {
    en: 'Version {app}\n\nElectron {electron}\nChromium {chrome}\nNode.js {node}',
    zh: '版本 {app}\n\nElectron {electron}\nChromium {chrome}\nNode.js {node}',
  },
  dialog_ok: { en: 'OK', zh: '确定' },
  dialog_restart: { en: 'Restart', zh: '重新启动' },
  dialog_show_in_folder: { en: 'Show in Folder', zh: '在文件夹中显示' },
  backend_stopped_title: { en: 'The data service stopped', zh: '数据服务已停止' },
  backend_stopped: {
    en: 'The part of Funnel Workbench that reads and writes your workspace stopped unexpectedly. Your saved data is safe. Restart it to carry on, or quit.',
    zh: '漏斗工作台负责读写工作区的数据服务意外停止。已保存的数据不受影响。请重新启动该服务继续工作，或退出程序。',
  },
  fatal_newer_build: {
    en: 'This workspace is from a newer version of Funnel Workbench',
    zh: '此工作区由更新版本的漏斗工作台创建',
  },
  fatal_corrupt: { en: 'The workspace cannot be opened', zh: '无法打开工作区' },
  fatal_missing: { en: 'The workspace was not found', zh: '找不到工作区' },
  fatal_other: { en: 'Funnel Workbench could not start', zh: '漏斗工作台无法启动' },
} as const satisfies Record<string, { en: string; zh: string }>;
