import type { DemoBody, DemoItem, DemoMeeting } from './types';

/**
 * The two meetings of Danske Regioner's Psykiatri- og Socialudvalget (PSU) in file 003 (layout C, domain.md §1.5):
 * 8 November 2024 with decisions (003:475–1436) and 5 December 2024 as agenda (003:1–474). Closed (Fortrolig) items
 * carry no content in the source; they are entered as 'Lukket punkt' with their case number where printed.
 * The sections Sekretariatets bemærkninger and Kommunikation are appended to caseText, as the item has no field of its own.
 */

/** Joins HTML fragments, so that long texts stay readable as one paragraph per source line. */
const html = (...parts: string[]): string => parts.join('');

export const PSU_BODY: DemoBody = {
  id: '3f0c2a4e-5b7d-4c1e-8f6a-0000000000b1',
  code: 'PSU',
  name: 'Psykiatri- og Socialudvalget (Danske Regioner)',
  description: 'Danske Regioners politiske udvalg for psykiatri- og socialområdet, med i demoen som eksempel på et udvalg med sagsnumre, sagsbehandlere og lukkede punkter.',
  // The committee's papers number the attachments of each item from 1 (file 003).
  attachmentNumbering: 'item',
  // Its papers are layout C, the items following each other on continuous pages.
  paperLayout: 'C',
  itemBreak: 'continuous',
};

const LOCATION = 'Danske Regioner, Dampfærgevej 22, 2100 København Ø';
const TIME_NOTE = 'Mødetidspunktet (kl. 10.00–13.00) er antaget; det fremgår ikke af dagsordenen.';

/** Nov 2024 meeting case (mødesag) and Dec 2024 meeting case. */
const MDR_NOV = 'MDR-2024-00035';
const MDR_DEC = 'MDR-2024-00036';

const NONE = '<p>Ingen bemærkninger</p>';

/** The printed tail of every PSU item: Sekretariatets bemærkninger and Kommunikation, under <h3> headings. */
function tail(secretariat: string = NONE, communication: string = NONE): string {
  return html('<h3>Sekretariatets bemærkninger</h3>', secretariat, '<h3>Kommunikation</h3>', communication);
}

/** A closed (Fortrolig) item: only its place, and its case number where the source prints one. */
function closedItem(caseNumber?: string): DemoItem {
  return {
    title: 'Lukket punkt',
    kind: 'orientering',
    closed: true,
    closedTitleVisible: false,
    ...(caseNumber ? { caseNumber } : {}),
  };
}

const SST_PRIORITERING_URL = 'https://www.sst.dk/-/media/Nyheder/2024/Oplaeg-til-raekkefoelge-og-prioritering-af-anbefalinger-under-10-aarsplanen-september2024.ashx';

/** PSU 8 November 2024 (003:475–1436). */
const PSU_2024_11_08: DemoMeeting = {
  id: '5a3e8c21-7d4f-4b6a-9c0e-202411080001',
  bodyCode: 'PSU',
  date: '2024-11-08',
  startTime: '10:00',
  endTime: '13:00',
  location: LOCATION,
  status: 'referat_udsendt',
  note: `${TIME_NOTE} Det åbne referat blev sendt til udvalget via First Agenda den 15. november 2024 og sat til godkendelse på mødet den 5. december 2024 (punkt 2).`,
  items: [
    // 1 (Fortrolig), 003:475–477
    closedItem(MDR_NOV),
    // 2 (Offentlig), 003:478–515
    {
      title: 'Godkendelse af åbent referat fra mødet den 26. september 2024',
      kind: 'beslutning',
      standing: 'godkendelse_referat',
      caseOfficer: 'Rikke Felby',
      caseNumber: MDR_NOV,
      resume: '<p>Referatet blev sendt til udvalget via First Agenda den 8. oktober 2024.</p>',
      recommendations: ['udvalget godkender referatet'],
      caseText: tail(),
      economy: NONE,
      decision: { text: '<p>Psykiatri- og Socialudvalget godkendte referatet.</p>', outcome: 'godkendt' },
      attachments: [
        {
          title: 'Referat - Åben (1728338 - MDR-2024-00034)',
          fileName: 'Referat - Åben (1728338).pdf',
          text: [
            'Åbent referat af Psykiatri- og Socialudvalgets møde den 26. september 2024 (mødesag MDR-2024-00034, dokument 1728338).',
            '',
            'Selve referatet indgår ikke i det foreliggende materiale. Referatet blev sendt til udvalget via First Agenda den 8. oktober 2024 og godkendt på mødet den 8. november 2024.',
            'Af dagsordenen for 8. november 2024 fremgår, at udvalget på mødet i september ikke nåede at drøfte punkterne om status for 10-årsplanen og om styrket somatisk indsats i psykiatrien; de blev udskudt grundet tidsmangel.',
          ].join('\n'),
        },
      ],
    },
    // 3 (Offentlig), 003:516–584
    {
      title: 'Drøftelse af kommende sundhedsreform',
      kind: 'droeftelse',
      caseOfficer: 'Julie Kjærgaard',
      caseNumber: 'EMN-2022-00567',
      resume: '<p>Psykiatri- og Socialudvalget drøfter status og forventninger til indhold i den kommende sundhedsreform.</p>',
      recommendations: ['Psykiatri- og Socialudvalget følger op på konferencen Sundhed for Alle og drøfter regeringens kommende sundhedsreform.'],
      caseText: html(
        '<p>Regeringen forventes at indgå en bred aftale om en ny sundhedsreform i starten af november.</p>',
        '<p>Der er generelt ros fra Folketingets øvrige partier til udspillet, og navnlig forslag om grundpakkeforløb for kronikere og reformen af almen praksis. De forslag i regeringens udspil, der særligt har skabt diskussion landspolitisk, er spørgsmålet om en ny Region Østdanmark, de 17 nye sundhedsråd og opgaveflytningen fra kommunerne til regionerne, herunder især akutsygeplejen. Der er også blandt partierne i Folketinget interesse for økonomien i reformen.</p>',
        '<p>Derfor er det også i høj grad de elementer, Danske Regioner har haft fokus på siden lanceringen:</p>',
        '<ul>',
        '<li>At fastholde det udbyggede ansvar på sundhedsområdet og grundelementerne i reformen</li>',
        '<li>At sikre den rette governance i sundhedsrådene og balancen til regionsrådene</li>',
        '<li>Udfordringerne i en Region Østdanmark.</li>',
        '</ul>',
        '<p>Danske Regioner sætter derudover gennem alliancer og dialog med Christiansborg fokus på det, der går tabt, når interreg-samarbejdet fjernes fra regionerne, og de regionale udviklingsstrategier bortfalder. Ligesom anledningen benyttes til at pege på nogle af de områder, hvor regionerne med fordel kunne løfte et større ansvar, herunder på det højt specialiserede socialområde og miljø.</p>',
        '<p>Der lægges op til gensidig orientering om forventninger til indhold i en kommende reform og særlige opmærksomhedspunkter i den forbindelse</p>',
        tail(),
      ),
      economy: NONE,
      decision: {
        text: '<p>Udvalget drøftede regeringens kommende sundhedsreform og de mange uafklarede spørgsmål, der knytter sig hertil.</p>',
        outcome: 'droeftet',
      },
    },
    // 4 (Offentlig), 003:585–739
    {
      title: 'Status for 10-årsplanen og Aftale om bedre psykiatri',
      kind: 'orientering',
      caseOfficer: 'Josefina Hindenburg Krausing',
      caseNumber: 'EMN-2020-00886',
      resume: html(
        '<p>Psykiatri- og Socialudvalget orienteres løbende om status for arbejdet med 10-årsplanen for psykiatri og mental sundhed og Aftale om bedre psykiatri. Dette senest på møde juni 2024. På alle fem prioriterende områder i 10-årsplanen for psykiske lidelser og mental sundhed er der fremdrift. Desuden er der fremdrift i indsatser i regi af Aftale om en bedre psykiatri.</p>',
        '<p>Sundhedsstyrelsen og Social- og Boligstyrelsen har på baggrund af rådgivning fra Nationalt råd for psykiske lidelser og mental sundhed offentliggjort et oplæg til rækkefølge og prioritering af anbefalingerne i styrelsernes faglige oplæg til en 10-årsplan for psykiatri og mental sundhed for årene 2025-2030. Oplægget tager afsæt i regeringens prioritering af et fagligt løft af psykiatriområdet frem mod 2030.</p>',
        '<p>Vedlagt til orientering er:</p>',
        '<ul>',
        '<li>Danske Regioners detaljerede oversigt over initiativer i 10-årsplanen for psykiatri og mental sundhed og Aftale om bedre psykiatri</li>',
        '<li>Danske Regioners økonomiske oversigt over regionale midler til psykiatrien i 10-årsplanen og FL24.</li>',
        '</ul>',
      ),
      recommendations: [
        'Psykiatri- og Socialudvalget tager orienteringen til efterretning',
        'udvalget drøfter status for 10-årsplanen for psykiatrien og mental sundhed og Aftale om bedre psykiatri.',
      ],
      caseText: html(
        '<p>Psykiatri- og Socialudvalget nåede ikke at drøfte punktet på udvalgets sidste møde. Punktet er opdateret efterfølgende.</p>',
        '<p><strong>Nationalt råd for psykiske lidelser og mental sundhed</strong></p>',
        '<p>Der har i regi af Sundhedsstyrelsen været afholdt fem møder i Nationalt råd for psykiske lidelser og mental sundhed. Næste møde er i december 2024. Rådet har på møde i foråret drøftet udkast til oplæg til rækkefølge og prioritering for indsatser 2025 – 2030.</p>',
        `<p>Sundhedsstyrelsen og Social- og Boligstyrelsen har på baggrund af rådgivning fra Nationalt råd for psykiske lidelser og mental sundhed nu offentliggjort et oplæg til rækkefølge og prioritering af anbefalingerne i styrelsernes faglige oplæg til en 10-årsplan for psykiatri og mental sundhed for årene 2025-2030. Link til oplæg: <a href="${SST_PRIORITERING_URL}">${SST_PRIORITERING_URL}</a></p>`,
        '<p>Oplægget, som styrelserne har sendt til Indenrigs- og Sundhedsministeriets departement, tager afsæt i regeringens prioritering af et fagligt løft af psykiatriområdet frem mod 2030. I oplægget indgår en tydelig prioritering af indsatser i de første tre år, mens der er indlagt mulighed for større fleksibilitet i årene 2028-2030. Dette skyldes, at der ses et behov for en vis fleksibilitet til at prioritere midler til områder, hvor der viser sig særlige behov undervejs. I oplægget indgår prioriteringer inden for fire hovedområder:</p>',
        '<ul>',
        '<li>2025: Behandling og indsatser tættere på hjemmet og hjælp til børne- og ungdomspsykiatrien</li>',
        '<li>2026: Bedre forløb for patienter under indlæggelse</li>',
        '<li>2027: Bedre sammenhæng for patienter på tværs af social- og sundhedsområdet</li>',
        '<li>2028-2030: Forebyggelse og tidlig indsats.</li>',
        '</ul>',
        '<p>Se uddybning og vægtning side 5 til 13 i ’Oplæg til rækkefølge og prioritering af anbefalinger under 10-årsplanen for psykiatri og mental sundhed’.</p>',
        '<p>Det forventes, at der indgås politisk aftale om initiativer for psykiatrien for årene 2025 – 2030 senere på året efter afslutningen af forhandlingerne om regeringens udspil ”Sundhed tæt på dig”.</p>',
        '<p><strong>Status for igangværende arbejde i 10-årsplanen for psykiatri og mental sundhed og Aftale om bedre psykiatri</strong></p>',
        '<p>I alle regioner følges arbejdet med 10-årsplanen for psykiatri og mental sundhed og Aftale om bedre psykiatri tæt, herunder implementering af tiltag samt medfølgende økonomi.</p>',
        '<p>Regeringen, KL og Danske Regioner har, som udvalget ved, den 2. april 2024 offentliggjort aftale om udmøntning, implementering og opfølgning på Aftale om en 10-årsplan for psykiatrien og mental sundhed (2022) og Aftale om en bedre psykiatri (2023). Derudover indeholder aftalen en ny målsætning for nedbringelse af brugen af tvang i psykiatrien. Link til aftale: <a href="https://www.ism.dk/Media/638471390064264040/Udm%C3%B8ntningsaftale_final.pdf">https://www.ism.dk/Media/638471390064264040/Udm%C3%B8ntningsaftale_final.pdf</a></p>',
        '<p>På alle fem prioriterende områder i 10-årsplanen for psykiske lidelser og mental sundhed er der fortsat fremdrift. Det faglige arbejde for et lettilgængeligt behandlingstilbud i kommunerne til børn og unge i psykisk mistrivsel er afsluttet. Forløbsbeskrivelser for børn, unge og voksne med psykoselidelser er offentliggjort, og der er offentliggjort en handlingsplan for forebyggelse af selvmord og selvmordsforsøg. Desuden er der fortsat god fremdrift i etablering af de Danske Multidisciplinære Psykiatri Grupper samt ansøgt og udmøntet midler til forskning i psykiatri og mental sundhed. Ift. handlingsplanen til forebyggelse af selvmord og selvmordsforsøg pågår et arbejde med konkretisering af en kommende monitorering af indsatser.</p>',
        '<p>Også i forhold til Aftale om bedre psykiatri er der fremdrift. Dette blandt andet i forhold til forberedende ii regi af Sundhedsstyrelsen om hurtigere behandling til børn og unge, opfølgning efter endt forløb i psykiatrien, bedre akut hjælp og større tryghed for medarbejderne samt forløbsbeskrivelse for børn og unge med autismespektrumforstyrrelser (ASF).</p>',
        '<p>Sundhedsstyrelsen har desuden afholdt det første møde i den styrkede taskforce for psykiatriområdet.</p>',
        '<p>Sideløbende har et rådgivende udvalg for patientrettigheder i regi af Indenrigs og Sundhedsministeriet, udarbejdet mulige scenarier for nye patientrettigheder i børne- og ungdomspsykiatrien. Vi afventer meldingen fra Indenrigs- og Sundhedsministeriet om den videre proces.</p>',
        '<p>I vedlagte detaljerede oversigt over initiativer ses status for de samlede initiativer.</p>',
        tail(),
      ),
      economy: NONE,
      decision: {
        text: '<p>Udvalget tog orienteringen til efterretning og understregede vigtigheden af, at der fortsat arbejdes for, at midlerne kommer hurtigere ud at arbejde, og at der er fleksibilitet til at prioritere midler i lyset af lokale behov og udfordringer i regionerne.</p>',
        outcome: 'taget_til_efterretning',
        pointOutcomes: ['taget_til_efterretning', 'droeftet'],
      },
      attachments: [
        {
          title: 'oktoberr 2024 Skema over indsatser i 10- årsplan og Aftale bedre psykiatri samt nye patientrettigheder_ (1733715 - EMN-2020-00886)',
          fileName: 'Oktober 2024 Skema over indsatser i 10-årsplan og Aftale bedre psykiatri (1733715).pdf',
          text: [
            'Status-skema over indsatser i 10-årsplanen for psykiatri og mental sundhed og Aftale om bedre psykiatri samt arbejdet vedr. nye patientrettigheder i BUP – oktober 2024 (dokument 1733715, EMN-2020-00886).',
            '',
            'Selve oktoberudgaven af skemaet indgår ikke i det foreliggende materiale; novemberudgaven (dokument 1739409/1739412) er vedlagt punkt 5 på mødet den 5. december 2024.',
            'Skemaet oplister for hver indsats i 10-årsplanen og Aftale om bedre psykiatri: status, regionale repræsentanter i det faglige arbejde samt møder og forventet afslutning – fx lettilgængeligt kommunalt behandlingstilbud til børn og unge i psykisk mistrivsel, forløbsbeskrivelser for psykoselidelser, handlingsplan for forebyggelse af selvmord og selvmordsforsøg, Danske Multidisciplinære Psykiatri Grupper (DMPG) og nye patientrettigheder i børne- og ungdomspsykiatrien.',
          ].join('\n'),
        },
        {
          title: 'Oversigt over regionale midler til psykiatrien i 10-årsplanen og \'Aftale om en bedre psykiatri\' (FL24) oktober 2024 (1732783 - EMN-2020-00886)',
          fileName: 'Oversigt over regionale midler til psykiatrien (FL24) oktober 2024 (1732783).pdf',
          text: [
            'Oversigt over regionale midler til psykiatrien i 10-årsplanen og \'Aftale om en bedre psykiatri\' (FL24), oktober 2024 (dokument 1732783, EMN-2020-00886).',
            '',
            'Selve oversigten indgår ikke i det foreliggende materiale. Ifølge dagsordenen er den Danske Regioners økonomiske oversigt over de regionale midler til psykiatrien i 10-årsplanen for psykiatri og mental sundhed og Aftale om en bedre psykiatri, som de fremgår af finansloven for 2024 (FL24).',
          ].join('\n'),
        },
      ],
    },
    // 5 (Offentlig), 003:740–887
    {
      title: 'Styrket somatisk indsats i psykiatrien',
      kind: 'orientering',
      caseOfficer: 'Josefina Hindenburg Krausing',
      caseNumber: 'EMN-2023-00489',
      resume: html(
        '<p>Sundhedsdirektørkredsen og psykiatridirektørkredsen har på møder den 23. august og den 30. august i de respektive kredse drøftet, hvordan regionerne fremadrettet kan implementere en systematisk indsats, hvor mennesker med psykisk sygdom kan udredes og behandles for deres somatiske sygdomme, når de er i kontakt med psykiatrien.</p>',
        '<p>Drøftelsen tog bl.a. afsæt i inputs fra en hurtigt arbejdende gruppe nedsat efter en fælles drøftelse i de to direktørkredse den 24. maj 2024.</p>',
        '<p>På baggrund af drøftelserne er der på tværs af kredsene og efterfølgende i regionsdirektørkredsen opbakning til ambitionen og enighed om, at det er en vigtig og prioriteret opgave for regionerne at styrke den somatiske indsats i psykiatrien. Der er enighed om, at alle regioner udvikler og beskriver, hvordan der i de enkelte regioner kan sikres regelmæssige strukturerede somatiske indsatser i den stationære psykiatri og ambulant. Implementering af de regionale tiltag skal være påbegyndt senest 1. juni 2025.</p>',
      ),
      recommendations: ['Psykiatri- og Socialudvalget tager orienteringen til efterretning.'],
      caseText: html(
        '<p>Mennesker med psykiske lidelser underdiagnosticeres og underbehandles ofte for samtidige somatiske tilstande. Det er velkendt og veldokumenteret. Dette bl.a. i Behandlingsrådets analyse af ulighed i somatisk behandling af patienter med psykiske lidelser. Link til Behandlingsrådets analyse og en pixiudgave af analysen: <a href="https://behandlingsraadet-classic.azureedge.net/media/aqncdurf/unders%C3%B8gelsesdesign-2023.pdf">https://behandlingsraadet-classic.azureedge.net/media/aqncdurf/unders%C3%B8gelsesdesign-2023.pdf</a></p>',
        '<p>Mennesker med psykiske lidelser lever i gennemsnit lever 7-10 år kortere end den øvrige befolkning. Af det faglige oplæg til 10-årsplanen for psykiatri og mental sundhed fra Sundhedsstyrelsen fremgår, at der i denne befolkningsgruppe er en øget forekomst af risikofaktorer for udvikling af somatisk sygdom samt underdiagnosticering og mindre effektiv behandling af både psykiske lidelser og somatisk sygdom. Overdødeligheden kan i nogen grad forklares af eksterne årsager (selvmord, mord og ulykker), men størstedelen af de tabte leveår skyldes overdødelighed på baggrund af fysisk sygdom.</p>',
        '<p>Generelt er der i regionerne gode eksempler på, hvordan der arbejdes med at skabe øget integration og samarbejde mellem psykiatri og somatik. Et gennemgående træk er imidlertid, at de fleste eksempler enten er enkeltstående eller implementeret i begrænset omfang indenfor de respektive regioner.</p>',
        '<p>Sundhedsdirektørkredsen og psykiatridirektørkredsen har på møder hhv. d. 23. august og d. 30. august i de respektive kredse drøftet, hvordan regionerne fremadrettet kan implementere en systematisk indsats, hvor mennesker med psykisk sygdom kan udredes og behandles for deres somatiske sygdomme, når de er i kontakt med psykiatrien.</p>',
        '<p>Drøftelserne tog bl.a. afsæt i inputs fra en hurtigt arbejdende gruppe nedsat efter en drøftelse i de to direktørkredse d. 24. maj 2024.</p>',
        '<p>Regionsdirektørkredsen er efterfølgende blevet præsenteret for drøftelserne.</p>',
        '<p><strong>Anbefalinger fra arbejdsgruppen</strong></p>',
        '<p>Arbejdsgruppen anbefaler, at der i regionerne etableres et formaliseret samarbejde mellem psykiatrien og somatikken, således at voksne patienter indlagt med psykisk sygdom også får taget hånd om eventuelle fysiske symptomer og sygdom. Der peges på, at samarbejdet kan organiseres med inspiration fra liaisonsomatik.</p>',
        '<p>Arbejdsgruppen foreslår desuden, at der etableres en systematisk indsats, hvor somatisk personale i den ambulante psykiatri, tager hånd om udvalgte patienter mhp. håndtering af somatiske symptomer og sygdomme. Målgruppen bør være patienter, som ikke vil eller kan opsøge egen læge eller ikke kan eller vil opsøge tilstrækkelig udredning og behandling i somatisk regi.</p>',
        '<p><strong>Beslutning i direktørkredse</strong></p>',
        '<p>På baggrund af drøftelserne er der på tværs af sundhedsdirektørkredsen og psykiatridirektørkredsen samt i regionsdirektørkredsen opbakning til ambitionen og enighed om, at det er en vigtig og prioriteret opgave for regionerne at styrke behandlingen af somatiske sygdomme hos patienter med psykiske sygdomme. Der er enighed om:</p>',
        '<ul>',
        '<li>at der bør være en styrket somatisk indsats i psykiatrien</li>',
        '<li>at alle regioner skal udvikle og beskrive, hvordan der i de enkelte regioner kan sikres regelmæssige strukturerede somatiske indsatser i den stationære psykiatri og ambulant</li>',
        '<li>at det er mest hensigtsmæssigt, at den enkelte region organiserer indsatserne, så de bedst muligt passer til de lokale forhold og muligheder</li>',
        '<li>at implementering skal være påbegyndt senest 1. juni 2025.</li>',
        '<li>at sundhedsdirektørkredsen og psykiatridirektørkredsen er ansvarlige for, at udviklingen i indsatserne følges på baggrund af data.</li>',
        '</ul>',
        '<p>Psykiatri- og Socialudvalget vil løbende blive holdt orienteret om indsatserne.</p>',
        tail(html(
          '<p>Punktet blev udskudt på udvalgets sidste møde i september grundet tidsmangel. Siden mødet har Regeringen i sit udspil ’Sundhed tæt på dig’ bl.a. lagt op til, at psykiatrien organisatorisk skal integreres med somatikken, og at integrationen skal ske gennem aftale med regionerne. Samtidig får sundhedsrådene ansvar for behandlingstilbuddene for både fysisk og psykisk sygdom i deres område.</p>',
          '<p>Målet er at sikre en bedre og mere sammenhængende indsats for patienterne, herunder at patienter med samtidig psykisk og somatisk sygdom, der ofte har komplicerede forløb og behov for samtidige og koordinerede indsatser, får den rette behandling af høj kvalitet i tide.</p>',
        )),
      ),
      economy: NONE,
      decision: {
        text: html(
          '<p>Udvalget tog orienteringen til efterretning og anerkendte regionernes arbejde med at integrere somatisk sygdomsopsporing i psykiatrien.</p>',
          '<p>Udvalget betonede vigtigheden af at arbejde mere struktureret på området samt vigtigheden af, at der arbejdes med konkrete mål for reduktion i overdødeligheden. Udvalget efterspurgte en videre drøftelse af muligheden for at fastsætte sådanne mål. I forlængelse heraf udtrykte udvalget ønske om at få en status på implementerede initiativer omkring 1. juni 2025.</p>',
          '<p>Endelig pointerede udvalget, at det er væsentligt, at samspillet mellem somatik og psykiatri går begge veje, og at strukturerede initiativer i somatikken er ønskværdige. Udvalget forespurgte i forlængelse heraf en fælles drøftelse med Sundhedsudvalget herom.</p>',
          '<p>I First Agende under ’Øvrigt materiale’ kan findes oversigt fra april 2024 på igangværende initiativer på området: Konkrete regionale eksempler og forslag til integration af psykiatri og somatik</p>',
        ),
        outcome: 'taget_til_efterretning',
      },
      followUps: [
        { action: 'Lægge op til en videre drøftelse i udvalget af muligheden for at fastsætte konkrete mål for reduktion i overdødeligheden.', owner: 'Sekretariatet' },
        { action: 'Give udvalget en status på implementerede initiativer for styrket somatisk indsats i psykiatrien.', owner: 'Sekretariatet', dueDate: '2025-06-01' },
        { action: 'Arrangere en fælles drøftelse med Sundhedsudvalget om strukturerede initiativer i somatikken, så samspillet mellem somatik og psykiatri går begge veje.', owner: 'Sekretariatet' },
      ],
    },
    // 6 (Offentlig), 003:888–957
    {
      title: 'Ny model for monitorering af tvang',
      kind: 'orientering',
      caseOfficer: 'Julie Kjærgaard',
      caseNumber: 'EMN-2022-00567',
      resume: html(
        '<p>I 2014 indgik det daværende Ministerium for Sundhed og Forebyggelse og Danske Regioner en partnerskabsaftale for anvendelsen af tvang i psykiatrien. Ved partnerskabsaftalens udløb i 2020 blev det politisk besluttet, at anvendelsen af tvang fortsat skal monitoreres og at monitoreringsmodellen skulle revideres. Sundhedsstyrelsen nedsatte i 2021 en følgegruppe og en teknikergruppe, som skulle bidrage til arbejdet.</p>',
        '<p>Et længerevarende arbejde med at udarbejde en ny model for monitorering af tvang i psykiatrien, forventes at blive afsluttet snart. Modellen forventes implementeret i forbindelse med monitoreringsrapporten i 2. kvartal af 2025.</p>',
      ),
      recommendations: ['Psykiatri- og Socialudvalget tager orienteringen til efterretning'],
      caseText: html(
        '<p>I 2014 indgik det daværende Ministerium for Sundhed og Forebyggelse og Danske Regioner en partnerskabsaftale for anvendelsen af tvang i psykiatrien. Ved partnerskabsaftalens udløb i 2020 blev det politisk besluttet, at anvendelsen af tvang fortsat skal monitoreres og at monitoreringsmodellen skulle revideres. Sundhedsstyrelsen nedsatte i 2021 en følgegruppe og en teknikergruppe, som skulle bidrage til arbejdet.</p>',
        '<p>I 2024 indgik Sundheds- og Indenrigsministeriet, Danske Regioner og KL et nyt partnerskab for nedbringelse af tvang med en målsætning om at nedbringe de mest indgribende tvangsformer, det vil sige episoder med bæltefiksering, fastholdelse og akut beroligende medicin, med 30%. Den nye monitoreringsmodel skal understøtte denne målsætning samt partnerskabets andre fokusområder, som blandt andet inkluderer fokus på processen op til tvangsindlæggelser samt anvendelsen af tvang i børne- og ungdomspsykiatrien.</p>',
        '<p>Arbejdet med udarbejdelsen af en ny monitoreringsmodel er blevet forsinket blandt andet som følge af Corona pandemien, men forventes på at være implementeret i forbindelse med monitoreringsrapporten i 2. kvartal af 2025.</p>',
        '<p>Grundet øget monitorering og ændring af indikatorer, forventes det at den reviderede monitoreringsmodel vil medføre en stigning i registreringen af tvang samlet set.</p>',
        tail(),
      ),
      economy: NONE,
      decision: { text: '<p>Udvalget tog orienteringen til efterretning.</p>', outcome: 'taget_til_efterretning' },
    },
    // 7 (Fortrolig), 003:958–960
    closedItem('EMN-2024-00244'),
    // 8 (Offentlig), 003:961–1175
    {
      title: 'Temadrøftelse om socialpsykiatrien',
      kind: 'droeftelse',
      caseOfficer: 'Julie Kjærgaard',
      caseNumber: 'EMN-2022-00567',
      guests: [{ name: 'Lotte Lyhne', title: 'Chefkonsulent', organisation: 'Socialpædagogerne', attended: true }],
      resume: html(
        '<p>En stor del af de mennesker, der er diagnosticeret med en psykisk lidelse, har behov for indsatser og støtte i socialpsykiatrien.</p>',
        '<p>De primære tilbud i socialpsykiatrien er socialpædagogisk støtte (bostøtte), opsøgende og forebyggende indsatser, midlertidige og længerevarende botilbud samt dag- og beskæftigelsestilbud. Kommunerne samarbejder med en bred kreds af aktører på området bl.a. den regionale behandlingspsykiatri.</p>',
        '<p>I Sundhedsstyrelsens og Social- og Boligstyrelsens oplæg til rækkefølge og prioritering af anbefalinger under 10-årsplanen for psykiatri og mental sundhed i årene 2025-2030 anbefales blandt andet et samlet løft af faglighed og kapacitet på tværs af regioner og kommuner. Derudover anbefales der et fokus på bedre sammenhæng for patienter på tværs af social- og sundhedsområdet.</p>',
        '<p>På udvalgsmødet vil Lotte Lyhne som er chefkonsulent i Socialpædagogerne, som repræsenterer den største faggruppe på det sociale område, danne afsæt for udvalgets drøftelse ved at skitsere, hvilke udfordringer der opleves i forhold til støtte af borgere samt i forhold til koordination og samarbejde på tværs af sektorer.</p>',
      ),
      recommendations: ['Psykiatri- og Socialudvalget drøfter, hvordan samarbejdet mellem behandlingspsykiatrien og socialpsykiatrien kan styrkes.'],
      caseText: html(
        '<p>Mange mennesker med psykiske lidelser modtager indsatser i socialpsykiatrien. Socialpsykiatriens opgave er at støtte mennesker med både lettere og svære psykiske vanskeligheder i at komme sig og leve et så meningsfuldt og selvstændigt liv som muligt, herunder at støtte den enkeltes aktiviteter i civilsamfundet og i hverdagslivet med familie og venner samt uddannelse og beskæftigelse. En del af socialpsykiatriens målgruppe har udover deres psykiske vanskeligheder også sociale problemer, som fx et stort forbrug af rusmidler og/eller hjemløshed, ligesom en del har sammensatte udfordringer eller flere samtidige diagnoser.</p>',
        '<p>Hjælpen fra kommunen kan være støtte i eget hjem §85, aktivitets- og samværstilbud §104, ophold i midlertidigt botilbud §107, ophold i længerevarende botilbud § 108, støtte-kontakt-person §99, gruppebaseret støtte (§82a), individuel tidsbegrænset støtte (82b) eller sociale akuttilbud (§82c). Nogle modtager en kombination af flere former for støtte.</p>',
        '<p>De dominerende personalegrupper i socialpsykiatrien er pædagoger, sygeplejersker, social- og sundhedsassistenter, ergoterapeuter og socialrådgivere.</p>',
        '<p><strong>Socialpsykiatrien i det faglige oplæg og 10-årsplanen for psykiatrien og mental sundhed</strong></p>',
        '<p>I Sundhedsstyrelsen og Social- og Boligstyrelsens <a href="https://www.sst.dk/-/media/Udgivelser/2022/psykiatriplan/10AARS_PSYK-PLAN_260122_LOW.ashx?sc_lang=da&amp;hash=AAEF690AFCD2E7998A4E687613C905ED">faglige oplæg til en 10-årsplan for bedre mental sundhed og en styrket indsats til mennesker med psykiske lidelser</a> fra 2022 fremgik som bekendt 37 anbefalinger og fem prioriterede områder.</p>',
        '<p>I afsnittet, der omhandler socialpsykiatrien i det faglige oplæg, udfoldes følgende anbefalinger:</p>',
        '<ul>',
        '<li>Opbygning og omlægning af kapaciteten i socialpsykiatrien, så der er de tilstrækkelige og tilgængelige vidensbaserede tilbud, samtidig med at der sker en udbredelse af fleksible tilbud, der møder de varierende behov, som mennesker med psykiske lidelser har</li>',
        '<li>Kvaliteten i sagsbehandlingen på voksenområdet styrkes, så mennesker med psykiske lidelser modtager det sociale tilbud, som bedst hjælper dem til at komme sig</li>',
        '<li>Der iværksættes et eftersyn af servicelovens voksenbestemmelser i forhold til, om de effektivt understøtter mennesker med psykiske lidelser i at komme sig</li>',
        '<li>Et bredt og ensartet kvalitetsløft af hele socialpsykiatrien gennem en national udviklingsstrategi</li>',
        '<li>Et bredt uddannelses- og kompetenceløft af socialpsykiatrien og en styrket rekruttering</li>',
        '<li>En øget specialisering af socialpsykiatriske indsatser til mennesker med de sværeste psykiske lidelser og mest komplekse problemer</li>',
        '<li>Udvikling og udbredelse af opsøgende gadeplansarbejde til mennesker med de sværeste psykiske lidelser og komplekse sociale problemer</li>',
        '</ul>',
        '<p>I den politiske Aftale om en 10-årsplan for psykiatrien og mental sundhed fra 2022 blev der taget hul på anbefalingerne under de fem prioriterede områder. I den politiske aftale fra 2023 om ”En bedre psykiatri - hurtigere behandling til børn og unge, bedre akut hjælp og større tryghed for medarbejderne” blev der fulgt op på yderligere anbefalinger fra det faglige oplæg. Flere af de initiativer, der anbefales inden for socialpsykiatrien, er således igangsat, herunder:</p>',
        '<ul>',
        '<li>Forsøgsordning med etablering af fleksible pladser</li>',
        '<li>Kvalitetsløft i socialpsykiatrien</li>',
        '<li>Kompetenceudvikling i socialpsykiatrien samt afprøvning af forebyggende social mentorordning</li>',
        '</ul>',
        '<p><strong>Oplæg til rækkefølge og prioritering af anbefalinger under 10-årsplanen for psykiatri og mental sundhed i årene 2025-2030</strong></p>',
        '<p>På baggrund af rådgivning fra Nationalt råd for psykiske lidelser og mental har Sundhedsstyrelsen og Social- og Boligstyrelsen udarbejdet et oplæg til rækkefølge og prioritering af anbefalingerne i det faglige oplæg i årene 2025-2030. Herunder anbefales blandt andet et samlet løft af faglighed og kapacitet på tværs af regioner og kommuner, at der sættes fokus på behandling og indsatser tættere på hjemmet, og at der med en række initiativer sættes fokus på at skabe bedre sammenhæng for patienter på tværs af social- og sundhedsområdet.</p>',
        '<p><strong>Det tværsektorielle samarbejde</strong></p>',
        '<p>Samarbejdet mellem socialpsykiatri og behandlingspsykiatri er vigtigt og i forsøget på at sikre sammenhængende forløb for patienter arbejdes der blandt andet med samarbejdsaftaler, forløbsbeskrivelser og udgående teams fra psykiatrien.</p>',
        '<p>Som en del af udmøntningen af 10-årsplanen for psykiatri er der igangsat opstart af psykiatriske botilbudsteams samt forsøgsordninger med henholdsvis afklaringspladser og sociale mentorer, som alle har fokus på at skabe sammenhængende forløb for borgere.</p>',
        '<ul>',
        '<li><strong>Psykiatriske botilbudsteams</strong>: De faglige rammer for udgående botilbudsteams i den regionale psykiatri blev offentliggjort i august 2024. Behandlingstilbuddet er rettet mod voksne, som bor på socialpsykiatriske botilbud og har svære psykiske lidelser, komplekse udfordringer samt behov for samtidig psykiatrisk behandling, socialpsykiatriske indsatser og koordination på tværs af sektorer.</li>',
        '<li><strong>Afklaringspladser</strong>: Initiativet ”Afklaringspladser” er rettet mod patienter, der står mellem tilbud i den regionale psykiatri og socialpsykiatrien og ikke kan opholde sig i eget hjem. Indsatsen skal lette overgangen ved at sikre, at borgere i forlængelse af en indlæggelse kan tilbydes et relevant socialt tilbud i en tidsafgrænset periode, mens udredningen pågår, og indtil det rette tilbud er tilgængeligt. Ordningen afprøves lige nu Aarhus kommune, Faaborg Midtfyn Kommune og Roskilde Kommune.</li>',
        '<li><strong>Social mentorordning</strong>: Initiativet skal udvikle og afprøve en forebyggende social mentorordning som en borgernær, fleksibel og tidsbegrænset indsats til de borgere med psykiske lidelser, der udskrives fra den regionale psykiatri uden støtte efter serviceloven. Udgangspunktet er, at kontakten foregår telefonisk. Ordningen er under udvikling i seks kommuner.</li>',
        '</ul>',
        '<p><strong>Socialpsykiatrien i regeringsudspillet til en sundhedsreform</strong></p>',
        '<p>I regeringens strukturudspil foreslås etablering af 17 sundhedsråd med ansvar for at implementere og administrere nye tiltag i det nære. Det er beskrevet, at rådene skal beskæftige sig med psykiatrien. Det er relevant, at også socialpsykiatrien indtænkes her.</p>',
        '<p><strong>Udvalgets temadrøftelse</strong></p>',
        '<p>På udvalgsmødet vil Lotte Lyhne som er chefkonsulent i Socialpædagogerne holde et oplæg om, hvordan landskabet i socialpsykiatrien ser ud. Hun vil berøre, hvad der virker og hvilke udfordringer, der opleves, i forhold til både støtte af borgere samt i forhold til koordination og samarbejde på tværs af sektorer.</p>',
        '<p>Med afsæt i oplægget bedes udvalget drøfte, hvordan samarbejdet mellem behandlingspsykiatrien og socialpsykiatrien kan styrkes.</p>',
        tail(),
      ),
      economy: NONE,
      decision: {
        text: html(
          '<p>På baggrund af oplæg fra Lotte Lyhne, chefkonsulent i Socialpædagogerne, drøftede udvalget forskellige aspekter af socialpsykiatrien.</p>',
          '<p>Udvalget drøftede blandt andet behovet for løft af både kvalitet og kapacitet i socialpsykiatrien. Herunder berørte udvalget vigtigheden af tilstrækkelig uddannet personale og tilstrækkelig specialiserede uddannelsesmuligheder på pædagoguddannelsen bl.a. meritforløb. Derudover blev behovet for stærke faglige miljøer og øget forskning på området drøftet. Udvalget berørte også problemstillingerne knyttet til de lovgivningsmæssige forskelle mellem serviceloven og sundhedsloven, psykiatriens tilgængelighed og den kommende udrulning af psykiatriske botilbudsteams. Endelig vendte udvalget vigtigheden af, at sundhedsrådene også berører socialpsykiatrien og spørgsmålet om, hvordan skal man forholde sig til 72timers behandlingsansvar.</p>',
          '<p>På First Agenda under ’øvrigt materiale’ kan hentes:</p>',
          '<ul>',
          '<li>Slides fra Socialpædagogerne</li>',
          '<li>Rammeaftale mellem regeringen (SVM) og Liberal Alliance, Det Konservative Folkeparti samt Radikale Venstre om en langsigtet og bæredygtig udvikling af handicapområdet</li>',
          '<li>Uddannede socialpædagoger på det specialiserede socialområde, Rambøll 2023</li>',
          '</ul>',
        ),
        outcome: 'droeftet',
      },
    },
    // 9 (Offentlig), 003:1176–1292
    {
      title: 'Orientering om arbejdet omkring og i Sammen om Handicap',
      kind: 'orientering',
      caseOfficer: 'Thea Gade-Rasmussen',
      caseNumber: 'EMN-2023-00875',
      resume: '<p>Social- og Boligminister Sophie Hæstorp Andersen har indkaldt til møde i Sammen om Handicap den 6. november. Arbejdsgrupperne under rammeaftalen har været indkaldt til lyttemøder. De regionale Socialdirektører har fokus på arbejdsgrupperne og har udover at deltage i de ministerielle grupper også nedsat deres egne grupper.</p>',
      recommendations: ['udvalget tager den mundtlige såvel som skriftlige orientering til efterretning.'],
      caseText: html(
        '<p><strong>Kort baggrund</strong></p>',
        '<p>Tidligere Social- og Boligminister Pernille Rosenkrantz-Theil etablerede i september 2023 forummet ”Sammen om Handicap” med formålet at indgå en aftale om en langsigtet og bæredygtig udvikling af handicapområdet. I begyndelsen af maj 2024 indgik regeringen, Liberal Alliance, Det Konservative Folkeparti og Radikale Venstre en rammeaftale, som skal sætte retning for de kommende års arbejde med udvikling af handicapområdet. Rammeaftalen indeholder elementer, som både skal gennemføres på kortere og længere sigt. Danske Regioner har grundlæggende været tilfreds med, at der landede en aftale, og at der dermed starter et arbejde op med en specialeplan. Den endelig aftale kunne med fordel have været mere konkret og have bygget ovenpå den evaluering af det specialiserede socialområde, som blev udarbejdet i slutningen af den tidligere regeringsperiode.</p>',
        '<p>Social- og Boligminister Sophie Hæstorp Andersen har indkaldt til møde i forummet den 6. november og 20. november. Udvalget vil på udvalgsmødet mundtligt blive orienteret om mødet den 6. november.</p>',
        '<p><strong>Arbejdsgrupper</strong></p>',
        '<p>I forbindelse med rammeaftalen har ministeriet givet mulighed for at deltage i arbejdsgrupper om nogle af rammeaftalens initiativer. Danske Regioner har budt ind på deltagelse i følgende arbejdsgrupper:</p>',
        '<ul>',
        '<li>Takstmodel for hele det specialiserede socialområde, indførelse af beløbsgrænse for alternative tilbud samt særligt dyre enkeltsager</li>',
        '<li>Effektivisering af Socialtilsyn</li>',
        '<li>Specialeplanlægning på handicapområdet</li>',
        '<li>Forløbsanalyse af borgernes vej gennem systemet</li>',
        '<li>Uddannelseskrav på sikrede institutioner</li>',
        '<li>Forenklet og tillidsbaseret visitation til hjælpemidler</li>',
        '<li>Øget inddragelse af brugere og pårørende</li>',
        '</ul>',
        '<p>I juni 2024 blev der fra ministeriet informeret om, at der ikke ville være et arbejdsgruppespor for initiativet om specialeplanlægning på handicapområdet, fordi ”der ligger et stort forarbejde og en grundig inddragelsesproces bag i forbindelse med evalueringen af det specialiserede socialområde.”</p>',
        '<p>I september 2024 har ministeriet afholdt lyttemøder i arbejdsgrupperne om:</p>',
        '<ul>',
        '<li>Særligt dyre enkeltsager</li>',
        '<li>Ny takstmodel for botilbud og botilbudslignende tilbud</li>',
        '<li>Effektivisering af Socialtilsyn</li>',
        '<li>Forløbsanalyse af borgernes vej igennem systemet</li>',
        '</ul>',
        '<p>Lyttemøderne har, ifølge ministeriet, til hensigt at inddrage organisationer tidligere i forløbet, end når drøftelser starter. Møderne har givet organisationerne mulighed for, overfor ministerielle embedsmænd, at præsentere de idéer og ønsker, der måtte være til udformningen af det pågældende initiativ.</p>',
        '<p>Sideløbende med de ministerielle arbejdsgrupper har Danske Regioners Socialdirektørkreds i juni 2024 taget initiativ til at nedsætte fire arbejdsgrupper med det formål at kvalificere det regionale input til ”Rammeaftalen om en langsigtet og bæredygtig udvikling af handicapområdet” og ”Delaftalen mellem KL og regeringen på socialområdet”, som er afstedkommet af Sammen om Handicap.</p>',
        '<p>De interregionale grupper arbejder parallelt med de ministerielle arbejdsgrupper, og der er i nogle af grupperne personsammenfald i bemandingen af hhv. de interregionale og de ministerielle grupper. Det er aftalt, at det interregionale arbejde skal færdiggøres til og præsenteres på Socialdirektørmødet den 19. november 2024.</p>',
        tail(),
      ),
      economy: NONE,
      decision: {
        text: html(
          '<p>Udvalgsformand Jacob Klærke orienterede om møde i aftalekredsen bag rammeaftalen og parterne i Sammen om Handicap den 6. november. På mødet informerede Social- og Boligminister Sophie Hæstorp Andersen om, at følgende er besluttet:</p>',
          '<ol>',
          '<li>Ændrede regler for at forblive på botilbud for ægtefæller til afdøde borgere med handicap, hvilket indebærer en lempelse af reglerne for at opsige en efterladt ægtefælle fra en visiteret bolig</li>',
          '<li>Indførelse af en formaliseret beløbsgrænse for meromkostningerne på 0 pct. for alternative tilbud til det, kommunen har visiteret til</li>',
          '<li>Effektivisering af socialtilsyn, hvilket blandt andet betyder en reduktion på 30% af ’tilsynstrykket’</li>',
          '</ol>',
          '<p>Udvalget tog både den skriftlige og mundtlige orientering til efterretning.</p>',
        ),
        outcome: 'taget_til_efterretning',
      },
    },
    // 10 (Offentlig), 003:1293–1388
    {
      title: 'Meddelelser og gensidig orientering',
      kind: 'orientering',
      caseOfficer: 'Rikke Felby',
      caseNumber: MDR_NOV,
      recommendations: ['Psykiatri- og socialudvalget tager orienteringspunkterne til efterretning'],
      caseText: tail(),
      economy: NONE,
      decision: {
        text: html(
          '<p>Udvalgsformand Jacob Klærke orienterede udvalget mundtligt om nedenstående tre punkter.</p>',
          '<p><strong>Den psykiatriske akuttelefon</strong></p>',
          '<p>I Aftale om en bedre psykiatri (2023) indgår, at der skal etableres en national psykiatrisk akuttelefon. Der skal herunder tages stilling til, om der skal oprettes ét særskilt nummer som fælles indgang.</p>',
          '<p>Akuttelefonen skal gradvist implementeres i 2025, og der er afsat 3,0 mio. kr. i 2024, 113,3 mio. kr. i 2025, 150,0 mio. kr. i 2026 og 150,6 mio. kr. i 2027 til initiativet. Heraf er 150 mio. kr. varige midler. Midlerne skal dække både akuttelefonen og styrkelse af psykiatriske akuttilbud.</p>',
          '<p>En arbejdsgruppe i regi af Sundhedsstyrelsen skal bidrage til et fagligt oplæg til politisk beslutning om en model for akuttelefonen og styrkelse af øvrige akuttilbud. Gruppen holder forventet sidste møde ultimo november.</p>',
          '<p>Danske Regioner og regionerne arbejder for en løsning, der baserer sig på de nuværende systemer (1818/1813 og Lægevagten), hvor de psykiatriske kompetencer styrkes. Der er i arbejdsgruppen bred enighed om, at styrkelsen af de regionale psykiatriske akuttilbud skal ske med hensyn til de behov og muligheder, der er i regionerne. Det er bl.a. betinget af geografi, demografisk sammensætning og mulighederne for rekruttering af personale.</p>',
          '<p>Regionerne har bemærket over for Sundhedsstyrelsen, at det ikke er realistisk at have udarbejdet og implementeret indsatserne inden for 2025.</p>',
          '<p><strong>Patentrettigheder i børne- og ungdomspsykiatrien</strong></p>',
          '<p>Der har været nedsat et rådgivende udvalg, hvor Danske Regioner har siddet med. Udvalget havde sidste møde i september.</p>',
          '<p>Danske Regioner hører, at der arbejdes videre politisk med afsæt i udvalgets afrapportering. Danske Regioner, hælder mest til en model, hvor patienten har en samlet ret til at være udredt og opstartet i behandling senest 60 dage efter henvisning.</p>',
          '<p><strong>Orientering om ICD-11</strong></p>',
          '<p>Den nuværende diagnoseklassifikation, ICD-10, er baseret på en 40 år gammel sygdomsopfattelse. Sygdomsopfattelsen har inden for flere specialer flyttet sig, hvorfor ICD-10 ikke længere kan udbygges på en meningsfuld måde. Det er derfor nødvendigt at opdatere til ny version. ICD-10 er tiltænkt analog anvendelse, i modsætning til ICD-11 som er tænkt anvendt i et digitalt understøttet sundhedsvæsen, som i Danmark.</p>',
          '<p>Implementeringen af ICD-11 i Danmark er et komplekst og omkostningstungt projekt for regionerne. Forhold vedr. både data, den kliniske praksis og særligt it-systemer påvirkes ved introduktionen af et nyt diagnosekodesystem. Det er derfor regionernes vurdering, at den endelig implementering af ICD-11 er for omkostningstungt og ressourcekrævende ift. de gevinster, der er kortlagt. I efteråret 2023 indstillede Danske Regioner til den nationale bestyrelse for data på sundheds- og ældreområdet, at de videre aktiviteter vedr. ICD-11 implementeringen skulle pauseres for nuværende.</p>',
          '<p>Danske Regioner og Indenrigs- og Sundhedsministeriet har siden modtaget en række henvendelser fra lægefaglige selskaber indenfor psykiatrien vedr. komplikationer ved en langstrakt implementering.</p>',
          '<p>Danske Regioner modtog den 10. september brev fra Indenrigs- og Sundhedsministeren, hvor hun understreger, at Danmark er forpligtet til at overgå til WHO’s nyeste revision af den internationale sygdomsklassifikation ICD-11 og henviser til økonomiaftalen for 2023, hvor regionerne forpligtede sig til at bidrage til analyse af de forberedende aktiviteter for overgangen til ICD-11.</p>',
          '<p>Danske Regioner har på den baggrund genoptaget dialogen med SDS, der driver ICD-11, omkring igangsættelse af foranalysen. Foranalysen forventes opstartet primo 2025 og kører 12 måneder.</p>',
        ),
        outcome: 'taget_til_efterretning',
      },
    },
    // 11 (Offentlig), 003:1389–1431; the Indstilling is printed as an empty "at".
    {
      title: 'Eventuelt - åbent',
      kind: 'orientering',
      standing: 'eventuelt',
      caseOfficer: 'Rikke Felby',
      caseNumber: MDR_NOV,
      caseText: tail(),
      economy: NONE,
      decision: {
        text: html(
          '<p><strong>Planlægning af møder 2025</strong></p>',
          '<p>Udvalgsformand Jacob Klærke bad udvalgsmedlemmerne sende forslag til relevante besøgsmuligheder i de forskellige regioner til sekretariatet (<a href="mailto:julik@regioner.dk">julik@regioner.dk</a>) inden den 21. november.</p>',
          '<p>Et udkast til mødeplan for 2025 vil blive fremført til kommentering på PSU-mødet den 5. december.</p>',
        ),
        outcome: 'taget_til_efterretning',
      },
      followUps: [
        { action: 'Sende forslag til relevante besøgsmuligheder i de forskellige regioner til sekretariatet (julik@regioner.dk).', owner: 'Udvalgsmedlemmerne', dueDate: '2024-11-21' },
        { action: 'Fremlægge udkast til mødeplan for 2025 til kommentering på PSU-mødet den 5. december.', owner: 'Sekretariatet', dueDate: '2024-12-05' },
      ],
    },
    // 12 (Fortrolig), 003:1432–1434
    closedItem(MDR_NOV),
  ],
};

/** PSU 5 December 2024, agenda only (003:1–474); item 1 is not in the file. */
const PSU_2024_12_05: DemoMeeting = {
  id: '5a3e8c21-7d4f-4b6a-9c0e-202412050001',
  bodyCode: 'PSU',
  date: '2024-12-05',
  startTime: '10:00',
  endTime: '13:00',
  location: LOCATION,
  status: 'dagsorden_udsendt',
  note: `${TIME_NOTE} Punkt 1 (lukket) indgår ikke i det foreliggende materiale og er oprettet som lukket punkt på mødesagen.`,
  items: [
    // 1: not in the file.
    closedItem(MDR_DEC),
    // 2 (Offentlig), 003:1–33
    {
      title: 'Godkendelse af åbent referat fra mødet den 8. november 2024',
      kind: 'beslutning',
      standing: 'godkendelse_referat',
      caseOfficer: 'Rikke Felby',
      caseNumber: MDR_DEC,
      resume: '<p>Referatet blev sendt til udvalget via First Agenda den 15. november 2024.</p>',
      recommendations: ['udvalget godkender referatet'],
      caseText: tail(),
      economy: NONE,
      attachments: [
        {
          title: 'Referat - Åben (1737482 - MDR-2024-00035)',
          fileName: 'Referat - Åben (1737482).pdf',
          text: [
            'Åbent referat af Psykiatri- og Socialudvalgets møde den 8. november 2024 (mødesag MDR-2024-00035, dokument 1737482) – beslutningerne i de åbne punkter.',
            '',
            '2. Godkendelse af åbent referat fra mødet den 26. september 2024: Psykiatri- og Socialudvalget godkendte referatet.',
            '3. Drøftelse af kommende sundhedsreform: Udvalget drøftede regeringens kommende sundhedsreform og de mange uafklarede spørgsmål, der knytter sig hertil.',
            '4. Status for 10-årsplanen og Aftale om bedre psykiatri: Udvalget tog orienteringen til efterretning og understregede vigtigheden af, at der fortsat arbejdes for, at midlerne kommer hurtigere ud at arbejde, og at der er fleksibilitet til at prioritere midler i lyset af lokale behov og udfordringer i regionerne.',
            '5. Styrket somatisk indsats i psykiatrien: Udvalget tog orienteringen til efterretning, efterspurgte en videre drøftelse af konkrete mål for reduktion i overdødeligheden, ønskede en status på implementerede initiativer omkring 1. juni 2025 og forespurgte en fælles drøftelse med Sundhedsudvalget.',
            '6. Ny model for monitorering af tvang: Udvalget tog orienteringen til efterretning.',
            '8. Temadrøftelse om socialpsykiatrien: På baggrund af oplæg fra Lotte Lyhne, chefkonsulent i Socialpædagogerne, drøftede udvalget forskellige aspekter af socialpsykiatrien.',
            '9. Orientering om arbejdet omkring og i Sammen om Handicap: Udvalget tog både den skriftlige og mundtlige orientering til efterretning.',
            '10. Meddelelser og gensidig orientering: Udvalgsformand Jacob Klærke orienterede om den psykiatriske akuttelefon, patientrettigheder i børne- og ungdomspsykiatrien og ICD-11.',
            '11. Eventuelt - åbent: Udvalgsmedlemmerne sender forslag til besøgsmuligheder i regionerne til sekretariatet inden den 21. november; et udkast til mødeplan for 2025 fremlægges den 5. december.',
          ].join('\n'),
        },
      ],
    },
    // 3 (Offentlig), 003:34–84
    {
      title: 'Aftale om sundhedsreform',
      kind: 'droeftelse',
      caseOfficer: 'Julie Kjærgaard',
      caseNumber: 'EMN-2022-00567',
      resume: '<p>Den 15. november 2024 blev Aftale om sundhedsreform præsenteret af regeringen og Danmarksdemokraterne, Socialistisk Folkeparti, Det Konservative Folkeparti og Radikale Venstre.</p>',
      recommendations: ['Psykiatri- og Socialudvalget drøfter sundhedsreformaftalen med afsæt i udvalgets fokusområder.'],
      caseText: html(
        '<p>Regeringen og Danmarksdemokraterne, Socialistisk Folkeparti, Det Konservative Folkeparti og Radikale Venstre offentliggjorde den 15. november 2024 deres aftale om sundhedsreform.</p>',
        '<p>Udvalgets drøftelse bør tage afsæt i de områder som vedrører psykiatri- og socialområdet. Sidestilling og sammenlægning af somatik og psykiatri vil blive behandlet under næstkommende punkt på dagsordenen.</p>',
        '<p>Link til Aftale om sundhedsreform 2024 <a href="https://www.regeringen.dk/media/13524/01-aftale-om-sundhedsreform-2024.pdf">her</a>.</p>',
        '<p>Vedhæftet som bilag er kort opsummering af de punkter, hvor aftalen adskiller sig fra regeringens udspil ift. psykiatri- og socialområdet.</p>',
        tail(),
      ),
      economy: NONE,
      attachments: [
        {
          title: 'Sundhedsreformen ift. psykiatri og socialområdet (1740088 - EMN-2022-00567)',
          fileName: 'Sundhedsreformen ift. psykiatri og socialområdet (1740088).pdf',
          text: [
            'Sundhedsreformen',
            'Centrale justeringer og tilføjelser i den endelige aftale sammenholdt med regeringens udspil ift. psykiatri- og socialområdet.',
            '',
            'Sundhedsrådene – struktur og governance',
            'Justeringer og tilføjelser i den endelige aftale set i forhold til regeringens udspil:',
            '• Sundhedsrådene får også det umiddelbare ansvar for regionens opgaver på socialområdet.',
            '• Sundhedsrådets formand og næstformand vælges af og blandt regionsrådets medlemmer.',
            '• Kommuner med under 80.000 indbyggere har én repræsentant, kommuner mellem 80.000-300.000 indbyggere har to repræsentanter, mens kommuner med over 300.000 indbyggere har tre repræsentanter. Hver repræsentant har én stemme. De regionale repræsentanter har også hver én stemme. I alle sundhedsråd udgør medlemmer fra regionen et flertal.',
            '• Standsningsretten skal udøves enten af det hele antal regionsrådsmedlemmer, der udgør mindst 1/3 af sundhedsrådets regionsrådsmedlemmer, eller af formanden for sundhedsrådet.',
            '• Der etableres regionale patient- og pårørendeudvalg med karakter af kontaktudvalg.',
            '',
            'Psykiatri og somatik',
            'Aftalen indeholder følgende formulering om sammenhæng ml. psykiatri og somatik: ”Aftalepartierne er derfor enige om ligestilling og integration af psykiatri og somatik. Det kræver, at ledelsen af psykiatri og somatik i højere grad organiseres sammen. Regeringen vil indgå en aftale med regionerne herom senest medio 2025. Den konkrete organisering og indfasning vil skulle tilrettelægges af regionerne under hensyntagen til implementeringen af en kommende samlet 10-årsplan for psykiatrien samt behovet for fortsat tværgående samarbejde på regionsniveau om kapacitet og systematisk kvalitetsudvikling.”',
            '',
            'Midler til psykiatri',
            '• Der afsættes 175 mio. kr. til psykiatrien (150 til børne og ungepsykiatrien og 25 mio. kr. til socialpsykiatrien).',
            '',
            'Regionernes øvrige opgaver',
            'Regionernes fremtidige opgaveportefølje, ud over den primære sundhedsopgave, omfatter bl.a. drift af tilbud og institutioner på det specialiserede socialområde og på specialundervisningsområdet. Regionerne kan nedsætte stående udvalg på disse opgaver, i den udstrækning at det umiddelbare ansvar ikke henhører under sundhedsrådet. Sociale tilbud vil henhøre under sundhedsrådet.',
          ].join('\n'),
        },
      ],
    },
    // 4 (Fortrolig), 003:85
    closedItem(),
    // 5 (Offentlig), 003:86–216
    {
      title: 'Status for 10-årsplanen og Aftale om bedre psykiatri',
      kind: 'orientering',
      caseOfficer: 'Josefina Hindenburg Krausing',
      caseNumber: 'EMN-2020-00886',
      resume: html(
        '<p>Psykiatri- og Socialudvalget orienteres løbende om status for arbejdet med 10-årsplanen for psykiatri og mental sundhed og Aftale om bedre psykiatri. Dette senest på møde d. 8. november 2024. Det er begrænset, hvad der er sket siden sidst ift. udvikling i 10-årsplanen for psykiatri og mental sundhed og Aftale om bedre psykiatri. Evt. nyt i de forskellige indsatser er fremhævet i dagsordenen.</p>',
        '<p>På alle fem prioriterende områder i 10-årsplanen for psykiske lidelser og mental sundhed er der fremdrift. Desuden er der fremdrift i indsatser i regi af Aftale om en bedre psykiatri.</p>',
        '<p>De politiske forhandlinger om Sundhedsstyrelsen og Social- og Boligstyrelsens oplæg til rækkefølge og prioritering af anbefalingerne i styrelsernes faglige oplæg til en 10-årsplan for psykiatri og mental sundhed for årene 2025-2030 er udskudt til primo 2025.</p>',
      ),
      recommendations: [
        'Psykiatri- og Socialudvalget tager orienteringen til efterretning',
        'udvalget drøfter status for 10-årsplanen for psykiatrien og mental sundhed og Aftale om bedre psykiatri.',
      ],
      caseText: html(
        '<p>Der har i regi af Sundhedsstyrelsen været afholdt fem møder i Nationalt råd for psykiske lidelser og mental sundhed. Næste møde er i december 2024. Rådet har på møde i foråret drøftet udkast til oplæg til rækkefølge og prioritering for indsatser 2025 – 2030.</p>',
        `<p>Sundhedsstyrelsen og Social- og Boligstyrelsen har, som udvalget tidligere er orienteret om, offentliggjort et oplæg til rækkefølge og prioritering af anbefalingerne i styrelsernes faglige oplæg til en 10-årsplan for psykiatri og mental sundhed for årene 2025-2030. Link til oplæg: <a href="${SST_PRIORITERING_URL}">${SST_PRIORITERING_URL}</a></p>`,
        '<p>Oplægget, som styrelserne har sendt til Indenrigs- og Sundhedsministeriets departement, tager afsæt i regeringens prioritering af et fagligt løft af psykiatriområdet frem mod 2030. I oplægget indgår en tydelig prioritering af indsatser i de første tre år, mens der er indlagt mulighed for større fleksibilitet i årene 2028-2030. Dette skyldes, at der ses et behov for en vis fleksibilitet til at prioritere midler til områder, hvor der viser sig særlige behov undervejs.</p>',
        '<p>Det forventes nu, at der indgås politisk aftale om initiativer for psykiatrien for årene 2025 – 2030 primo 2025. I Aftale om Sundhedsreform 2024 fremgår, at der i 2025 allokeres midler til kapacitetsløft i psykiatrien. Der allokeres 175 mio. kr. i 2025, hvoraf 150 mio. kr. er til børne- og ungdomspsykiatrien, men hvor en mindre del efter aftale med Indenrigs og Sundhedsministeriet kan anvendes i voksenpsykiatrien. 25 mio. kr. allokeres til kapacitetsløft af sociale akuttilbud i socialpsykiatrien.</p>',
        '<p><strong>Status for igangværende arbejde i 10-årsplanen for psykiatri og mental sundhed og Aftale om bedre psykiatri</strong></p>',
        '<p>I alle regioner følges arbejdet med 10-årsplanen for psykiatri og mental sundhed og Aftale om bedre psykiatri tæt, herunder implementering af tiltag samt medfølgende økonomi.</p>',
        '<p>På alle fem prioriterende områder i 10-årsplanen for psykiske lidelser og mental sundhed er der fortsat fremdrift. Lettilgængeligt behandlingstilbud i kommunerne til børn og unge i psykisk mistrivsel er under implementering. Forløbsbeskrivelser for børn, unge og voksne med psykoselidelser er offentliggjort, og der er offentliggjort en handlingsplan for forebyggelse af selvmord og selvmordsforsøg. Der er nu i relation til handlingsplanen for forebyggelse af selvmord og selvmordsforsøg nedsat et råd (Rådet for selvmordsforebyggelse), som erstatter det Nationale Partnerskab for forebyggelse af selvmord og selvmordsforsøg, som har haft virke fra 2017-2024. Rådet, som skal følge initiativerne i handlingsplanen, har et første møde i december 2024.</p>',
        '<p>Desuden er der fortsat god fremdrift i etablering af de Danske Multidisciplinære Psykiatri Grupper, hvor der nu i alt er nedsat fem DMPG’er for hhv. skizofreni, depression, ADHD, bipolar lidelse og dobbeltdiagnose og senest er det besluttet, at der skal etableres en DMPG for spiseforstyrrelse. Endvidere er det i styregruppen for DMPG-arbejdet, som består af de fem regionale lægefaglige direktører i psykiatrien, Danske Regioner og RKKP, besluttet, at invitere forpersonerne fra Børne og Ungdomspsykiatrisk Selskab og Dansk Psykiatrisk Selskab med ind i styregruppen, således at selskaberne knyttes tættere til DMPG-arbejdet.</p>',
        '<p>Også i forhold til Aftale om bedre psykiatri er der fremdrift. Dette blandt andet i forhold til det forberedende arbejde i regi af Sundhedsstyrelsen om hurtig opstart af behandling til børn og unge, opfølgning efter endt forløb i psykiatrien, bedre akut hjælp og større tryghed for medarbejderne samt forløbsbeskrivelse for børn og unge med autismespektrumforstyrrelser.</p>',
        '<p>Sideløbende har et rådgivende udvalg for patientrettigheder i regi af Indenrigs og Sundhedsministeriet, udarbejdet mulige modeller for nye patientrettigheder i børne- og ungdomspsykiatrien. Danske Regioner afventer fortsat orientering om den videre proces fra Indenrigs- og Sundhedsministeriet.</p>',
        '<p>Der er d. 14. november 2024 i øvrigt indgået aftale om fordeling af den nationale forskningsreserve for 2025. Her indgår, at der som opfølgning på det faglige oplæg til en 10-årsplan for psykiatri og mental sundhed afsættes 150 mio. kr. til forskning i psykiatri herunder forebyggelse, tidlig indsats, effektive og virksomme metoder til behandling m.m. Midlerne udmøntes af Danmarks Frie Forskningsfond.</p>',
        '<p>I vedlagte detaljerede oversigt over initiativer ses status for de samlede initiativer.</p>',
        tail(),
      ),
      economy: NONE,
      attachments: [
        {
          title: 'november 2024 Skema over indsatser i 10- årsplan og Aftale bedre psykiatri samt nye patientrettigheder_ (1739412 - EMN-2020-00886)',
          fileName: 'November 2024 Skema over indsatser i 10-årsplan og Aftale bedre psykiatri (1739412).pdf',
          text: [
            'NOTAT – 25-11-2024 – EMN-2020-00886 – Josefina Hindenburg Krausing',
            'Status-skema over indsatser i 10-årsplanen for psykiatri og mental sundhed og Aftale om bedre psykiatri samt arbejdet vedr. nye patientrettigheder i BUP',
            '',
            '10-årsplanen for psykiatri og mental sundhed',
            'Kolonner: Indsats | Status | Regionale repræsentanter | Møder og forventet afslutning',
            '',
            'Etablering af lettilgængeligt kommunalt behandlingstilbud til børn og unge med psykisk mistrivsel og symptomer på psykisk lidelse',
            'Status: Det faglige arbejde er afsluttet, og der er fremsat lovforslag. Lovforslaget indebærer, at alle kommunerne skal etablere tilbuddet, at regionsrådet skal understøtte opbygningen af tilbuddet med rådgivning, sparring og vejledning, og at sundhedsministeren bemyndiges til at fastsætte nærmere regler for behandlingstilbuddet. Udkast til bekendtgørelse har været sendt til kommentering i regionerne, og Danske Regioner har på vegne af regionerne indgivet bemærkninger.',
            'Regionale repræsentanter: Linda Hardisty Bramsen, cheflæge i børne- og ungdomspsykiatrien, Region Nordjylland; Katrine Bærentzen, leder af enheden for tværsektoriel udvikling, Børne- og Ungdomspsykiatrisk Center, Region Hovedstaden; Mikkel Lambach, Danske Regioner.',
            'Til implementering: Loven trådte i kraft 1. juli 2024.',
            '',
            'Følgegruppe for nyt kommunalt behandlingstilbud til børn og unge med psykisk mistrivsel og symptomer på psykisk lidelse',
            'Status: Til at følge implementeringen og sikre høj kvalitet og ensartethed i tilbuddene på tværs af kommuner nedsættes en følgegruppe. Det forventes, at følgegruppen skal mødes 2-3 gange årligt i perioden 2024-26.',
            'Regionale repræsentanter: Katrine Bærentzen, Region Hovedstaden; Thomas I. Jensen, centerchef, Danske Regioner.',
            '',
            'Nye patientrettigheder i børne- og ungdomspsykiatrien',
            'Status: Det rådgivende udvalgs arbejde er afsluttet i september. Vi afventer melding fra ISM om videre proces, herunder evt. fremsættelse af lovforslag.',
          ].join('\n'),
        },
      ],
    },
    // 6 (Offentlig), 003:217–361
    {
      title: 'Temadrøftelse om udsatteområdet',
      kind: 'droeftelse',
      caseOfficer: 'Julie Kjærgaard',
      caseNumber: 'EMN-2022-00567',
      guests: [{ name: 'Kira West', title: 'Formand', organisation: 'Rådet for Socialt Udsatte', attended: false }],
      resume: html(
        '<p>Nogle af samfundets mest udsatte borgere lever med hjemløshed, psykisk sårbarhed og misbrugsproblemer. Der er tale om borgere med komplekse udfordringer, som ofte ikke passer ind i de almindelige systemer.</p>',
        '<p>I regionalt regi er er vi i kontakt med målgruppen i forbindelse med både somatiske og psykiatriske sundhedstilbud samt indsatser på socialområdet, og har derfor også kendskab til de udfordringerne, som er forbundet med, at indsatserne er placeret i forskellige sektorer.</p>',
        '<p>Et regeringsudvalg er netop nu i slutprocessen med at udforme en politik, der skal styrke de mest udsattes mulighed for et bedre og mere værdigt liv, og skabe en vej ind i fællesskabet.</p>',
        '<p>Kira West, formand for Rådet for Socialt Udsatte, holder på udvalgsmødet oplæg om, hvad rådet finder særligt afgørende for gruppen af de allermest udsatte borgere.</p>',
      ),
      recommendations: ['Psykiatri- og Socialudvalget drøfter, hvordan regionerne kan være med til at løfte opgaven med de mest udsatte borgere.'],
      caseText: html(
        '<p>Der er borgere, der af forskellige grunde har behov for støtte og behandling men som ikke passer ind i de almindelige systemer. Regionerne har berøring med målgruppen af udsatte borgere inden for både somatik, psykiatri og socialområdet. Blandt andet gennem:</p>',
        '<ul>',
        '<li>Dobbeltdiagnosetilbuddet</li>',
        '<li>Udgående og opsøgende indsatser</li>',
        '<li>F-ACT og OPUS</li>',
        '<li>Flexklinikken</li>',
        '<li>De sikrede institutioner</li>',
        '<li>Tværsektorielle samarbejder med civilsamfundet</li>',
        '</ul>',
        '<p>Regionerne har derfor også kendskab til udfordringerne forbundet med, at indsatserne for denne målgruppe er placeret i forskellige sektorer og forankret i forskellige lovkomplekser. Alle regioner har udsatteråd, som blandt andet er med til at identificere problemstillinger i det tværsektorielle samarbejde og dermed understøtte arbejdet med at skabe sammenhængende indsatser for borgerne.</p>',
        '<p><strong>Regeringens bebudede politik for de allermest udsatte</strong></p>',
        '<p>Det fremgik af regeringsgrundlaget, at regeringen ønsker at lægge grundstenene til en ny og værdig politik for de allermest udsatte – en såkaldt værdighedsreform. Et regeringsudvalg er i gang med dette arbejde.</p>',
        '<p>Tidligere Social- og boligminister Pernille Rosenkrantz-Theil inviterede i det indledende udvalgsarbejde en bred række aktører til rundbordsdrøftelse i december 2023. På mødet var der mulighed for at dele perspektiver på de centrale udfordringer, som de mest udsatte møder, samt give input til mulige løsninger. Fra Danske Regioner deltog næstformand i Psykiatri- og Socialudvalget Vibeke Gamst. På bagkant af mødet sendte Danske Regioner input til udvalgsarbejdet og invitation til videre drøftelse heraf. Bidraget er vedlagt som bilag. Her pointeredes det blandt andet, at regionerne er klar til stå for et specialiseret døgnbehandlingstilbud til gravide med rusmiddelforbrug.</p>',
        '<p>Regeringsudvalget er på nuværende tidspunkt i slutprocessen af deres arbejde med at udforme politikken. Der er ikke noget nyt om værdighedsreformen i den netop præsenterede finanslov for 2025. Men i regeringens finanslovsforslag er der afsat 100 millioner kroner i 2025, 150 millioner kroner i 2026 og 200 millioner kroner årligt herefter til den nye socialpolitik, der skal skabe bedre muligheder for de mest udsatte borgere, der for eksempel lever med hjemløshed, psykisk sårbarhed og misbrugsproblemer.</p>',
        '<p><strong>SSA-reserven</strong></p>',
        '<p>SSA-reserven, er en pulje, som Folketingets partier årligt udmønter for de næste fire år. Midlerne gives til social-, sundheds- og arbejdsmarkedsområdet mv., og ordførere fra alle partier er med i forhandlinger om, hvordan midlerne skal bruges.</p>',
        '<p>Den 14. november 2024 indgik regeringen, Socialistisk Folkeparti, Danmarksdemokraterne, Liberal Alliance, Det Konservative Folkeparti, Enhedslisten, Radikale Venstre og Alternativet aftale om fordelingen af reserven på social-, sundheds- og arbejdsmarkedsområdet. Der er midler til blandt andet hjemløse, mennesker udsat for vold, handicapområdet, øget sundhed i almene boligområder og adoptionsområdet.</p>',
        '<p>Der gives blandt andet penge til disse initiativer:</p>',
        '<ul>',
        '<li>Omkring 100 mio. kr. til de allermest udsatte borgere, som lever på gaden og ofte har et misbrug og psykiske problemer. Der gives eksempelvis midler til sociale viceværter, der kan støtte mennesker i hjemløshed, der flytter i egen bolig.</li>',
        '<li>Omkring 65 mio. kr. til voldsudsatte. Blandt andet til Lev Uden Vold og til ambulant behandling.</li>',
        '<li>Knap 50 mio. kr. specifikt til sundhedsindsatser i almene boligområder, der skal bekæmpe ulighed i sundhed.</li>',
        '<li>Omkring 70 mio. kr. til handicapområdet – blandt andet til servicehunde til personer med psykiske handicap og til en handlingsplan for uddannelse og beskæftigelse for mennesker med handicap</li>',
        '</ul>',
        '<p>Se aftaleteksten <a href="https://www.sm.dk/Media/638672049892103993/Aftaletekst.docm">her</a></p>',
        '<p><strong>Rådet for Socialt Udsatte</strong></p>',
        '<p>Rådet for Socialt Udsatte er nedsat af socialministeren og har som uafhængigt råd til formål at rådgive regeringen og Folketinget om, hvordan social udsathed kan forebygges og afhjælpes.</p>',
        '<p>Fokus for rådets arbejde er mennesker, der enten lever i, eller er i risiko for at ende i social udsathed. Eksempelvis mennesker, der lever i eller på kanten til hjemløshed, lever med afhængighed af stoffer, alkohol eller gambling, lever med psykiske lidelser, salg af sex, og/eller langvarig arbejdsløshed og fattigdom. Særligt når disse optræder i kombination og kræver nye løsninger på tværs af fagområder.</p>',
        '<p>Kira West, Formand for Rådet for Socialt Udsatte, holder oplæg om, hvad rådet finder særligt afgørende for gruppen af de allermest udsatte borgere.</p>',
        tail(),
      ),
      economy: NONE,
      attachments: [
        {
          title: 'Danske Regioners input til udarbejdelse af en ny politik for de allermest udsatte (1739325 - EMN-2022-00567)',
          fileName: 'Danske Regioners input til ny politik for de allermest udsatte (1739325).pdf',
          text: [
            'Danske Regioners input til udarbejdelse af en ny værdig politik for de allermest udsatte',
            '',
            'Behovet for bedre hjælp og støtte til de allermest udsatte borgere er stort. I regionalt regi er er vi i kontakt med målgruppe i forbindelse med somatiske og psykiske sundhedstilbud samt indsatser på socialområdet. Vi har derfor også kendskab til udfordringerne forbundet med, at indsatserne for denne målgruppe er placeret i forskellige sektorer og forankret i forskellige lovkomplekser. Vi er optagede af at inddrage perspektiver fra denne gruppe gennem eks. Udsatteråd, dialogfora og lignende. Derfor vil vi også gerne anerkende regeringen for ambitionerne om at lægge grundstenene til en ny og værdig politik for de allermest udsatte borgere.',
            '',
            'Forslag til nye tiltag',
            '',
            'Specialiseret døgnbehandlingstilbud til gravide med rusmiddelforbrug',
            'En særlig udsat målgruppe er gravide med rusmiddelforbrug, hvor også det ufødte barn er ekstremt udsat. Det estimeres, at 80-100 gravide om året har brug for mere end ambulant behandling. Grundet alvorligt rusmiddelforbrug og eventuelle psykiske og sociale problemer har disse gravide brug for et højt specialiseret døgnbehandlingstilbud, som ikke findes i dag. Danske Regioner mener, at dette tilbud bør ligge i tilknytning til familieambulatorierne, der har den specialiserede viden om målgruppen, og som samarbejder tæt med psykiatrien samt føde- og børneafdelingerne.',
            '',
            'Bosteder for de sværest psykisk syge',
            'Et andet sted, hvor det kunne være relevant at samle budget- og driftsansvar, er på bosteder for de sværest psykisk syge. Dette ville muliggøre synergi mellem sundhedsindsatsen og den sociale støtte i den enkelte patients komplekse situation.',
            '',
            'Behov for styrkelse af socialpsykiatrien',
            'Endelig er det væsentligt at understrege, at vi i Danske Regioner finder det helt afgørende for samfundets mest udsatte, at socialpsykiatrien løftes markant på tværs af alle kommuner.',
            '',
            'Igangværende initiativer som bør styrkes og udbredes: svært psykisk syge med samtidigt misbrug, opsøgende indsatser, F-ACT og OPUS, Flexklinikken, de sikrede institutioner og tværsektorielle samarbejder med civilsamfundet.',
          ].join('\n'),
        },
      ],
    },
    // 7 (Offentlig), 003:362–411
    {
      title: 'Udkast til mødeplan for 2025',
      kind: 'orientering',
      caseOfficer: 'Julie Kjærgaard',
      caseNumber: 'EMN-2022-00567',
      resume: '<p>Udvalget er tidligere blevet orienteret om mødedatoer for 2025. En plan for udvalgsbesøg i tre regioner er skitseret herunder.</p>',
      recommendations: ['Psykiatri- og Socialudvalget tager udkastet til mødeplan for 2025 til orientering.'],
      caseText: html(
        '<p>Herunder udkast til mødeplan for 2025</p>',
        '<table>',
        '<tr><th>Dato</th><th>Sted</th></tr>',
        '<tr><td>Fredag den 28. februar 2025</td><td>Besøg i Region Nordjylland</td></tr>',
        '<tr><td>Torsdag den 24. april 2025</td><td>Danske Regioner, Dampfærgevej 22, 2100 København Ø</td></tr>',
        '<tr><td>Fredag den 20. juni 2025</td><td>Besøg i Region Midtjylland</td></tr>',
        '<tr><td>Torsdag den 4. september 2025</td><td>Danske Regioner, Dampfærgevej 22, 2100 København Ø</td></tr>',
        '<tr><td>Fredag den 31. oktober 2025</td><td>Besøg i Region Hovedstaden</td></tr>',
        '<tr><td>Torsdag den 4. december 2025</td><td>Danske Regioner, Dampfærgevej 22, 2100 København Ø</td></tr>',
        '</table>',
        tail(),
      ),
      economy: NONE,
    },
    // 8 (Offentlig), 003:412–441
    {
      title: 'Meddelelser og gensidig orientering',
      kind: 'orientering',
      caseOfficer: 'Rikke Felby',
      caseNumber: MDR_DEC,
      recommendations: ['Psykiatri- og Socialudvalget tager orienteringspunkterne til efterretning'],
      caseText: tail(),
      economy: NONE,
    },
    // 9 (Offentlig), 003:442–473; the Indstilling is printed as an empty "at".
    {
      title: 'Eventuelt - åbent',
      kind: 'orientering',
      standing: 'eventuelt',
      caseOfficer: 'Rikke Felby',
      caseNumber: MDR_DEC,
      caseText: tail(),
      economy: NONE,
    },
    // 10 (Fortrolig), 003:474
    closedItem(),
  ],
};

/** The PSU meetings of file 003, in date order. */
export const PSU_2024: readonly DemoMeeting[] = [PSU_2024_11_08, PSU_2024_12_05];
