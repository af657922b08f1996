import { formatMessage, isChinese, msg, type MessageKey, type MessageRef } from '@shared/messages';

/**
 * The shell's words (menu, native dialogs) in the system language, from the one message
 * catalog (src/shared/messages/shell.ts). The shell follows the system language because
 * it speaks before the page (and its saved preference) exists.
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
  /** Any catalog message (a backend error the shell shows) in the same language. */
  say: (ref: MessageRef) => string;
}

/** `locale` is a BCP 47 tag such as `zh-CN`, `zh-Hans-CN`, `en-US`. */
export function shellStrings(locale: string | undefined): ShellStrings {
  const language = locale && isChinese(locale) ? 'zh-CN' : 'en';
  const say = (ref: MessageRef) => formatMessage(ref, language);
  const t = (key: MessageKey) => say({ key });
  return {
    file: t('menu_file'),
    import: t('menu_import'),
    export: t('menu_export'),
    openWorkspaceFolder: t('menu_open_workspace_folder'),
    quit: t('menu_quit'),
    edit: t('menu_edit'),
    view: t('menu_view'),
    window: t('menu_window'),
    help: t('menu_help'),
    about: t('menu_about'),
    aboutDetail: (versions) => say(msg('about_detail', versions)),
    ok: t('dialog_ok'),
    restart: t('dialog_restart'),
    showInFolder: t('dialog_show_in_folder'),
    backendStoppedTitle: t('backend_stopped_title'),
    backendStopped: t('backend_stopped'),
    fatalTitles: {
      newerBuild: t('fatal_newer_build'),
      corrupt: t('fatal_corrupt'),
      missing: t('fatal_missing'),
      other: t('fatal_other'),
    },
    say,
  };
}
