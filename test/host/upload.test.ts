import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { open as openFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend/backend';
import { startHttpHost, type HttpHost } from '../../electron/host/http-host';
import { openTestBackend } from '../helpers/backend';

let dir: string;
let backend: Backend;
let host: HttpHost;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sekretariat-upload-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Sekretariat</title>');
  // No filesDir given: the backend's default, files/ beside the database, which the host finds the same way.
  backend = await openBackend({ databaseFile: join(dir, 'data', 'sekretariat.db'), appVersion: '0.0.0-test', log: { error: () => {} } });
  host = await startHttpHost({ backend, staticDir: dir });
});
afterAll(async () => {
  await host.close();
  await backend.files?.close();
  await backend.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  json: () => { ok: boolean; data?: Record<string, unknown>; error?: { code: string; message: string } };
}

function send(target: HttpHost, path: string, options: { method?: string; headers?: Record<string, string>; body?: Buffer | Readable } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: target.port, path, agent: false, method: options.method ?? 'GET', headers: { host: `127.0.0.1:${target.port}`, ...options.headers } },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () => {
          const body = Buffer.concat(parts);
          resolve({ status: res.statusCode!, headers: res.headers, body, json: () => JSON.parse(body.toString('utf8')) });
        });
      },
    );
    req.on('error', reject);
    const body = options.body;
    if (body && !Buffer.isBuffer(body)) body.pipe(req);
    else req.end(body);
  });
}

const auth = (target: HttpHost = host) => ({ authorization: `Bearer ${target.token}`, origin: target.origin });
const put = (name: string, body: Buffer | Readable, headers: Record<string, string> = auth(), target = host) =>
  send(target, `/upload?name=${encodeURIComponent(name)}`, { method: 'PUT', headers, body });
const filesDir = () => join(dir, 'data', 'files');
const storedCount = () => (backend.database.raw.prepare('SELECT count(*) AS n FROM files').get() as { n: number }).n;
/** Files kept in the store (the tmp folder of uploads in progress not counted). */
const filesOnDisk = () =>
  existsSync(filesDir()) ? readdirSync(filesDir()).filter((d) => d !== 'tmp').flatMap((d) => readdirSync(join(filesDir(), d))) : [];
const tmpOnDisk = () => (existsSync(join(filesDir(), 'tmp')) ? readdirSync(join(filesDir(), 'tmp')) : []);

async function pdfBytes(text: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage().drawText(text, { x: 50, y: 700, font, size: 14 });
  return Buffer.from(await doc.save());
}

describe('PUT /upload', () => {
  it('refuses a call without the token, from a foreign origin or cross-site, and stores nothing', async () => {
    const body = Buffer.from('hemmeligt indhold');
    const cases: [Record<string, string>, number, string][] = [
      [{ origin: host.origin }, 401, 'UNAUTHORIZED'],
      [{ authorization: 'Bearer forkert', origin: host.origin }, 401, 'UNAUTHORIZED'],
      [{ ...auth(), origin: 'http://evil.example' }, 403, 'FORBIDDEN'],
      [{ ...auth(), 'sec-fetch-site': 'cross-site' }, 403, 'FORBIDDEN'],
    ];
    for (const [headers, status, code] of cases) {
      const reply = await put('a.txt', body, headers);
      expect(reply.status).toBe(status);
      expect(reply.json()).toMatchObject({ ok: false, error: { code } });
    }
    expect((await send(host, '/upload?name=a.txt', { method: 'PUT', headers: { ...auth(), host: 'evil.example' }, body })).status).toBe(403);
    expect(storedCount()).toBe(0);
    expect(filesOnDisk()).toEqual([]);
  });

  it('stores a file and answers with what attachments.add needs', async () => {
    const pdf = await pdfBytes('Takster 2022');
    const reply = await put('Takster 2022 – æøå.pdf', pdf);
    expect(reply.status).toBe(200);
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.json()).toEqual({
      ok: true,
      data: { sha256: createHash('sha256').update(pdf).digest('hex'), size: pdf.length, mediaType: 'application/pdf', fileName: 'Takster 2022 – æøå.pdf' },
    });
    await backend.files!.idle();
  });

  it('refuses an empty file, a missing name, another method and a declared size over the limit, in Danish', async () => {
    const empty = await put('tom.docx', Buffer.alloc(0));
    expect(empty.status).toBe(400);
    expect(empty.json()).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: 'Filen er tom (0 byte) og kan ikke vedhæftes.' } });
    expect((await put('', Buffer.from('x'))).json()).toMatchObject({ ok: false, error: { message: 'Filen skal have et navn (?name=...).' } });
    expect((await send(host, '/upload?name=a.txt', { headers: auth() })).status).toBe(405);
    const big = await send(host, '/upload?name=stor.iso', { method: 'PUT', headers: { ...auth(), 'content-length': String(2 * 1024 ** 3) } });
    expect(big.status).toBe(413);
    expect(big.json().error?.message).toMatch(/^Filen er for stor/);
    expect(tmpOnDisk()).toEqual([]);
  });

  it('refuses a body that grows past the limit part-way, answers in Danish and keeps nothing', async () => {
    const small = await startHttpHost({ backend, staticDir: dir, maxUploadBytes: 64 * 1024 });
    try {
      const before = storedCount();
      const reply = await put('for stor.bin', randomBytes(512 * 1024), auth(small), small);
      expect(reply.status).toBe(413);
      expect(reply.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'Filen er for stor. Et bilag må højst fylde 64 KB.' } });
      expect(storedCount()).toBe(before);
      expect(tmpOnDisk()).toEqual([]);
    } finally {
      await small.close();
    }
  });

  it('answers in Danish when the database has no data folder (in memory)', async () => {
    const memory = await openTestBackend();
    const memoryHost = await startHttpHost({ backend: memory, staticDir: dir });
    try {
      const reply = await put('a.txt', Buffer.from('x'), auth(memoryHost), memoryHost);
      expect(reply.status).toBe(500);
      expect(reply.json().error?.message).toBe('Bilag kan ikke gemmes her, fordi databasen kun ligger i hukommelsen.');
    } finally {
      await memoryHost.close();
      await memory.close();
    }
  });

  it('streams a 200 MB file into the store with flat memory', async () => {
    // Generated on disk (never in memory as a whole), hashed as it is written.
    const source = join(tmpdir(), `sekretariat-200mb-${process.pid}.bin`);
    const hash = createHash('sha256');
    const chunk = randomBytes(1024 * 1024);
    const handle = await openFile(source, 'w');
    for (let i = 0; i < 200; i++) {
      chunk.writeUInt32LE(i, 0); // every MiB differs
      hash.update(chunk);
      await handle.write(chunk);
    }
    await handle.close();
    try {
      const before = process.memoryUsage().rss;
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
      const started = performance.now();
      const reply = await put('Stor scanning.pdf', createReadStream(source), { ...auth(), 'content-length': String(200 * 1024 * 1024) });
      const seconds = (performance.now() - started) / 1000;
      clearInterval(sampler);
      peak = Math.max(peak, process.memoryUsage().rss);
      const growth = (peak - before) / (1024 * 1024);
      console.log(`200 MB upload: ${seconds.toFixed(1)} s, resident memory ${Math.round(before / 2 ** 20)} MB -> peak ${Math.round(peak / 2 ** 20)} MB (+${growth.toFixed(0)} MB)`);
      expect(reply.status).toBe(200);
      expect(reply.json()).toMatchObject({ ok: true, data: { sha256: hash.digest('hex'), size: 200 * 1024 * 1024, mediaType: 'application/octet-stream' } });
      expect(growth).toBeLessThan(100);
    } finally {
      unlinkSync(source);
    }
  }, 120_000);
});

describe('GET /files/<sha256>', () => {
  let sha256: string;
  let pdf: Buffer;
  beforeAll(async () => {
    pdf = await pdfBytes('Bilag til visning');
    sha256 = ((await put('visning.pdf', pdf)).json().data as { sha256: string }).sha256;
  });

  it('refuses a wrong or missing token and a foreign origin', async () => {
    expect((await send(host, `/files/${sha256}?token=forkert`)).status).toBe(401);
    expect((await send(host, `/files/${sha256}`)).status).toBe(401);
    expect((await send(host, `/files/${sha256}?token=${host.token}`, { headers: { origin: 'http://evil.example' } })).status).toBe(403);
    expect((await send(host, `/files/${sha256}?token=${host.token}`, { headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(403);
  });

  it('serves a PDF inline with its name, type, length and nosniff', async () => {
    const reply = await send(host, `/files/${sha256}?token=${host.token}&name=${encodeURIComponent('Bilag 3 – høring.pdf')}`, { headers: { 'sec-fetch-site': 'same-origin' } });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/pdf');
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['content-length']).toBe(String(pdf.length));
    expect(reply.headers['content-disposition']).toBe(`inline; filename="Bilag 3 _ hoering.pdf"; filename*=UTF-8''Bilag%203%20%E2%80%93%20h%C3%B8ring.pdf`);
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(reply.body.equals(pdf)).toBe(true);
    const download = await send(host, `/files/${sha256}?token=${host.token}&name=a.pdf&download=1`);
    expect(download.headers['content-disposition']).toMatch(/^attachment; /);
    const head = await send(host, `/files/${sha256}?token=${host.token}`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
  });

  it('sends files of other types as a download in a sandbox, never to be run', async () => {
    const html = Buffer.from('<html><script>alert(document.cookie)</script></html>');
    const stored = (await put('side.html', html)).json().data as { sha256: string; mediaType: string };
    expect(stored.mediaType).toBe('application/x-executable');
    const reply = await send(host, `/files/${stored.sha256}?token=${host.token}&name=side.html`);
    expect(reply.headers['content-type']).toBe('application/octet-stream');
    expect(reply.headers['content-disposition']).toMatch(/^attachment; filename="side.html"/);
    expect(reply.headers['content-security-policy']).toContain('sandbox');
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
  });

  it('sends a file whose stored type an older version took from a package (control characters, HTML) as a plain download, never a 500', async () => {
    const store = backend.files!;
    for (const [name, declared] of [
      ['notat.txt', 'text/plain\r\nX-Injected: 1'],
      ['run.hta', 'text/html'],
    ] as const) {
      const bytes = Buffer.from(`<script>alert("${name}")</script>`);
      const { sha256: hash } = (await put(`upload-${name}`, bytes)).json().data as { sha256: string };
      await store.idle();
      backend.database.raw.prepare('UPDATE files SET media_type = ? WHERE sha256 = ?').run(declared, hash);
      const reply = await send(host, `/files/${hash}?token=${host.token}&name=${name}`);
      expect(reply.status).toBe(200);
      expect(reply.headers['content-type']).toBe('application/octet-stream');
      expect(reply.headers['x-injected']).toBeUndefined();
      expect(reply.headers['content-disposition']).toMatch(/^attachment; /);
      expect(reply.body.equals(bytes)).toBe(true);
    }
  });

  it('answers 404 in Danish for an unknown hash, a non-hash and a file gone from the data folder', async () => {
    const unknown = await send(host, `/files/${'f'.repeat(64)}?token=${host.token}`);
    expect(unknown.status).toBe(404);
    expect(unknown.json().error?.message).toBe('Filen til bilaget mangler i datamappen eller kan ikke læses. Vedhæft filen igen.');
    expect((await send(host, `/files/..%2f..%2fsekretariat.db?token=${host.token}`)).status).toBe(404);
    const gone = (await put('forsvinder.txt', Buffer.from('snart væk'))).json().data as { sha256: string };
    unlinkSync(backend.files!.pathOf(gone.sha256));
    const reply = await send(host, `/files/${gone.sha256}?token=${host.token}`);
    expect(reply.status).toBe(404);
    expect(reply.json().error?.code).toBe('NOT_FOUND');
    await backend.files!.idle();
  });
});

describe('GET /exports/<id>', () => {
  it('sends a finished export as a download under its name, to the token holder only', async () => {
    const made = await backend.call('documents.export', { meetingId: '00000000-0000-4000-8000-000000000000', kind: 'agenda', edition: 'internal', format: 'docx' });
    expect(made).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const { id, dir: exportDir } = await backend.exports.create();
    writeFileSync(join(exportDir, 'DAS referat 2021-05-27 (offentlig).docx'), 'PK word');
    expect((await send(host, `/exports/${id}`)).status).toBe(401);
    expect((await send(host, `/exports/${id}?token=${host.token}`, { headers: { origin: 'http://evil.example' } })).status).toBe(403);
    const reply = await send(host, `/exports/${id}?token=${host.token}`);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(reply.headers['content-disposition']).toMatch(/^attachment; filename="DAS referat 2021-05-27 \(offentlig\)\.docx"/);
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(reply.body.toString()).toBe('PK word');
    for (const bad of ['..%2F..%2Fetc', 'ikke-et-id', '00000000-0000-4000-8000-000000000000']) {
      const refused = await send(host, `/exports/${bad}?token=${host.token}`);
      expect(refused.status).toBe(404);
      expect((refused.json() as { error: { message: string } }).error.message).toBe('Filen findes ikke længere. Dan den igen.');
    }
  });

  it('names the type of every kind of export, so a browser saves a workbook as a workbook', async () => {
    const types: Record<string, string> = {
      'Referat.pdf': 'application/pdf',
      'Takstscenarie – NT-1.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Beslutningsregister 2021.csv': 'text/csv; charset=utf-8',
      'Udveksling.sekretariat': 'application/octet-stream',
    };
    for (const [fileName, type] of Object.entries(types)) {
      const made = await backend.exports.saveFile(fileName, new TextEncoder().encode('indhold'));
      const reply = await send(host, `/exports/${made.exportId}?token=${host.token}`);
      expect(reply.headers['content-type']).toBe(type);
    }
  });
});

describe('PUT /upload-package', () => {
  const putPackage = (name: string, body: Buffer | Readable, headers: Record<string, string> = auth()) =>
    send(host, `/upload-package?name=${encodeURIComponent(name)}`, { method: 'PUT', headers, body });

  it('streams an exchange package into the incoming store and answers with its id', async () => {
    const bytes = randomBytes(2 * 1024 * 1024);
    const reply = await putPackage('pakke.sekretariat', bytes);
    expect(reply.status).toBe(200);
    const data = reply.json().data as { packageId: string; fileName: string; bytes: number };
    expect(data).toMatchObject({ fileName: 'pakke.sekretariat', bytes: bytes.length });
    const held = await backend.incoming.find(data.packageId);
    expect(createHash('sha256').update(readFileSync(held!.path)).digest('hex')).toBe(createHash('sha256').update(bytes).digest('hex'));
    await backend.call('exchange.discard', { packageId: data.packageId });
  });

  it('refuses a caller without the token or from another origin, and keeps nothing', async () => {
    expect((await putPackage('pakke.sekretariat', Buffer.from('x'), { origin: host.origin })).status).toBe(401);
    expect((await putPackage('pakke.sekretariat', Buffer.from('x'), { authorization: `Bearer ${host.token}`, origin: 'http://evil.example' })).status).toBe(403);
    expect(await backend.call('exchange.incoming', {})).toEqual({ ok: true, data: [] });
  });
});

describe('PUT /upload-template', () => {
  const putTemplate = (name: string, body: Buffer, headers: Record<string, string> = auth()) =>
    send(host, `/upload-template?name=${encodeURIComponent(name)}`, { method: 'PUT', headers, body });

  it('keeps a filled operator template in its own store, apart from the exchange packages', async () => {
    const reply = await putTemplate('Aalborg.xlsx', Buffer.from('PK\x03\x04 indhold'));
    expect(reply.status).toBe(200);
    const data = reply.json().data as { fileId: string; fileName: string; bytes: number };
    expect(data).toMatchObject({ fileName: 'Aalborg.xlsx', bytes: 12 });
    expect(await backend.call('exchange.incoming', {})).toEqual({ ok: true, data: [] });
    expect(await backend.call('tariffs.discardImport', { fileIds: [data.fileId] })).toEqual({ ok: true, data: { discarded: 1 } });
  });

  it('refuses a file over 10 MB as it streams in, and a caller without the token', async () => {
    const big = await putTemplate('Stor.xlsx', Buffer.alloc(11 * 1024 * 1024));
    expect(big.status).toBe(400);
    expect(big.json().error).toMatchObject({ message: 'Stor.xlsx: filen er større end 10,0 MB, som er det største, en udfyldt skabelon må fylde. Intet er indlæst.' });
    expect((await putTemplate('Aalborg.xlsx', Buffer.from('x'), { origin: host.origin })).status).toBe(401);
  });
});
