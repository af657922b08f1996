import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { appMenuTemplate } from '../../../src/main/shell/menu-template';
import { shellStrings } from '../../../src/main/shell/strings';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

const actions = () => ({ command: vi.fn(), openWorkspaceFolder: vi.fn(), about: vi.fn() });

describe('appMenuTemplate', () => {
  it('offers reload and devtools only in development', () => {
    const prod = flatten(appMenuTemplate(shellStrings('en'), actions(), { dev: false, mac: false }));
    const dev = flatten(appMenuTemplate(shellStrings('en'), actions(), { dev: true, mac: false }));
    const roles = (items: MenuItemConstructorOptions[]) => items.map((i) => i.role).filter(Boolean);
    expect(roles(prod)).not.toContain('toggleDevTools');
    expect(roles(prod)).not.toContain('reload');
    expect(roles(prod)).not.toContain('forceReload');
    expect(roles(dev)).toContain('toggleDevTools');
    expect(roles(prod)).toEqual(
      expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen', 'quit', 'copy', 'paste']),
    );
  });

  it('wires the File and Help items to their actions', () => {
    const a = actions();
    const items = flatten(appMenuTemplate(shellStrings('zh-CN'), a, { dev: false, mac: false }));
    const click = (id: string) => (items.find((i) => i.id === id)?.click as () => void)();
    click('import');
    click('export');
    click('open-workspace-folder');
    click('about');
    expect(a.command.mock.calls).toEqual([['import'], ['export']]);
    expect(a.openWorkspaceFolder).toHaveBeenCalledOnce();
    expect(a.about).toHaveBeenCalledOnce();
    expect(items.find((i) => i.id === 'import')?.label).toBe('导入…');
  });

  it('puts Quit in the app menu on macOS', () => {
    const top = appMenuTemplate(shellStrings('en'), actions(), { dev: false, mac: true });
    expect(top[0]?.role).toBe('appMenu');
    const file = flatten([top[1]!]);
    expect(file.map((i) => i.role)).not.toContain('quit');
  });
});

describe('shellStrings', () => {
  it('follows Chinese system languages, English otherwise', () => {
    expect(shellStrings('zh-CN').quit).toBe('退出');
    expect(shellStrings('zh-Hans-CN').quit).toBe('退出');
    expect(shellStrings('zh-TW').quit).toBe('退出');
    expect(shellStrings('en-US').quit).toBe('Quit');
    expect(shellStrings('de').quit).toBe('Quit');
    expect(shellStrings(undefined).quit).toBe('Quit');
  });
});
