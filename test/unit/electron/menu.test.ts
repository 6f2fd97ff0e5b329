import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { fakeElectron } from './fakeElectron';
import { appMenuTemplate, installAppMenu } from '../../../electron/main/menu';

vi.mock('electron', async () => (await import('./fakeElectron')).createFakeElectron());

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}

describe('application menu', () => {
  it('is Vietnamese, built from roles only: no click handlers, no links out of the app', () => {
    for (const packaged of [true, false]) {
      const items = flatten(appMenuTemplate(packaged));
      for (const item of items) {
        expect(item.click).toBeUndefined();
        if (item.type !== 'separator') expect(item.label, JSON.stringify(item)).toMatch(/\S/);
      }
      expect(JSON.stringify(items)).not.toMatch(/https?:|electronjs|help/i);
      expect(items.map((i) => i.label)).toEqual(
        expect.arrayContaining(['Tệp', 'Sửa', 'Xem', 'Sao chép', 'Dán']),
      );
    }
  });

  it('keeps the editing shortcuts and offers DevTools/reload only in development', () => {
    const roles = (packaged: boolean) => flatten(appMenuTemplate(packaged)).map((i) => i.role);
    for (const role of [
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'selectAll',
      'zoomIn',
      'zoomOut',
      'resetZoom',
      'quit',
    ]) {
      expect(roles(true)).toContain(role);
    }
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(true)).not.toContain('reload');
    expect(roles(false)).toContain('toggleDevTools');
  });

  it('installs the menu as the application menu', async () => {
    const electron = await fakeElectron();
    installAppMenu(true);
    expect(electron.Menu.buildFromTemplate).toHaveBeenCalledExactlyOnceWith(appMenuTemplate(true));
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledExactlyOnceWith({
      template: appMenuTemplate(true),
    });
  });
});
