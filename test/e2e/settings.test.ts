import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { beforeEach, describe, expect, it } from 'vitest';
import { backupDirIn } from '../../electron/backend/data-dir';
import { AppPage } from './pages/app-page';
import { screenshot, useE2eSession, type RunningApp } from './support/app';

const session = useE2eSession();
let app: RunningApp;
let ui: AppPage;
beforeEach(async () => {
  app = session.app;
  ui = new AppPage(session.page);
  await app.backend.call('settings.update', { welcomeDone: true });
  await ui.open(app.host.url);
  await ui.goTo('Indstillinger');
});

describe('settings', () => {
  it('saves the user name by itself and shows it in the header', async () => {
    await ui.page.getByRole('textbox', { name: 'Dit navn' }).fill('Mette Sørensen');
    await ui.page.getByText(/Gemt kl\./).waitFor();
    expect(await ui.page.getByTestId('user-name').innerText()).toBe('Mette Sørensen');
    expect(await app.backend.call('settings.get', {})).toMatchObject({ data: { userName: 'Mette Sørensen' } });
  });

  it('lists the 11 municipalities and the region with population per 2nd quarter 2021 summing to 590.322', async () => {
    const table = ui.page.getByRole('table', { name: 'Kommuner og region' });
    expect(await table.getByRole('row').count()).toBe(1 + 12 + 1);
    expect(await ui.page.getByTestId('population-total').innerText()).toBe('590.322');
    expect(await table.innerText()).toMatch(/Aalborg Kommune[\s\S]*37,20\s%/);
    await screenshot(ui.page, 'settings', { fullPage: true });

    const laesoe = ui.page.getByRole('textbox', { name: 'Befolkning Læsø Kommune' });
    await laesoe.fill('1800');
    await laesoe.press('Tab');
    await expect.poll(() => ui.page.getByTestId('population-total').innerText()).toBe('590.346');
  });

  it('takes the 0–17-year-olds of a quarter from a Danmarks Statistik CSV, and refuses a table that lacks a municipality', async () => {
    const listed = (await app.backend.call('organisations.list', {})) as { ok: true; data: { name: string; kind: string }[] };
    const names = listed.data.filter((o) => o.kind === 'kommune').map((o) => o.name.replace(/ Kommune$/, ''));
    const csv = (areas: string[]) =>
      ['Befolkningen den 1. i kvartalet efter område, alder og tid', '"";"";"2022K1";"2022K2"', ...areas.map((a, i) => `"${a}";"0-17 år";${1000 + i};${2000 + i}`), '', 'Kilde: Danmarks Statistik'].join('\r\n');
    const dir = mkdtempSync(join(tmpdir(), 'sekretariat-dst-'));
    writeFileSync(join(dir, 'uden-laesoe.csv'), csv(names.filter((n) => n !== 'Læsø')));
    writeFileSync(join(dir, 'folk1a.csv'), csv(names));

    await ui.page.getByRole('button', { name: 'Indlæs fra Danmarks Statistik …' }).click();
    const dialog = ui.dialog('Befolkningstal fra Danmarks Statistik');
    await dialog.getByText('0–17-årige').click();
    await dialog.locator('input[type=file]').setInputFiles(join(dir, 'uden-laesoe.csv'));
    expect(await dialog.getByTestId('population-error').innerText()).toMatch(/Der er intet tal for Læsø Kommune i 2\. kvt\. 2022/);
    expect(await dialog.getByRole('button', { name: 'Gem tallene' }).isDisabled()).toBe(true);

    await dialog.locator('input[type=file]').setInputFiles(join(dir, 'folk1a.csv'));
    await dialog.getByTestId('population-preview').waitFor();
    expect(await dialog.getByTestId('population-error').count()).toBe(0);
    await screenshot(ui.page, 'settings-population-import');
    await dialog.getByRole('button', { name: 'Gem tallene' }).click();
    await ui.notification(/0–17-årige for 2\. kvt\. 2022 er gemt for alle 11 kommuner/).waitFor();
    const table = ui.page.getByRole('table', { name: 'Kommuner og region' });
    const aalborg = 2000 + names.indexOf('Aalborg');
    expect(await table.getByRole('row', { name: /^Aalborg Kommune/ }).innerText()).toContain(`2.0${String(aalborg).slice(2)}`);
  });

  it('creates a body and deletes it with undo', async () => {
    await ui.page.getByRole('button', { name: 'Nyt organ' }).click();
    const dialog = ui.dialog('Nyt organ');
    await dialog.getByRole('textbox', { name: 'Forkortelse' }).fill('SUG');
    await dialog.getByRole('textbox', { name: 'Navn' }).fill('Socialudviklingsgruppen');
    await dialog.getByRole('button', { name: 'Opret organ' }).click();
    const bodies = ui.page.getByRole('table', { name: 'Organer' });
    await bodies.getByText('Socialudviklingsgruppen').waitFor();

    await ui.page.getByRole('button', { name: 'Slet SUG' }).click();
    await bodies.getByText('Socialudviklingsgruppen').waitFor({ state: 'detached' });
    await ui.notification('SUG er slettet').getByRole('button', { name: 'Fortryd' }).click();
    await bodies.getByText('Socialudviklingsgruppen').waitFor();
  });

  it('says in Danish why a body with meetings cannot be deleted', async () => {
    await app.backend.call('demo.load', {});
    await ui.page.reload();
    await ui.page.getByRole('table', { name: 'Organer' }).getByText('3', { exact: true }).waitFor();
    await ui.page.getByRole('button', { name: 'Slet DAS' }).click();
    await ui.notification('DAS kan ikke slettes, fordi organet har 3 møder').waitFor();
  });

  it('sets the secretariat’s name and a body’s attachment numbering', async () => {
    await ui.page.getByRole('textbox', { name: 'Sekretariatets navn' }).fill('Sekretariatet for Socialaftalen');
    await ui.page.getByText(/Gemt kl\./).waitFor();
    expect(await app.backend.call('settings.get', {})).toMatchObject({ data: { secretariatName: 'Sekretariatet for Socialaftalen' } });
    for (const [width, height] of [[1440, 900], [1280, 720]] as const) {
      await ui.page.setViewportSize({ width, height });
      await screenshot(ui.page, `settings-profile-${width}`);
    }

    await ui.page.getByRole('button', { name: 'Redigér FU' }).click();
    const dialog = ui.dialog('Redigér organ');
    await dialog.getByRole('textbox', { name: 'Bilagsnumre' }).click();
    await ui.page.getByRole('option', { name: 'Forfra i hvert punkt' }).click();
    for (const [width, height] of [[1440, 900], [1280, 720]] as const) {
      await ui.page.setViewportSize({ width, height });
      await screenshot(ui.page, `body-dialog-numbering-${width}`);
    }
    await dialog.getByRole('button', { name: 'Gem' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const bodies = (await app.backend.call('bodies.list', {})) as { ok: true; data: { code: string; attachmentNumbering: string }[] };
    expect(bodies.data.find((b) => b.code === 'FU')!.attachmentNumbering).toBe('item');
  });

  it('sets a body’s papers to layout C, whose items flow on continuous pages', async () => {
    await ui.page.getByRole('button', { name: 'Redigér FU' }).click();
    const dialog = ui.dialog('Redigér organ');
    await dialog.getByRole('textbox', { name: 'Layout af dagsorden og referat' }).click();
    await ui.page.getByRole('option', { name: 'C – Danske Regioner' }).click();
    await expect.poll(() => dialog.getByRole('textbox', { name: 'Sideskift' }).inputValue()).toBe('Punkterne i forlængelse af hinanden');
    for (const [width, height] of [[1440, 900], [1280, 720]] as const) {
      await ui.page.setViewportSize({ width, height });
      await screenshot(ui.page, `body-dialog-layout-${width}`);
    }
    await dialog.getByRole('button', { name: 'Gem' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const bodies = (await app.backend.call('bodies.list', {})) as { ok: true; data: { code: string; paperLayout: string; itemBreak: string }[] };
    expect(bodies.data.find((b) => b.code === 'FU')).toMatchObject({ paperLayout: 'C', itemBreak: 'continuous' });
  });

  it('refuses a duplicate abbreviation with a message at the field', async () => {
    await ui.page.getByRole('button', { name: 'Nyt organ' }).click();
    const dialog = ui.dialog('Nyt organ');
    await dialog.getByRole('textbox', { name: 'Forkortelse' }).fill('FU');
    await dialog.getByRole('textbox', { name: 'Navn' }).fill('Et andet FU');
    await dialog.getByRole('button', { name: 'Opret organ' }).click();
    await dialog.getByText('Der findes allerede et organ med forkortelsen «FU».').waitFor();
  });
});

describe('members and participants', () => {
  it('adds a member to a body and starts a meeting’s participants from the members, one sending apologies', async () => {
    await ui.page.getByRole('button', { name: 'Redigér FU' }).click();
    const dialog = ui.dialog('Redigér organ');
    await dialog.getByRole('button', { name: 'Tilføj medlem' }).click();
    await dialog.getByRole('textbox', { name: 'Medlem 1 navn' }).fill('Henrik Aarup-Kristensen');
    await dialog.getByRole('textbox', { name: 'Medlem 1 organisation' }).fill('Aalborg Kommune');
    await dialog.getByRole('textbox', { name: 'Medlem 1 rolle' }).fill('formand');
    await screenshot(ui.page, 'body-dialog');
    await dialog.getByRole('button', { name: 'Gem' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const bodies = (await app.backend.call('bodies.list', {})) as { ok: true; data: { id: string; code: string }[] };
    const fu = bodies.data.find((b) => b.code === 'FU')!.id;
    const meeting = (await app.backend.call('meetings.create', { bodyId: fu, date: '2027-03-01' })) as { ok: true; data: { id: string } };
    await ui.page.goto(`${app.host.origin}/#/moeder/${meeting.data.id}`);
    await ui.page.getByRole('button', { name: 'Mødeoplysninger' }).click();
    const attendance = ui.page.getByTestId('attendance');
    await attendance.getByRole('button', { name: 'Hent organets medlemmer' }).click();
    expect(await attendance.getByRole('textbox', { name: 'Deltager 1 navn' }).inputValue()).toBe('Henrik Aarup-Kristensen');
    await attendance.getByText('Afbud', { exact: true }).click();
    await attendance.getByText(/Gemt kl\./).waitFor();
    const saved = (await app.backend.call('meetings.attendance', { meetingId: meeting.data.id })) as { ok: true; data: { name: string; present: boolean }[] };
    expect(saved.data).toMatchObject([{ name: 'Henrik Aarup-Kristensen', present: false }]);
    await screenshot(ui.page, 'meeting-attendance');
  });
});

describe('backups', () => {
  it('takes a backup from Indstillinger and restores it after a confirmation, undoing a later change', async () => {
    const table = ui.page.getByRole('table', { name: 'Sikkerhedskopier' });
    const rows = table.getByTestId('backup-row');
    // The daily backup taken when the app opened.
    await rows.filter({ hasText: 'Daglig' }).waitFor();
    // An attachment with its file, so the next backup carries one.
    const bodyList = (await app.backend.call('bodies.list', {})) as { ok: true; data: { id: string; code: string }[] };
    const meeting = (await app.backend.call('meetings.create', { bodyId: bodyList.data.find((b) => b.code === 'DAS')!.id, date: '2021-05-27' })) as { ok: true; data: { id: string } };
    const item = (await app.backend.call('agenda.create', { meetingId: meeting.data.id, title: 'Takster 2022' })) as { ok: true; data: { id: string } };
    const stored = await app.backend.files!.storeStream(Readable.from([Buffer.from('%PDF-1.7\n'.padEnd(40_000, 'x'))]), 'Budget 2022.pdf');
    expect((await app.backend.call('attachments.add', { itemId: item.data.id, sha256: stored.sha256, fileName: stored.fileName })).ok).toBe(true);
    // A backup an older version left: the database only.
    const folder = backupDirIn(app.dataDir);
    const daily = readdirSync(folder).find((n) => n.endsWith('-daily.db'))!;
    copyFileSync(join(folder, daily), join(folder, '20260101-120000-manual.db'));

    await ui.page.getByRole('button', { name: 'Tag en sikkerhedskopi nu' }).click();
    await ui.notification(/Sikkerhedskopien er taget \(\d+ kB\)\./).waitFor();
    await rows.filter({ hasText: 'Nyeste' }).filter({ hasText: 'Manuel' }).waitFor();
    expect(await rows.count()).toBe(3);
    expect(await rows.filter({ hasText: 'Nyeste' }).innerText()).toMatch(/\d{1,2}\. \w+\.? \d{4} kl\. \d{2}\.\d{2}\s+Nyeste\s+Manuel\s+1 fil · 39 kB\s+\d+ kB\s+Gendan …/i);
    expect(await rows.filter({ hasText: 'Daglig' }).innerText()).toMatch(/Daglig\s+Ingen bilag\s+\d+ kB/);
    expect(await rows.filter({ hasText: 'Kun databasen' }).innerText()).toMatch(/1\. jan\.? 2026 kl\. \d{2}\.00\s+Manuel\s+Kun databasen/);

    // Changes after the backup: a new body and the user's name.
    await ui.page.getByRole('button', { name: 'Nyt organ' }).click();
    const dialog = ui.dialog('Nyt organ');
    await dialog.getByRole('textbox', { name: 'Forkortelse' }).fill('SUG');
    await dialog.getByRole('textbox', { name: 'Navn' }).fill('Socialudviklingsgruppen');
    await dialog.getByRole('button', { name: 'Opret organ' }).click();
    const bodies = ui.page.getByRole('table', { name: 'Organer' });
    await bodies.getByText('Socialudviklingsgruppen').waitFor();
    await ui.page.getByRole('textbox', { name: 'Dit navn' }).fill('Mette Sørensen');
    await ui.page.getByText(/Gemt kl\./).waitFor();

    await table.scrollIntoViewIfNeeded();
    await screenshot(ui.page, 'settings-backups');
    await rows.filter({ hasText: 'Kun databasen' }).getByRole('button', { name: /^Gendan sikkerhedskopien fra / }).click();
    const oldConfirm = ui.dialog('Gendan sikkerhedskopi');
    expect(await oldConfirm.innerText()).toMatch(/indeholder kun databasen\. Bilagsfiler, der ikke findes i\s+datamappen, vil mangle/);
    await ui.page.waitForTimeout(400); // the modal's fade-in, for the screenshot
    await screenshot(ui.page, 'settings-backup-restore-database-only');
    await oldConfirm.getByRole('button', { name: 'Annuller' }).click();
    await oldConfirm.waitFor({ state: 'hidden' });
    await rows.filter({ hasText: 'Nyeste' }).getByRole('button', { name: /^Gendan sikkerhedskopien fra / }).click();
    const confirm = ui.dialog('Gendan sikkerhedskopi');
    expect(await confirm.innerText()).toMatch(
      /Databasen sættes tilbage til tilstanden fra \d{1,2}\. \w+\.? \d{4} kl\. \d{2}\.\d{2}\. Den nuværende tilstand gemmes\s+først som en sikkerhedskopi, så gendannelsen kan fortrydes\./,
    );
    await ui.page.waitForTimeout(400); // the modal's fade-in, for the screenshot
    await screenshot(ui.page, 'settings-backup-restore-dialog');
    await confirm.getByRole('button', { name: 'Gendan', exact: true }).click();

    await ui.notification(/Den tidligere tilstand er gemt som sikkerhedskopien «\d{8}-\d{6}-restore\.db», så gendannelsen kan fortrydes\./).waitFor();
    await confirm.waitFor({ state: 'hidden' });
    await bodies.getByText('Socialudviklingsgruppen').waitFor({ state: 'detached' });
    expect(await ui.page.getByRole('textbox', { name: 'Dit navn' }).inputValue()).toBe('');
    expect(await ui.page.getByTestId('user-name').innerText()).toBe('Angiv dit navn under Indstillinger');
    await rows.filter({ hasText: 'Før gendannelse' }).waitFor();
    expect(await rows.count()).toBe(4);

    const listed = (await app.backend.call('bodies.list', {})) as { ok: true; data: { code: string }[] };
    expect(listed.data.map((b) => b.code)).not.toContain('SUG');
    await screenshot(ui.page, 'settings-backups-restored', { fullPage: true });
  });
});
