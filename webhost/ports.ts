import { createServer } from 'node:net';

/** Whether `port` on 127.0.0.1 can be listened on now. */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/**
 * `port` when it is free, else the first free one after it (up to `tries` of them), else 0 (the system
 * picks one): for `npm start`, which should open the app rather than stop at a taken port.
 */
export async function nextFreePort(port: number, tries = 50): Promise<number> {
  for (let p = port; p > 0 && p < port + tries && p <= 65535; p++) if (await portIsFree(p)) return p;
  return 0;
}

/**
 * `npm start`'s arguments for `hoso serve`, with a taken `--port N` replaced by the next free port
 * (said in one line): `npm start` opens the app where `hoso serve --port N` stops with PORT_IN_USE.
 */
export async function withFreePort(args: readonly string[], say: (line: string) => void): Promise<string[]> {
  const at = args.findIndex((a) => a === '--port' || a.startsWith('--port='));
  if (at < 0) return [...args];
  const inline = args[at]!.startsWith('--port=');
  const asked = Number(inline ? args[at]!.slice('--port='.length) : args[at + 1]);
  if (!Number.isInteger(asked) || asked <= 0) return [...args];
  const port = await nextFreePort(asked);
  if (port === asked) return [...args];
  say(
    `Cổng ${asked} đang được chương trình khác dùng; hoso dùng cổng ${port || 'trống khác'}. / Port ${asked} is taken; using ${port || 'another free one'}.`,
  );
  const out = [...args];
  out.splice(at, inline ? 1 : 2, '--port', String(port));
  return out;
}
