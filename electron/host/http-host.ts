import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_MESSAGES, fail, type Result } from '../../shared/contract';
import type { Backend } from '../backend/backend';
import { readStaticFile, SECURITY_HEADERS } from '../backend/web/static-files';

export interface HttpHost {
  /** The address to open, with the token in the fragment (never sent to the server or in a Referer). */
  url: string;
  origin: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

export interface HttpHostOptions {
  backend: Backend;
  /** The built renderer (out/renderer). */
  staticDir: string;
  port?: number;
  token?: string;
  maxBodyBytes?: number;
}

class HttpRefusal extends Error {
  constructor(readonly status: number, readonly result: Result<never>) {
    super(result.ok ? '' : result.error.message);
  }
}

/**
 * Browser mode and the end-to-end tests: the same backend the desktop app reaches over IPC, served on
 * 127.0.0.1 only, with a per-run token, a Host check against DNS rebinding and an Origin check against
 * other local pages. Push events go out as server-sent events.
 */
export async function startHttpHost(options: HttpHostOptions): Promise<HttpHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const maxBodyBytes = options.maxBodyBytes ?? 10 * 1024 * 1024;
  const streams = new Set<ServerResponse>();
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  function checkCaller(req: IncomingMessage, presentedToken: string | null) {
    const origin = req.headers.origin;
    const site = req.headers['sec-fetch-site'];
    if ((origin !== undefined && !allowedOrigins().has(origin)) || (site !== undefined && site !== 'same-origin' && site !== 'none')) {
      throw new HttpRefusal(403, fail('FORBIDDEN', DEFAULT_MESSAGES.FORBIDDEN));
    }
    if (!presentedToken || !sameSecret(presentedToken, token)) throw new HttpRefusal(401, fail('UNAUTHORIZED', DEFAULT_MESSAGES.UNAUTHORIZED));
  }

  async function handleRpc(req: IncomingMessage, res: ServerResponse, method: string) {
    if (req.method !== 'POST') throw new HttpRefusal(405, fail('INVALID_INPUT', 'Kald skal sendes med POST.'));
    const auth = req.headers.authorization;
    checkCaller(req, auth?.startsWith('Bearer ') ? auth.slice(7) : null);
    if (!req.headers['content-type']?.startsWith('application/json')) {
      throw new HttpRefusal(415, fail('INVALID_INPUT', 'Kald skal sendes som JSON (Content-Type: application/json).'));
    }
    const text = await readBody(req, maxBodyBytes);
    let input: unknown;
    try {
      input = text.length === 0 ? undefined : JSON.parse(text);
    } catch {
      throw new HttpRefusal(400, fail('INVALID_INPUT', 'Forespørgslen er ikke gyldig JSON.'));
    }
    // Like JSON-RPC: the transport succeeded, the envelope carries the outcome (as over IPC).
    sendJson(res, 200, await options.backend.call(method, input));
  }

  function handleEvents(req: IncomingMessage, res: ServerResponse, url: URL) {
    checkCaller(req, url.searchParams.get('token'));
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': forbundet\n\n');
    const unsubscribe = options.backend.subscribe((event, payload) => res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`));
    const heartbeat = setInterval(() => res.write(': ping\n\n'), 20_000);
    streams.add(res);
    res.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(res);
    });
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse, url: URL) {
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpRefusal(405, fail('INVALID_INPUT', 'Metoden er ikke tilladt.'));
    const file = await readStaticFile(options.staticDir, url.pathname);
    if (!file) {
      res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Ikke fundet');
      return;
    }
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': file.contentType, 'Cache-Control': 'no-cache' });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  const server = createServer(async (req, res) => {
    try {
      if (!allowedHosts().has(req.headers.host ?? '')) throw new HttpRefusal(403, fail('FORBIDDEN', DEFAULT_MESSAGES.FORBIDDEN));
      const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
      if (url.pathname.startsWith('/rpc/')) await handleRpc(req, res, decodeURIComponent(url.pathname.slice(5)));
      else if (url.pathname === '/events') handleEvents(req, res, url);
      else await handleStatic(req, res, url);
    } catch (error) {
      if (error instanceof HttpRefusal) sendJson(res, error.status, error.result);
      else {
        console.error('Fejl i den lokale server', error);
        sendJson(res, 500, fail('INTERNAL', DEFAULT_MESSAGES.INTERNAL));
      }
    }
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    port,
    close: () =>
      new Promise<void>((resolveClose) => {
        for (const stream of streams) stream.end();
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}

function sameSecret(presented: string, expected: string): boolean {
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  if (res.headersSent) return void res.end();
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      // Stop buffering but drain the rest, so the client still receives the refusal.
      req.off('data', onData);
      req.resume();
      reject(new HttpRefusal(413, fail('INVALID_INPUT', 'Forespørgslen er for stor.')));
    };
    req.on('data', onData);
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
