import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { CALL_ORIGIN_HEADER, DEFAULT_MESSAGES, fail, ok, type Result } from '../../shared/contract';
import { readStaticFile, SECURITY_HEADERS, type Backend, type StreamResult } from '../backend/backend';
import { contentDisposition } from './content-disposition';

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
  /** Largest attachment accepted by PUT /upload (default 1 GiB). */
  maxUploadBytes?: number;
}

/** The method name of an /rpc/ path; a broken percent-encoding is the caller's error, not the server's. */
function rpcMethodName(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    throw new HttpRefusal(400, fail('INVALID_INPUT', 'Kaldets navn i adressen er ugyldigt (forkert %-kodning). Intet er ændret.'));
  }
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
  const maxUploadBytes = options.maxUploadBytes;
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
    const origin = req.headers[CALL_ORIGIN_HEADER];
    sendJson(res, 200, await options.backend.call(method, input, typeof origin === 'string' ? origin : undefined));
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

  /**
   * PUT /upload?name=<file name>: the raw bytes of one attachment, streamed into the backend's file store (never held
   * in memory). Same caller checks as /rpc. Answers with the envelope of what `attachments.add` needs.
   */
  async function handleUpload(req: IncomingMessage, res: ServerResponse, url: URL) {
    // A refusal before the body is read leaves it unread on the connection: close it rather than drain up to 1 GiB.
    res.setHeader('Connection', 'close');
    if (req.method !== 'PUT' && req.method !== 'POST') throw new HttpRefusal(405, fail('INVALID_INPUT', 'Filer skal sendes med PUT.'));
    const auth = req.headers.authorization;
    checkCaller(req, auth?.startsWith('Bearer ') ? auth.slice(7) : null);

    // Piped through a PassThrough so that a refusal part-way (too large) stops the store without destroying the
    // request: the rest is drained and the client still receives the Danish answer.
    const body = new PassThrough();
    req.on('error', (error) => body.destroy(error));
    req.on('close', () => {
      if (!req.complete) body.destroy(new Error('upload aborted'));
    });
    req.pipe(body);
    const declared = Number(req.headers['content-length']);
    const reply = await options.backend.receiveAttachment(body, url.searchParams.get('name') ?? '', {
      maxBytes: maxUploadBytes,
      declaredBytes: Number.isFinite(declared) ? declared : undefined,
    });
    const read = body.readableDidRead;
    if (read) res.removeHeader('Connection');
    if (!reply.ok) {
      req.unpipe(body);
      if (read) req.resume();
    }
    sendReply(res, reply);
  }

  /** PUT /upload-package?name=<file name>: an exchange package to import, streamed into the incoming store. */
  async function handlePackageUpload(req: IncomingMessage, res: ServerResponse, url: URL) {
    res.setHeader('Connection', 'close');
    if (req.method !== 'PUT' && req.method !== 'POST') throw new HttpRefusal(405, fail('INVALID_INPUT', 'Filer skal sendes med PUT.'));
    const auth = req.headers.authorization;
    checkCaller(req, auth?.startsWith('Bearer ') ? auth.slice(7) : null);
    const reply = await options.backend.receivePackage(req, url.searchParams.get('name') ?? '');
    if (reply.ok) res.removeHeader('Connection');
    else req.resume();
    sendReply(res, reply);
  }

  /** PUT /upload-template?name=<file name>: a filled operator template (at most 10 MB), into its own store. */
  async function handleTemplateUpload(req: IncomingMessage, res: ServerResponse, url: URL) {
    res.setHeader('Connection', 'close');
    if (req.method !== 'PUT' && req.method !== 'POST') throw new HttpRefusal(405, fail('INVALID_INPUT', 'Filer skal sendes med PUT.'));
    const auth = req.headers.authorization;
    checkCaller(req, auth?.startsWith('Bearer ') ? auth.slice(7) : null);
    const declared = Number(req.headers['content-length']);
    const reply = await options.backend.receiveTemplate(req, url.searchParams.get('name') ?? '', { declaredBytes: Number.isFinite(declared) ? declared : undefined });
    if (reply.ok) res.removeHeader('Connection');
    else req.resume();
    sendReply(res, reply);
  }

  /**
   * GET /files/<sha256>?token=...&name=...[&download=1]: a stored attachment, for browser mode to show or save.
   * PDFs, images and plain text are shown inline (never as HTML: the type comes from the store's own detection,
   * and nosniff holds the browser to it); everything else is a download with the original name.
   */
  async function handleFile(req: IncomingMessage, res: ServerResponse, url: URL) {
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpRefusal(405, fail('INVALID_INPUT', 'Metoden er ikke tilladt.'));
    checkCaller(req, url.searchParams.get('token'));
    const reply = await options.backend.openFile(url.pathname.slice('/files/'.length), url.searchParams.get('name') ?? '');
    if (!reply.ok) return sendReply(res, reply);
    const { stream, size, mediaType, contentType, fileName, inline } = reply.data;
    const headers: Record<string, string> = {
      ...SECURITY_HEADERS,
      'Content-Type': contentType,
      'Content-Length': String(size),
      'Content-Disposition': contentDisposition(inline && url.searchParams.get('download') !== '1' ? 'inline' : 'attachment', fileName),
      'X-Content-Type-Options': 'nosniff',
      // Closed attachments may be confidential: nothing is kept in the browser's cache.
      'Cache-Control': 'no-store',
      // Images and text run nothing; a sandbox keeps it so. Chromium's PDF viewer is refused under a sandbox or
      // object-src 'none', and a PDF cannot run script in our origin anyway, so it only may not be framed by others.
      'Content-Security-Policy': mediaType === 'application/pdf' ? "frame-ancestors 'self'" : "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
    };
    res.writeHead(200, headers);
    if (req.method === 'HEAD') {
      stream.destroy();
      res.end();
      return;
    }
    stream.on('error', (error) => {
      console.error('Filen kunne ikke læses færdig', error);
      res.destroy(error);
    });
    res.on('close', () => stream.destroy());
    stream.pipe(res);
  }

  /** GET /exports/<export id>?token=...: a finished PDF or Word export, always as a download under its own name. */
  async function handleExport(req: IncomingMessage, res: ServerResponse, url: URL) {
    if (req.method !== 'GET') throw new HttpRefusal(405, fail('INVALID_INPUT', 'Metoden er ikke tilladt.'));
    checkCaller(req, url.searchParams.get('token'));
    const reply = await options.backend.openExport(url.pathname.slice('/exports/'.length));
    if (!reply.ok) return sendReply(res, reply);
    const { stream, size, fileName, type } = reply.data;
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': type.mediaType,
      'Content-Length': String(size),
      'Content-Disposition': contentDisposition('attachment', fileName),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
      'Content-Security-Policy': "sandbox; default-src 'none'",
    });
    res.on('close', () => stream.destroy());
    stream.pipe(res);
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
      if (url.pathname.startsWith('/rpc/')) await handleRpc(req, res, rpcMethodName(url.pathname.slice(5)));
      else if (url.pathname === '/events') handleEvents(req, res, url);
      else if (url.pathname === '/upload') await handleUpload(req, res, url);
      else if (url.pathname === '/upload-package') await handlePackageUpload(req, res, url);
      else if (url.pathname === '/upload-template') await handleTemplateUpload(req, res, url);
      else if (url.pathname.startsWith('/files/')) await handleFile(req, res, url);
      else if (url.pathname.startsWith('/exports/')) await handleExport(req, res, url);
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

/** A byte stream's refusal goes out with its status and the contract's envelope; a success as 200 with the data. */
function sendReply(res: ServerResponse, reply: StreamResult<unknown>) {
  if (reply.ok) sendJson(res, 200, ok(reply.data));
  else sendJson(res, reply.status, fail(reply.error.code, reply.error.message));
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
