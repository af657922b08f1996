/**
 * The shell's own words (menu, native dialogs) in the two UI languages. The renderer has
 * its own i18n; the shell follows the system language because it speaks before the
 * renderer (and its saved preference) exists.
 */

export interface ShellStrings {
  file: string;
  import: string;
  export: string;
  openWorkspaceFolder: string;
  quit: string;
  edit: string;
  view: string;
  window: string;
  help: string;
  about: string;
  aboutDetail: (versions: { app: string; electron: string; chrome: string; node: string }) => string;
  ok: string;
  restart: string;
  showInFolder: string;
  backendStoppedTitle: string;
  backendStopped: string;
  fatalTitles: { newerBuild: string; corrupt: string; missing: string; other: string };
}

const en: ShellStrings = {
  file: '&File',
  import: 'Import…',
  export: 'Export…',
  openWorkspaceFolder: 'Open Workspace Folder',
  quit: 'Quit',
  edit: '&Edit',
  view: '&View',
  window: '&Window',
  help: '&Help',
  about: 'About Funnel Workbench',
  aboutDetail: (v) => `Version ${v.app}\n\nElectron ${v.electron}\nChromium ${v.chrome}\nNode.js ${v.node}`,
  ok: 'OK',
  restart: 'Restart',
  showInFolder: 'Show in Folder',
  backendStoppedTitle: 'The data service stopped',
  backendStopped:
    'The part of Funnel Workbench that reads and writes your workspace stopped unexpectedly. Your saved data is safe. Restart it to carry on, or quit.',
  fatalTitles: {
    newerBuild: 'This workspace is from a newer version of Funnel Workbench',
    corrupt: 'The workspace cannot be opened',
    missing: 'The workspace was not found',
    other: 'Funnel Workbench could not start',
  },
};

const zh: ShellStrings = {
  file: '文件(&F)',
  import: '导入…',
  export: '导出…',
  openWorkspaceFolder: '打开工作区所在文件夹',
  quit: '退出',
  edit: '编辑(&E)',
  view: '视图(&V)',
  window: '窗口(&W)',
  help: '帮助(&H)',
  about: '关于漏斗工作台',
  aboutDetail: (v) => `版本 ${v.app}\n\nElectron ${v.electron}\nChromium ${v.chrome}\nNode.js ${v.node}`,
  ok: '确定',
  restart: '重新启动',
  showInFolder: '在文件夹中显示',
  backendStoppedTitle: '数据服务已停止',
  backendStopped:
    '漏斗工作台负责读写工作区的数据服务意外停止。已保存的数据不受影响。请重新启动该服务继续工作，或退出程序。',
  fatalTitles: {
    newerBuild: '此工作区由更新版本的漏斗工作台创建',
    corrupt: '无法打开工作区',
    missing: '找不到工作区',
    other: '漏斗工作台无法启动',
  },
};

/** `locale` is a BCP 47 tag such as `zh-CN`, `zh-Hans-CN`, `en-US`. */
export function shellStrings(locale: string | undefined): ShellStrings {
  return locale?.toLowerCase().startsWith('zh') ? zh : en;
}
