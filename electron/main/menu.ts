/**
 * A small Vietnamese application menu. Electron's default one is English and its Help items open
 * electronjs.org in a browser, which on an air-gapped PC is at best a confusing failure. Edit roles
 * keep the usual shortcuts (Ctrl+C/V/Z…), zoom lets clerks enlarge text; reload and DevTools
 * exist only in development.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';

export function appMenuTemplate(isPackaged: boolean): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'zoomIn', label: 'Phóng to' },
    { role: 'zoomOut', label: 'Thu nhỏ' },
    { role: 'resetZoom', label: 'Cỡ chữ mặc định' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: 'Toàn màn hình' },
  ];
  if (!isPackaged) {
    view.push(
      { type: 'separator' },
      { role: 'reload', label: 'Tải lại' },
      { role: 'toggleDevTools', label: 'Công cụ phát triển' },
    );
  }
  return [
    { label: 'Tệp', submenu: [{ role: 'quit', label: 'Thoát' }] },
    {
      label: 'Sửa',
      submenu: [
        { role: 'undo', label: 'Hoàn tác' },
        { role: 'redo', label: 'Làm lại' },
        { type: 'separator' },
        { role: 'cut', label: 'Cắt' },
        { role: 'copy', label: 'Sao chép' },
        { role: 'paste', label: 'Dán' },
        { role: 'selectAll', label: 'Chọn tất cả' },
      ],
    },
    { label: 'Xem', submenu: view },
  ];
}

export function installAppMenu(isPackaged: boolean): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(isPackaged)));
}
