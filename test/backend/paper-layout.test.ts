import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend/backend';
import { buildDocumentModel } from '../../electron/backend/services/documents';
import { call } from '../helpers/backend';
import { renderDocument } from '../../shared/documents';

/** Issue 16, layout C: a body says how its papers look (layout A or C) and whether each item starts a new page. */
const DAS_MAY = '5a3e8c21-7d4f-4b6a-9c0e-202105270001';
const PSU_DECEMBER = '5a3e8c21-7d4f-4b6a-9c0e-202412050001';
const PSU_BODY_ID = '3f0c2a4e-5b7d-4c1e-8f6a-0000000000b1';
let backend: Backend;

beforeAll(async () => {
  backend = await openBackend({ databaseFile: ':memory:', appVersion: 'test', log: { error: () => {} } });
  await call(backend, 'demo.load', {});
}, 300_000);
afterAll(() => backend.close());

const html = async (meetingId: string) => renderDocument(await buildDocumentModel(backend.database.db, meetingId, 'agenda', 'internal'));

describe('the layout of a body’s papers', () => {
  it('prints DAS in layout A with a page per item, and PSU in layout C on continuous pages', async () => {
    const das = await html(DAS_MAY);
    expect(das).toContain('<body>');
    expect(das).not.toContain('(Offentlig)');
    const psu = await html(PSU_DECEMBER);
    expect(psu).toContain('<body class="continuous">');
    expect(psu).toContain('(Offentlig) Aftale om sundhedsreform</h2>');
    expect(psu).toContain('(Fortrolig) Lukket punkt</h2>');
  });

  it('follows a change of the body’s form, and refuses an unknown layout in Danish', async () => {
    const body = (await call(backend, 'bodies.list', {})).find((b) => b.id === PSU_BODY_ID)!;
    expect([body.paperLayout, body.itemBreak]).toEqual(['C', 'continuous']);
    await call(backend, 'bodies.update', { id: body.id, revision: body.revision, patch: { paperLayout: 'A', itemBreak: 'page' } });
    const psu = await html(PSU_DECEMBER);
    expect(psu).toContain('<body>');
    expect(psu).not.toContain('(Offentlig)');
    const changed = (await call(backend, 'bodies.list', {})).find((b) => b.id === PSU_BODY_ID)!;
    const refused = await backend.call('bodies.update', { id: body.id, revision: changed.revision, patch: { paperLayout: 'B' as 'A' } });
    expect(refused.ok).toBe(false);
    expect(JSON.stringify(refused)).toContain('Ukendt layout');
  });
});
