/**
 * Document export figures for the issue note: `npm run -s bench:documents` (takes a few minutes; run it on an
 * otherwise idle machine). Medians over repeated runs, a table at the end; nothing here is a pass/fail test.
 *
 *  1. Minutes of a 30-item meeting (about 60 pages) to PDF through `documents.export`, a new Chromium each time as
 *     the export launches one per export: internal edition, and the public edition (one item closed), which adds
 *     the read-back leak check. Budget: < 3 s including Chromium's start. Median and max of 5 runs, after one cold
 *     run (the first export of a process also loads playwright-core), with the time split into Chromium launch,
 *     layout pass, final pass (tagged, with outline), close, and the rest (Node: model, HTML, pdf-lib, leak check),
 *     which is then timed step by step; the leak check's read-back also alone, for a one-page PDF (its fixed cost)
 *     and with the bundled worker in out/host if a build is there (from source, tsx compiles the worker each time).
 *     The case text (PARAGRAPHS_PER_ITEM, SECOND_TABLE) is tuned so the minutes come to about 60 pages.
 *  2. The limit: the same HTML (with the real contents page numbers) printed straight with playwright-core and the
 *     same Chromium flags, one pass: launch + newPage + setContent + page.pdf (tagged, outline) + close. Ratio
 *     export ÷ bare print.
 *  3. Agenda pack with ~150 MB of scanned-looking PDF attachments (25 files, 5–20 pages each, a random-noise image
 *     per page so nothing compresses): `documents.export {kind:'pack'}` in a child process
 *     (documents-pack-child.ts), 3 runs. Budget: < 15 s with resident memory < 600 MB. The child samples its own
 *     RSS every 50 ms and reports the kernel's high-water mark (VmHWM); the parent samples Chromium (every process
 *     below the child) every 100 ms from /proc: the sum of VmRSS (counts shared pages once per process, so it
 *     overstates) and of Pss (shared pages divided among the processes sharing them).
 *  4. The same minutes as Word (.docx), median of 5.
 *
 * The meeting is built through the contract (meetings.create, agenda.create/update, decisions.save, the file store +
 * attachments.add) in a temporary folder that is removed at the end.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import { deflateSync } from 'node:zlib';
import {
  concatTransformationMatrix,
  drawObject,
  PDFDocument,
  PDFName,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  StandardFonts,
} from 'pdf-lib';
import { openBackend } from '../../electron/backend/backend';
import { namedDestinationPages } from '../../electron/backend/documents/page-map';
import { extractFileText } from '../../electron/backend/files/extract-text';
import { buildDocumentModel } from '../../electron/backend/services/documents';
import { CHROMIUM_ARGS, chromiumPath, chromiumPrinter } from '../../electron/host/chromium-printer';
import { PROJECT_ROOT } from '../../electron/host/paths';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract';
import { renderDocument } from '../../shared/documents';
import { highWaterMark, timedPrinter, type PrinterPhases } from './documents-pack-child';

const RUNS = 5;
const PACK_RUNS = 3;
/** Tuned so that the minutes come to about 60 pages (the table prints the real count). */
const PARAGRAPHS_PER_ITEM = 3;
/** Share of the items whose case text has a second table. */
const SECOND_TABLE = 0.15;
const ATTACHMENTS = 25;
const ATTACHMENT_BYTES = 150 * 1024 * 1024;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const max = (xs: number[]) => Math.max(...xs);
const ms = (x: number) => `${Math.round(x).toLocaleString('da-DK')} ms`;
const s = (x: number) => `${(x / 1000).toLocaleString('da-DK', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} s`;
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024).toLocaleString('da-DK')} MB`;
const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.round(bytes / 1024).toLocaleString('da-DK')} kB` : `${(bytes / 1024 / 1024).toLocaleString('da-DK', { maximumFractionDigits: 1 })} MB`);
const rows: [string, string][] = [];
const record = (label: string, value: string) => {
  rows.push([label, value]);
  console.log(`${label}: ${value}`);
};

// ---------------------------------------------------------------------------------------------------------------
// Danish case text of realistic length and shape: paragraphs, sub-headings, lists and tables of 10–20 rows.
// ---------------------------------------------------------------------------------------------------------------

/** A small deterministic generator, so every run prints the same document. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
  return { next, int, pick };
}
type Random = ReturnType<typeof random>;

const SENTENCES = [
  'Styringsaftalen for 2025–2026 fastlægger rammerne for takstudviklingen på de specialiserede tilbud, og kommunerne har forpligtet sig til at holde udgifterne på niveau med 2024.',
  'Sekretariatet har i samarbejde med driftsherrerne gennemgået belægningen på de højt specialiserede døgntilbud for perioden januar til september.',
  'Gennemgangen viser, at belægningen på flere af tilbuddene til børn og unge med selvskadende adfærd har ligget under det budgetterede niveau.',
  'Et underskud på tilbuddet skal efter styringsaftalens regler dækkes af driftsherren og indregnes i taksterne over de følgende to år.',
  'Socialtilsyn Nord har i sin seneste årsrapport peget på, at rekruttering og fastholdelse af kvalificeret personale fortsat er en udfordring.',
  'Flere kommuner oplever, at borgere med komplekse psykiatriske problemstillinger venter for længe på en plads i et egnet botilbud.',
  'Arbejdsgruppen anbefaler, at der etableres et fælles overblik over ledige pladser, som opdateres månedligt og stilles til rådighed for alle myndighedsrådgivere.',
  'Der er enighed om, at de uvisiterede indsatser skal evalueres, før der træffes beslutning om en videreførelse efter 2026.',
  'Region Nordjylland har tilkendegivet, at regionen er indstillet på at indgå i drøftelser om en fælles finansiering af de mest specialiserede pladser.',
  'Koordinationsforum har drøftet sagen på sit møde i september og har bedt sekretariatet om at udarbejde et beslutningsgrundlag til DAS.',
  'Taksterne for 2026 er beregnet på grundlag af budgetterne for 2025, fremskrevet med KL’s pris- og lønskøn og korrigeret for ændringer i tilbuddenes kapacitet.',
  'Den samlede takststigning udgør 2,1 procent, hvilket ligger inden for den ramme, som KKR har fastsat for styringsaftalen.',
  'For enkelte tilbud er taksten steget mere end rammen, fordi der er gennemført en normeringsændring efter påbud fra socialtilsynet.',
  'Kommunerne opfordres til at indmelde forventet forbrug af pladser senest den 1. marts, så driftsherrerne kan tilpasse kapaciteten i tide.',
  'Erfaringerne fra fokuskommunerne viser, at en tidlig og koordineret indsats kan forebygge anbringelser uden for hjemmet.',
  'Sekretariatet vurderer, at forslaget kan gennemføres inden for den eksisterende økonomiske ramme, hvis de fælles udviklingsmidler prioriteres hertil.',
  'Direktørkredsen har udtrykt bekymring for den stigende efterspørgsel efter pladser til voksne med udadreagerende adfærd og demens.',
  'Der lægges op til, at de nordjyske kommuner i fællesskab udarbejder standardkontrakter for køb af pladser hos private leverandører.',
  'Standardkontrakterne skal sikre ensartede vilkår for opsigelse, prisregulering og opfølgning på den enkelte borgers handleplan.',
  'Ankestyrelsens praksis på området er ændret, og det har betydning for, hvordan kommunerne skal dokumentere valget af tilbud.',
  'Psykiatripartnerskabet har foreslået et fælles kompetenceforløb om recovery-orienteret praksis for medarbejdere på botilbuddene.',
  'Forløbet forventes at strække sig over to år og vil omfatte cirka 400 medarbejdere fordelt på de 11 kommuner og regionen.',
  'Udgifterne til forløbet finansieres af de fælles udviklingsmidler og af en ansøgning til Socialstyrelsens pulje for kompetenceudvikling.',
  'Hjørring og Frederikshavn Kommuner har meddelt, at de ønsker at udvide kapaciteten på deres tilbud til unge med autisme.',
  'En udvidelse vil betyde, at taksten på tilbuddene falder, fordi de faste omkostninger fordeles på flere pladser.',
  'Læsø og Morsø Kommuner har gjort opmærksom på, at de små kommuner er særligt sårbare over for enkeltsager med meget høje udgifter.',
  'Det foreslås derfor at undersøge mulighederne for en solidarisk finansiering af de dyreste enkeltsager på tværs af kommunerne.',
  'Sekretariatet vil i løbet af foråret indhente erfaringer fra andre regioner, der har etableret lignende ordninger.',
  'Høringssvarene fra kommunerne er overvejende positive, men flere peger på behovet for en klar afgrænsning af målgruppen.',
  'Aalborg Kommune bemærker i sit høringssvar, at de administrative konsekvenser bør belyses nærmere, inden ordningen træder i kraft.',
  'Rebild og Vesthimmerland Kommuner støtter forslaget og understreger vigtigheden af en løbende evaluering.',
  'Jammerbugt og Brønderslev Kommuner har ingen bemærkninger til forslaget.',
  'Mariagerfjord Kommune foreslår, at ordningen i første omgang gennemføres som et forsøg over to år.',
  'Thisted Kommune har bedt om, at der i evalueringen indgår en vurdering af effekten for borgerne og ikke kun af økonomien.',
  'Den faglige styregruppe har fulgt arbejdet tæt og anbefaler, at DAS godkender kommissoriet med de foreslåede justeringer.',
  'Kommissoriet beskriver formål, organisering, tidsplan og økonomi for arbejdet og er vedlagt som bilag til punktet.',
  'Det er forudsat, at arbejdsgruppen afrapporterer til DAS på mødet i november, så resultaterne kan indgå i den kommende styringsaftale.',
  'Sagen har tidligere været behandlet på DAS-mødet i maj, hvor det blev besluttet at bede om en nærmere analyse af økonomien.',
  'Analysen er nu gennemført og viser, at den samlede udgift ved en fælles løsning vil være lavere end summen af de enkelte kommuners udgifter.',
  'Besparelsen skyldes især lavere administrative omkostninger og en bedre udnyttelse af de eksisterende pladser.',
  'Der er dog usikkerhed forbundet med beregningerne, fordi de bygger på forventninger til efterspørgslen de kommende år.',
  'Sekretariatet anbefaler, at sagen genoptages, når regnskabet for 2025 foreligger, så beregningerne kan opdateres med faktiske tal.',
  'Udviklingen på området følges tæt af KKR Nordjylland, som forventer en samlet status på socialområdet i forbindelse med årsrapporten.',
  'Det bemærkes, at tilbuddet har haft en stabil belægning på over 95 procent de seneste tre år og ingen sager hos socialtilsynet.',
  'På baggrund af de indkomne oplysninger vurderes det, at der ikke er behov for yderligere tiltag på nuværende tidspunkt.',
];

const BULLETS = [
  'en fælles opgørelse af ledige pladser, opdateret hver måned',
  'ensartede standardkontrakter ved køb af pladser hos private leverandører',
  'en styrket tværkommunal indsats for unge med selvskadende adfærd',
  'evaluering af de uvisiterede indsatser inden udgangen af 2026',
  'kompetenceudvikling i recovery-orienteret praksis for medarbejderne',
  'tættere dialog med socialtilsynet om påbud og skærpet tilsyn',
  'en model for solidarisk finansiering af de dyreste enkeltsager',
  'tidlig inddragelse af driftsherrerne ved ændringer i kapaciteten',
  'opfølgning på takstudviklingen i forhold til KKR’s ramme',
  'bedre data om ventetid på pladser i botilbud og døgntilbud',
];

const HEADINGS = ['Baggrund', 'Status', 'Analyse', 'Økonomiske konsekvenser', 'Vurdering', 'Det videre forløb', 'Tidsplan'];

const OFFERS = [
  'Kastanjehuset', 'Bøgehøj', 'Solsikken', 'Fjordhuset', 'Skovly', 'Egebakken', 'Havblik', 'Lyngbo', 'Kildegården', 'Åbrinken',
  'Stjernehusene', 'Mølleparken', 'Birkelund', 'Klitgården', 'Engbo', 'Toftegården', 'Rønnebo', 'Vesterbakken', 'Strandvejen', 'Hjortebo',
];
const OPERATORS = ['Aalborg', 'Hjørring', 'Frederikshavn', 'Region Nordjylland', 'Brønderslev', 'Jammerbugt', 'Mariagerfjord', 'Rebild', 'Thisted', 'Vesthimmerland'];
const MUNICIPALITIES = ['Aalborg', 'Brønderslev', 'Frederikshavn', 'Hjørring', 'Jammerbugt', 'Læsø', 'Mariagerfjord', 'Morsø', 'Rebild', 'Thisted', 'Vesthimmerland', 'Region Nordjylland'];
const OFFICERS = ['Mette Kjærgaard', 'Søren Østergaard', 'Lone Bækgaard', 'Anders Vestergaard'];

const kr = (n: number) => `${Math.round(n).toLocaleString('da-DK')}`;
const paragraph = (r: Random) => `<p>${Array.from({ length: r.int(3, 5) }, () => r.pick(SENTENCES)).join(' ')}</p>`;
const list = (r: Random) => `<ul>${Array.from({ length: r.int(3, 6) }, () => `<li>${r.pick(BULLETS)}</li>`).join('')}</ul>`;

function table(r: Random): string {
  const n = r.int(10, 20);
  if (r.next() < 0.5) {
    const body = Array.from({ length: n }, (_, i) => {
      const places = r.int(4, 40);
      return `<tr><td>${OFFERS[i % OFFERS.length]}</td><td>${r.pick(OPERATORS)}</td><td>${places}</td><td>${r.int(78, 101)} %</td><td>${kr(r.int(2800, 9800))}</td><td>${kr(places * r.int(900_000, 3_200_000))}</td></tr>`;
    }).join('');
    return `<table><thead><tr><th>Tilbud</th><th>Driftsherre</th><th>Pladser</th><th>Belægning 2025</th><th>Takst 2026 (kr./døgn)</th><th>Budget 2026 (kr.)</th></tr></thead><tbody>${body}</tbody></table>`;
  }
  const body = Array.from({ length: Math.min(n, MUNICIPALITIES.length) }, (_, i) => {
    const a = r.int(2_000_000, 60_000_000);
    const b = a * (0.9 + r.next() * 0.25);
    return `<tr><td>${MUNICIPALITIES[i]}</td><td>${kr(a)}</td><td>${kr(b)}</td><td>${(((b - a) / a) * 100).toFixed(1).replace('.', ',')} %</td><td>${r.int(1, 25)}</td></tr>`;
  }).join('');
  return `<table><thead><tr><th>Kommune</th><th>Forbrug 2024 (kr.)</th><th>Forventet 2025 (kr.)</th><th>Ændring</th><th>Borgere</th></tr></thead><tbody>${body}</tbody></table>`;
}

/** Sagsfremstilling: headed sections of paragraphs, a list and one or two tables. */
function caseText(r: Random, paragraphs: number): string {
  const parts: string[] = [];
  const secondTable = r.next() < SECOND_TABLE;
  for (let i = 0; i < paragraphs; i++) {
    if (i % 2 === 0) parts.push(`<h3>${HEADINGS[(i / 2) % HEADINGS.length]}</h3>`);
    parts.push(paragraph(r));
    if (i === 0) parts.push('<p>Arbejdet har særligt fokus på:</p>', list(r));
    if (i === 1 || (secondTable && i === paragraphs - 1)) parts.push(table(r));
  }
  return parts.join('');
}

const TITLES = [
  'Takster for 2026 på de højt specialiserede tilbud',
  'Status på styringsaftalen 2025–2026',
  'Belægning og økonomi på døgntilbud for børn og unge',
  'Kommissorium for arbejdsgruppe om selvskadende unge',
  'Socialtilsyn Nords årsrapport 2024',
  'Rekruttering og fastholdelse af SOSU-personale',
  'Standardkontrakter ved køb af pladser hos private leverandører',
  'Evaluering af de uvisiterede indsatser',
  'Fælles kompetenceforløb om recovery',
  'Kapacitetsudvidelse på tilbud til unge med autisme',
  'Solidarisk finansiering af de dyreste enkeltsager',
  'Ventetid på pladser i botilbud',
  'Udviklingsmidler 2026 – prioritering',
  'Høringssvar om ny model for takstberegning',
  'Demens og udadreagerende adfærd – tværkommunalt samarbejde',
  'Forhandling om driftsoverenskomst for et privat botilbud',
  'Psykiatripartnerskabets handleplan',
  'Ankestyrelsens praksisændring om valg af tilbud',
  'Fokuskommunernes erfaringer med tidlig indsats',
  'Regnskab 2024 for de fælles sekretariatsfunktioner',
  'Budget 2026 for sekretariatet',
  'Revision af kommissoriet for koordinationsforum',
  'Data om forbrug af pladser på tværs af kommunerne',
  'Orientering fra KKR Nordjylland',
  'Orientering fra den faglige styregruppe',
  'Årshjul for 2026',
];
/** The closed item's number; its texts are its own, so the public edition's leak check passes. */
const CLOSED_NUMBER = 17;

async function buildMeeting(call: Call) {
  const das = (await call('bodies.list', {})).find((b) => b.code === 'DAS')!;
  const meeting = await call('meetings.create', { bodyId: das.id, date: '2026-11-26', startTime: '09:00', endTime: '14:30', location: 'Aalborg Rådhus, mødesal 1', status: 'afholdt' });
  await call('meetings.setAttendance', {
    meetingId: meeting.id,
    attendees: MUNICIPALITIES.map((m, i) => ({ name: `${['Anne', 'Bo', 'Charlotte', 'Dennis', 'Eva', 'Frank', 'Gitte', 'Henrik', 'Inge', 'Jens', 'Karin', 'Lars'][i]} ${['Nielsen', 'Jensen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen', 'Jørgensen', 'Madsen', 'Kristensen'][i]}`, organisation: m, present: i !== 5 })),
  });
  const items: { id: string; number: number }[] = [];
  const titles = ['Godkendelse af dagsorden', 'Godkendelse af referat fra seneste møde', ...TITLES, 'Eventuelt', 'Næste møde'];
  for (const [index, title] of titles.entries()) {
    const number = index + 1;
    const r = random(number * 7919);
    const standing = index < 2 || index >= titles.length - 2;
    const closed = number === CLOSED_NUMBER;
    const kind = standing ? (number === 29 ? 'droeftelse' : number === 30 ? 'orientering' : 'beslutning') : number % 4 === 0 ? 'orientering' : 'beslutning';
    const item = await call('agenda.create', { meetingId: meeting.id, title, kind });
    items.push({ id: item.id, number });
    const patch: MethodInput<'agenda.update'>['patch'] = standing
      ? { resume: `<p>${r.pick(SENTENCES)}</p>`, recommendations: [number === 1 ? 'DAS godkender dagsordenen' : number === 2 ? 'DAS godkender referatet' : 'DAS tager orienteringen til efterretning'] }
      : closed
        ? closedItemTexts()
        : {
            caseNumber: `27.00.00-A00-${100 + number}-25`,
            caseOfficer: OFFICERS[number % OFFICERS.length],
            resume: paragraph(r),
            recommendations: Array.from({ length: r.int(2, 3) }, (_, i) => [`DAS godkender indstillingen om ${title.toLowerCase()}`, 'DAS tager status til efterretning', 'sekretariatet udarbejder en opfølgning til næste møde'][i]!),
            caseText: caseText(r, kind === 'orientering' ? 2 : PARAGRAPHS_PER_ITEM + r.int(-1, 1)),
            economy: kind === 'orientering' ? '' : paragraph(r),
            consultation: number % 5 === 0 ? paragraph(r) : '',
          };
    await call('agenda.update', { id: item.id, revision: item.revision, patch });
    const outcome = kind === 'orientering' ? 'taget_til_efterretning' : kind === 'droeftelse' ? 'droeftet' : number % 7 === 0 ? 'godkendt_med_aendringer' : 'godkendt';
    await call('decisions.save', {
      itemId: item.id,
      revision: null,
      text: closed ? '<p>Styregruppen gav formandskabet mandat til at afslutte forhandlingen med Vesterhavsfonden inden årsskiftet, dog højst til en årlig ramme på 41,7 mio. kr.</p>' : Array.from({ length: standing ? 1 : r.int(1, 2) }, () => paragraph(r)).join(''),
      outcome,
      reservations: number % 9 === 0 ? [{ party: 'Læsø Kommune', text: 'Læsø Kommune tager forbehold for finansieringen, indtil kommunalbestyrelsen har behandlet sagen.' }] : [],
    });
  }
  return { meetingId: meeting.id, items };
}

/** The closed item: words found nowhere else, since any five of its words in the public edition are a leak. */
function closedItemTexts(): MethodInput<'agenda.update'>['patch'] {
  return {
    closed: true,
    caseNumber: '88.44.12-Ø60-9-26',
    caseOfficer: OFFICERS[0],
    resume: '<p>Vesterhavsfonden, som driver opholdsstedet Sandflugten, har opsagt overenskomsten pr. 31. marts og ønsker en genforhandling af prisen.</p>',
    recommendations: ['Styregruppen drøfter forhandlingsmandatet over for Vesterhavsfonden', 'Formandskabet bemyndiges til at afslutte forhandlingen'],
    caseText:
      '<h3>Forhandlingens stade</h3><p>Fonden kræver en forhøjelse af dagsprisen fra 6.950 til 7.480 kroner med virkning fra april. Begrundelsen er ifølge fondens direktør øgede lønudgifter efter overenskomstfornyelsen samt et vedligeholdelsesefterslæb på hovedbygningen ved Løkken.</p>' +
      '<p>Sekretariatets gennemgang af fondens regnskaber for de tre seneste år tyder på, at en del af efterslæbet kan henføres til udskudte investeringer. Fonden har oplyst, at den alternativt vil sælge ejendommen til en privat investor.</p>' +
      '<h3>Handlemuligheder</h3><p>Styregruppen kan acceptere kravet, tilbyde en trinvis forhøjelse over to år eller lade overenskomsten udløbe og flytte de nuværende beboere til andre steder. Den sidste mulighed vurderes som uforholdsmæssigt indgribende for de syv beboere.</p>',
    economy: '<p>En accept af fondens krav koster kommunerne samlet cirka 1,4 mio. kroner ekstra årligt. En trinvis model halverer merudgiften det første år.</p>',
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Scanned-looking PDF attachments: a typed cover page, then one random-noise greyscale image per page.
// ---------------------------------------------------------------------------------------------------------------

const A4 = [595.28, 841.89] as const;
const ATTACHMENT_TITLES = ['Tilsynsrapport', 'Regnskab 2024', 'Kommissorium', 'Høringssvar', 'Budgetnotat', 'Handleplan', 'Evalueringsrapport', 'Driftsoverenskomst', 'Referat fra arbejdsgruppen', 'Takstbilag'];

async function scannedPdf(title: string, pages: number, bytes: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const cover = doc.addPage([...A4]);
  cover.drawText(title, { x: 60, y: 760, size: 20, font });
  cover.drawText('Scannet dokument – Nordjysk Socialaftale', { x: 60, y: 730, size: 11, font, color: rgb(0.3, 0.3, 0.3) });
  // Greyscale "scans" about the size of a real 150–200 dpi page, sized so the file totals `bytes`.
  const perPage = Math.floor(bytes / (pages - 1));
  const width = Math.round(Math.sqrt(perPage / Math.SQRT2));
  const height = Math.floor(perPage / width);
  for (let p = 1; p < pages; p++) {
    // Stored deflate (level 0): a valid FlateDecode image of incompressible noise, made in no time.
    const image = doc.context.stream(deflateSync(randomBytes(width * height), { level: 0 }), {
      Type: 'XObject',
      Subtype: 'Image',
      Width: width,
      Height: height,
      ColorSpace: 'DeviceGray',
      BitsPerComponent: 8,
      Filter: 'FlateDecode',
    });
    const page = doc.addPage([...A4]);
    page.node.setXObject(PDFName.of('Scan'), doc.context.register(image));
    page.pushOperators(pushGraphicsState(), concatTransformationMatrix(A4[0], 0, 0, A4[1], 0, 0), drawObject('Scan'), popGraphicsState());
  }
  return doc.save();
}

// ---------------------------------------------------------------------------------------------------------------
// Measuring.
// ---------------------------------------------------------------------------------------------------------------

type Call = <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>;

/** Processes below `root` (not `root` itself), from /proc. */
function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // Field 4 of /proc/<pid>/stat is the parent; the command name (field 2) may hold spaces, so split after it.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // The process ended meanwhile.
    }
  }
  const out: number[] = [];
  const walk = (pid: number) => (children.get(pid) ?? []).forEach((child) => (out.push(child), walk(child)));
  walk(root);
  return out;
}

/** Sum of VmRSS and of Pss (bytes) over `pids`. */
function memoryOf(pids: number[]): { rss: number; pss: number } {
  let rss = 0;
  let pss = 0;
  for (const pid of pids) {
    try {
      rss += Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
      pss += Number(/^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0) * 1024;
    } catch {
      // Ended meanwhile.
    }
  }
  return { rss, pss };
}

interface PackRun {
  ms: number;
  bytes: number;
  pages: number;
  warnings: string[];
  rssBefore: number;
  peakRss: number;
  vmHwm: number;
  phases: PrinterPhases;
  childWallMs: number;
  chromiumRss: number;
  chromiumPss: number;
  /** The child's RSS as the parent saw it from /proc (catches peaks while the child's event loop is busy). */
  childRssSampled: number;
}

async function packRun(databaseFile: string, meetingId: string): Promise<PackRun> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/bench/documents-pack-child.ts', databaseFile, meetingId], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  let chromiumRss = 0;
  let chromiumPss = 0;
  let childRssSampled = 0;
  const sampler = setInterval(() => {
    const chromium = memoryOf(descendants(child.pid!));
    chromiumRss = Math.max(chromiumRss, chromium.rss);
    chromiumPss = Math.max(chromiumPss, chromium.pss);
    childRssSampled = Math.max(childRssSampled, memoryOf([child.pid!]).rss);
  }, 100);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearInterval(sampler);
  if (code !== 0) throw new Error(`documents-pack-child ended with ${code}`);
  const result = JSON.parse(out.trim().split('\n').pop()!) as Omit<PackRun, 'childWallMs' | 'chromiumRss' | 'chromiumPss' | 'childRssSampled'>;
  return { ...result, childWallMs: performance.now() - t0, chromiumRss, chromiumPss, childRssSampled };
}

/** The bundled text extraction worker on one file, as extractFileText runs it (ms are measured by the caller). */
async function bundledExtract(script: string, path: string): Promise<void> {
  // execArgv: [] so the worker does not inherit `--import tsx` from this process (the app's worker has no loader).
  const worker = new Worker(script, { workerData: { extractJob: { path, kind: 'pdf', maxChars: Number.MAX_SAFE_INTEGER } }, stdout: true, stderr: true, execArgv: [] });
  worker.stdout.resume();
  worker.stderr.resume();
  const reply = await new Promise<{ ok: boolean; error?: string }>((resolve) => {
    worker.once('message', resolve);
    worker.once('error', (error) => resolve({ ok: false, error: error.message }));
  });
  await worker.terminate();
  if (!reply.ok) throw new Error(`extract-worker.cjs: ${reply.error}`);
}

/** Median of each printer phase over the sessions, as "launch 312 ms · opsætning 610 ms · …". */
function phaseLine(sessions: PrinterPhases[], totals: number[]): string {
  const launch = median(sessions.map((p) => p.launch));
  const layout = median(sessions.map((p) => p.passes.filter((x) => !x.final).reduce((a, x) => a + x.ms, 0)));
  const final = median(sessions.map((p) => p.passes.filter((x) => x.final).reduce((a, x) => a + x.ms, 0)));
  const close = median(sessions.map((p) => p.close));
  const passes = median(sessions.map((p) => p.passes.length));
  // The export reads the database while Chromium starts and returns while it closes, so launch and close overlap
  // other work: what is left is the wall time not spent printing.
  const rest = median(sessions.map((p, i) => totals[i]! - p.passes.reduce((a, x) => a + x.ms, 0)));
  return `start ${ms(launch)} · opsætningstryk ${ms(layout)} · endeligt tryk ${ms(final)} (${passes} tryk i alt) · luk ${ms(close)} (i baggrunden) · Node i øvrigt inkl. start ${ms(rest)}`;
}

const work = mkdtempSync(join(tmpdir(), 'sekretariat-bench-documents-'));
try {
  if (!chromiumPrinter()) throw new Error(`Chromium mangler (${chromiumPath()})`);
  const databaseFile = join(work, 'bench.db');
  const timed = timedPrinter(chromiumPrinter()!);
  const backend = await openBackend({ databaseFile, appVersion: 'bench', printer: timed.printer });
  const call: Call = async (method, input) => {
    const r = await backend.call(method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.code}: ${r.error.message}`);
    return r.data as never;
  };

  // The meeting, then 25 attachments spread over the items (text extraction finished before anything is timed).
  const t0 = performance.now();
  const { meetingId, items } = await buildMeeting(call);
  const substantive = items.slice(2, -2);
  let attachmentBytes = 0;
  let attachmentPages = 0;
  const weights = Array.from({ length: ATTACHMENTS }, (_, k) => 0.6 + ((k * 37) % 11) / 12);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  for (let k = 0; k < ATTACHMENTS; k++) {
    const pages = 5 + ((k * 7) % 16);
    const title = `${ATTACHMENT_TITLES[k % ATTACHMENT_TITLES.length]} ${k + 1}`;
    const bytes = await scannedPdf(title, pages, Math.round((ATTACHMENT_BYTES * weights[k]!) / weightSum));
    const item = substantive[(k * 7) % substantive.length]!;
    const fileName = `${title.toLowerCase().replace(/\s+/g, '-')}.pdf`;
    const stored = await backend.files!.storeStream(Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]), fileName);
    await call('attachments.add', { itemId: item.id, sha256: stored.sha256, fileName, title });
    attachmentBytes += bytes.byteLength;
    attachmentPages += pages;
  }
  await backend.files!.idle();
  record('Data', `1 møde, ${items.length} punkter med beslutning (punkt ${CLOSED_NUMBER} lukket), ${ATTACHMENTS} PDF-bilag på i alt ${mb(attachmentBytes)} / ${attachmentPages} sider · dannet på ${ms(performance.now() - t0)}`);

  // 1. Minutes to PDF: one cold export first (loads playwright-core), then RUNS measured ones, each its own Chromium.
  const exportPdf = async (edition: 'internal' | 'public') => {
    const start = performance.now();
    const made = await call('documents.export', { meetingId, kind: 'minutes', edition, format: 'pdf' });
    return { made, ms: performance.now() - start };
  };
  const cold = await exportPdf('internal');
  timed.sessions.length = 0;
  const internal: number[] = [];
  let internalExport = cold.made;
  for (let i = 0; i < RUNS; i++) {
    const run = await exportPdf('internal');
    internal.push(run.ms);
    internalExport = run.made;
  }
  const internalSessions = timed.sessions.splice(0);
  const minutesPages = internalExport.pages!;
  record('Referat, sideantal', `${minutesPages} sider (${size(internalExport.bytes)})`);
  record('Referat → PDF, intern, første eksport i processen', ms(cold.ms));
  record('Referat → PDF, intern (budget < 3 s)', `median ${s(median(internal))}, maks ${s(max(internal))}`);
  record('  heraf (intern)', phaseLine(internalSessions, internal));

  const publicRuns: number[] = [];
  let publicExport = cold.made;
  for (let i = 0; i < RUNS; i++) {
    const run = await exportPdf('public');
    publicRuns.push(run.ms);
    publicExport = run.made;
  }
  const publicSessions = timed.sessions.splice(0);
  const publicFile = (await backend.exports.find(publicExport.exportId, publicExport.fileName))!.path;
  // The read-back of the leak check on its own: a PDF.js worker extracting the whole public file.
  const leakCheck: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await extractFileText(publicFile, 'application/pdf', { maxChars: Number.MAX_SAFE_INTEGER, maxBytes: Number.MAX_SAFE_INTEGER });
    leakCheck.push(performance.now() - start);
  }
  record('Referat → PDF, offentlig med lækagekontrol (budget < 3 s)', `median ${s(median(publicRuns))}, maks ${s(max(publicRuns))} · ${publicExport.pages} sider`);
  record('  heraf (offentlig)', phaseLine(publicSessions, publicRuns));
  record('  lækagekontrollens tilbagelæsning alene (PDF.js i worker)', `median ${ms(median(leakCheck))}`);
  // Its fixed cost: a worker for a one-page PDF (from source, tsx compiles the worker and PDF.js inside it).
  const onePage = join(work, 'en-side.pdf');
  const tiny = await PDFDocument.create();
  tiny.addPage().drawText('Kort tekst', { x: 72, y: 700, font: await tiny.embedFont(StandardFonts.Helvetica) });
  writeFileSync(onePage, await tiny.save());
  const fixed: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await extractFileText(onePage, 'application/pdf');
    fixed.push(performance.now() - start);
  }
  // The same read-back with the bundled worker the app ships (out/host, from the last `npm run build`).
  const bundled = join(PROJECT_ROOT, 'out/host/extract-worker.cjs');
  const bundledTimes = { whole: [] as number[], onePage: [] as number[] };
  if (existsSync(bundled)) {
    for (let i = 0; i < RUNS; i++) {
      for (const [key, path] of [['whole', publicFile], ['onePage', onePage]] as const) {
        const start = performance.now();
        await bundledExtract(bundled, path);
        bundledTimes[key].push(performance.now() - start);
      }
    }
  }
  record(
    '  lækagekontrol: fast omkostning (PDF på 1 side)',
    `fra kildekode (tsx) ${ms(median(fixed))}` +
      (bundledTimes.whole.length ? ` · med den byggede worker: 1 side ${ms(median(bundledTimes.onePage))}, hele referatet ${ms(median(bundledTimes.whole))}` : ' · (ingen bygget worker i out/host)'),
  );
  if (bundledTimes.whole.length) {
    // Everything here runs from source; the app's leak check runs the bundled worker without tsx.
    record('  offentlig, anslået med den byggede worker', `median ${s(median(publicRuns) - median(leakCheck) + median(bundledTimes.whole))} (målt minus tsx-tilbagelæsning plus bygget)`);
  }

  // 2. The limit: the same final HTML printed once, straight with playwright-core.
  const internalFile = (await backend.exports.find(internalExport.exportId, internalExport.fileName))!.path;
  const destinations = await namedDestinationPages(readFileSync(internalFile));
  const model = await buildDocumentModel(backend.database.db, meetingId, 'minutes', 'internal');
  const pageOf = new Map(model.items.map((item) => [item.id, destinations.get(`punkt-${item.number}`)!]));
  const html = renderDocument(model, { pageOf });
  // The Node side of the internal export, step by step (the export does the model once, the HTML and a pdf-lib
  // parse of the printed PDF once per pass).
  const nodeSteps = { model: [] as number[], html: [] as number[], parse: [] as number[] };
  const internalBytes = readFileSync(internalFile);
  for (let i = 0; i < RUNS; i++) {
    let start = performance.now();
    await buildDocumentModel(backend.database.db, meetingId, 'minutes', 'internal');
    nodeSteps.model.push(performance.now() - start);
    start = performance.now();
    renderDocument(model, { pageOf });
    nodeSteps.html.push(performance.now() - start);
    start = performance.now();
    await namedDestinationPages(await PDFDocument.load(internalBytes, { updateMetadata: false }));
    nodeSteps.parse.push(performance.now() - start);
  }
  record(
    '  Node-delen (intern), pr. skridt',
    `model fra databasen ${ms(median(nodeSteps.model))} · HTML ${ms(median(nodeSteps.html))} × 2 · pdf-lib læser den endelige PDF + sidetal ${ms(median(nodeSteps.parse))} (efter hvert tryk; opsætnings-PDF'en uden tags er mindre) · HTML ${Math.round(html.length / 1024)} kB`,
  );
  const { chromium } = await import('playwright-core');
  const bare: { total: number; launch: number; page: number; setContent: number; pdf: number; close: number }[] = [];
  let barePages = 0;
  for (let i = 0; i < RUNS; i++) {
    const t = [performance.now()];
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    t.push(performance.now());
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    t.push(performance.now());
    await page.setContent(html, { waitUntil: 'load' });
    t.push(performance.now());
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, tagged: true, outline: true });
    t.push(performance.now());
    await browser.close();
    t.push(performance.now());
    bare.push({ total: t[5]! - t[0]!, launch: t[1]! - t[0]!, page: t[2]! - t[1]!, setContent: t[3]! - t[2]!, pdf: t[4]! - t[3]!, close: t[5]! - t[4]! });
    barePages = (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();
  }
  const bareMedian = median(bare.map((b) => b.total));
  record('Bart Chromium-tryk af samme HTML (1 tryk, tagged + outline)', `median ${s(bareMedian)} · ${barePages} sider`);
  record(
    '  heraf (bart tryk)',
    `start ${ms(median(bare.map((b) => b.launch)))} · ny side ${ms(median(bare.map((b) => b.page)))} · setContent ${ms(median(bare.map((b) => b.setContent)))} · page.pdf ${ms(median(bare.map((b) => b.pdf)))} · luk ${ms(median(bare.map((b) => b.close)))}`,
  );
  record('Forhold eksport ÷ bart tryk (median, intern)', `${(median(internal) / bareMedian).toFixed(2).replace('.', ',')} ×`);

  // 4. The same minutes as Word.
  const word: number[] = [];
  let wordBytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    wordBytes = (await call('documents.export', { meetingId, kind: 'minutes', edition: 'internal', format: 'docx' })).bytes;
    word.push(performance.now() - start);
  }
  record('Referat → Word (.docx), intern', `median ${ms(median(word))}, maks ${ms(max(word))} · ${size(wordBytes)}`);

  // 3. The agenda pack, in a child process whose memory is measured alone.
  await backend.close();
  const packs: PackRun[] = [];
  for (let i = 0; i < PACK_RUNS; i++) {
    const run = await packRun(databaseFile, meetingId);
    packs.push(run);
    console.log(`  bilagssamling ${i + 1}: ${s(run.ms)}, top RSS ${mb(Math.max(run.peakRss, run.vmHwm, run.childRssSampled))}, Chromium RSS ${mb(run.chromiumRss)} / PSS ${mb(run.chromiumPss)}`);
  }
  const packSteps = await new Promise<{ inspect: number; assemble: number; write: number; vmHwm: number }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/bench/documents-pack-child.ts', databaseFile, meetingId, '--phases'], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!)) : reject(new Error(`documents-pack-child --phases ended with ${code}`))));
  });
  const pack = packs[packs.length - 1]!;
  if (pack.warnings.length) console.log(`  advarsler: ${pack.warnings.join(' | ')}`);
  const packTimes = packs.map((p) => p.ms);
  record('Bilagssamling → PDF, intern (budget < 15 s)', `median ${s(median(packTimes))}, maks ${s(max(packTimes))} · ${pack.pages} sider · ${mb(pack.bytes)}`);
  record('  heraf (bilagssamling)', phaseLine(packs.map((p) => p.phases), packTimes).replace('Node i øvrigt inkl. start', 'start + bilag kontrolleret + samlet + skrevet (Node)'));
  record(
    '  Node-delen (bilagssamling), målt for sig',
    `bilag kontrolleret (inspectParts) ${ms(packSteps.inspect)} · indlæst igen, kopieret, nummereret, gemt (assemblePack) ${ms(packSteps.assemble)} · skrevet ${ms(packSteps.write)} · top-RSS ${mb(packSteps.vmHwm)}`,
  );
  record('  hele barneprocessen (start, tsx, åbn database, eksport)', `median ${s(median(packs.map((p) => p.childWallMs)))}`);
  record(
    'Bilagssamling, top-RSS i vores proces (budget < 600 MB)',
    `maks ${mb(max(packs.map((p) => p.vmHwm)))} (VmHWM) · samplet hver 50 ms: ${mb(max(packs.map((p) => p.peakRss)))} · fra /proc hver 100 ms: ${mb(max(packs.map((p) => p.childRssSampled)))} · før eksporten: ${mb(median(packs.map((p) => p.rssBefore)))}`,
  );
  record('Bilagssamling, top for Chromiums processer', `sum VmRSS ${mb(max(packs.map((p) => p.chromiumRss)))} · sum PSS ${mb(max(packs.map((p) => p.chromiumPss)))}`);
  // For the record: this process's own peak (it held the generated attachments one at a time).
  record('(Målerprocessens egen top-RSS)', mb(highWaterMark()));
} finally {
  rmSync(work, { recursive: true, force: true });
}

console.log(`\nMedian af ${RUNS} kørsler (bilagssamling: ${PACK_RUNS}), ${new Date().toISOString()}\n`);
console.table(Object.fromEntries(rows));
