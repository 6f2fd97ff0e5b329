import { request, type ClientRequest } from 'node:http';
import type { WebHost } from '../../webhost/server';

export interface Res {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  bytes: Buffer;
}

/** Raw HTTP so tests can forge Host/Origin headers the way a hostile page or DNS rebinding would. */
export function send(
  host: WebHost,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  /** The body at once, or a writer that sends it its own way (in chunks, slowly) and ends the request. */
  body?: string | Buffer | ((req: ClientRequest) => void),
): Promise<Res> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: bytes.toString('utf8'), bytes });
      });
    });
    req.on('error', reject);
    if (typeof body === 'function') return body(req);
    if (body) req.write(body);
    req.end();
  });
}
