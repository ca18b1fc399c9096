import { request as httpRequest } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../db/migrate';
import type { Backend } from '../../electron/backend/backend';
import { startHttpHost, type HttpHost } from '../../electron/host/http-host';
import { openTestBackend } from '../helpers/backend';

let backend: Backend;
let host: HttpHost;

beforeAll(async () => {
  const staticDir = mkdtempSync(join(tmpdir(), 'sekretariat-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Sekretariat</title>');
  backend = await openTestBackend();
  host = await startHttpHost({ backend, staticDir, maxBodyBytes: 64 * 1024 });
});
afterAll(async () => {
  await host.close();
  await backend.close();
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: host.port, path, method: options.method ?? 'GET', headers: { host: `127.0.0.1:${host.port}`, ...options.headers } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const rpc = (method: string, body: unknown, headers: Record<string, string> = {}) =>
  send(`/rpc/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}`, origin: host.origin, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

const meetingCount = () => (backend.database.raw.prepare('SELECT count(*) AS n FROM meetings').get() as { n: number }).n;
const validMeeting = async () => {
  const bodies = JSON.parse((await rpc('bodies.list', {})).body) as { data: { id: string }[] };
  return { bodyId: bodies.data[0]!.id, date: '2021-05-27' };
};

describe('local HTTP host', () => {
  it('listens on 127.0.0.1 with a long random token in the fragment of the address', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{43}$/);
  });

  it('serves the UI with the content security policy', async () => {
    const reply = await send('/');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-security-policy']).toContain("script-src 'self'");
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
  });

  it.each(['/..%2f..%2fetc%2fpasswd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%5c..%5csecret', '/%00index.html'])('refuses the path %s', async (path) => {
    expect((await send(path)).status).toBe(404);
  });

  it('answers a good call with an ok envelope', async () => {
    const reply = await rpc('app.info', {});
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, data: { schemaVersion: LATEST_SCHEMA_VERSION } });
  });

  const malformed: [string, () => Promise<Reply>, number, string][] = [
    ['no token', async () => rpc('meetings.create', await validMeeting(), { authorization: '' }), 401, 'UNAUTHORIZED'],
    ['a wrong token', async () => rpc('meetings.create', await validMeeting(), { authorization: `Bearer ${'x'.repeat(43)}` }), 401, 'UNAUTHORIZED'],
    ['a foreign origin', async () => rpc('meetings.create', await validMeeting(), { origin: 'https://evil.example' }), 403, 'FORBIDDEN'],
    ['another local port as origin', async () => rpc('meetings.create', await validMeeting(), { origin: 'http://127.0.0.1:1' }), 403, 'FORBIDDEN'],
    ['a cross-site fetch', async () => rpc('meetings.create', await validMeeting(), { 'sec-fetch-site': 'cross-site' }), 403, 'FORBIDDEN'],
    ['a rebound host name', async () => rpc('meetings.create', await validMeeting(), { host: `evil.example:${host.port}` }), 403, 'FORBIDDEN'],
    ['an unknown method', () => rpc('meetings.drop', {}), 200, 'UNKNOWN_METHOD'],
    ['a wrong shape', () => rpc('meetings.create', { bodyId: 1, date: 'i morgen' }), 200, 'INVALID_INPUT'],
    ['broken JSON', () => rpc('meetings.create', '{"bodyId": '), 400, 'INVALID_INPUT'],
    ['a form post', async () => rpc('meetings.create', 'bodyId=x', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'INVALID_INPUT'],
    ['a GET', () => send('/rpc/app.info', { headers: { authorization: `Bearer ${host.token}` } }), 405, 'INVALID_INPUT'],
    ['an oversized body', () => rpc('meetings.create', JSON.stringify({ note: 'x'.repeat(100_000) })), 413, 'INVALID_INPUT'],
  ];

  // Transport refusals get an HTTP error status; calls that reached dispatch get 200 with the envelope.
  it.each(malformed)('refuses %s with an error envelope and changes nothing', async (_label, make, status, code) => {
    const before = meetingCount();
    const reply = await make();
    expect(reply.status).toBe(status);
    const envelope = JSON.parse(reply.body) as { ok: boolean; error: { code: string; message: string } };
    expect(envelope).toMatchObject({ ok: false, error: { code } });
    expect(envelope.error.message.length).toBeGreaterThan(5);
    expect(meetingCount()).toBe(before);
  });

  it('answers a broken percent-encoding in the method name with a Danish 400, not a server error', async () => {
    const reply = await rpc('%E0%A4%A', {});
    expect(reply.status).toBe(400);
    expect((JSON.parse(reply.body) as { error: { message: string } }).error.message).toContain('ugyldigt (forkert %-kodning)');
  });

  it('refuses the event stream without the token', async () => {
    expect((await send('/events')).status).toBe(401);
    expect((await send(`/events?token=${host.token}`, { headers: { origin: 'https://evil.example' } })).status).toBe(403);
  });

  it('pushes data.changed over server-sent events', async () => {
    const received = new Promise<string>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: host.port, path: `/events?token=${host.token}`, headers: { host: `127.0.0.1:${host.port}` } }, (res) => {
        expect(res.headers['content-type']).toContain('text/event-stream');
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
          if (/event: data\.changed\ndata: .*\n\n/.test(text)) {
            resolve(text);
            req.destroy();
          }
        });
      });
      req.on('error', (e) => (e.message.includes('aborted') ? undefined : reject(e)));
      req.end();
    });
    await new Promise((r) => setTimeout(r, 100));
    const meeting = JSON.parse((await rpc('meetings.create', await validMeeting())).body) as { data: { id: string } };
    expect(await received).toContain(`data: {"entities":["meetings","bodies"],"ids":["${meeting.data.id}"]}`);
  });
});
