/**
 * The desktop's folder dialog, for the screens that write somewhere the clerk picks (a USB stick to
 * export to, a folder for backups). The web host has none: its screens take a typed path instead.
 */
import { dialog, type BrowserWindow } from 'electron';

export async function chooseFolder(parent: BrowserWindow | null, title: string): Promise<string | null> {
  const options: Electron.OpenDialogOptions = {
    title: title || 'Chọn thư mục',
    buttonLabel: 'Chọn thư mục này',
    properties: ['openDirectory', 'createDirectory', 'dontAddToRecent'],
  };
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}
