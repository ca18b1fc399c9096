import { type z } from 'zod';
import type { Outcome } from '../../../../shared/domain/agenda';
import type { ProposalContent, Stance } from '../../../../shared/domain/proposal';

/*
 * The demo's new-offer proposal NT-1, the residential offer for young people with severe self-harm (domain.md §2),
 * entered from the seed papers (file 002, lines cited as '002:NNNN'): the ideoplæg of May 2021 (v1, Bilag 3 to DAS
 * 27.05.2021, punkt 7) and the revised ideoplæg of summer 2021 (v2), the consultation responses (Bilag 5), the remarks
 * of Børne- og ungedirektørkredsen (Bilag 6) and the approval route. Its money is not here: each version links to the
 * tariff scenarios of scenarios.ts by name. The Danish text is the source's, paragraph by paragraph (some paragraphs
 * left out); only PDF-extraction artefacts (hyphenation, line breaks, footnote markers) are repaired.
 * test/backend/demo-proposal.test.ts pins every paragraph to the lines cited in `source`.
 */

export interface DemoProposalVersion {
  number: number;
  content: z.input<typeof ProposalContent>;
  /** Names in DEMO_SCENARIOS, in order: scenario 1, 2, 3. */
  scenarios: string[];
  chosenScenario: string;
  consultation: { start: string | null; end: string | null; circle: string[]; /** 'kommuner' = all 11 municipalities */ expected: 'kommuner' | string[] };
  note: string;
  /** Where the version is printed, e.g. '002:2626–3212'. */
  source: string;
}
export interface DemoResponse {
  version: number;
  respondent: string; // as printed: 'Aalborg FB', 'Rebild Kommune', …, 'Børne- og ungedirektørkredsen'
  organisationName: string | null; // the municipality as stored ('Aalborg Kommune'), null for a body/network
  receivedOn: string | null; // ISO date if printed, else null
  stance: Stance; // your reading of the text; say why in a short comment
  text: string; // the response VERBATIM from the seed (join wrapped lines with spaces; keep Danish characters exactly)
  /** True when it was annexed to the DAS item of 27.05.2021 (Bilag 5 / Bilag 6). */
  annexedToDasItem: boolean;
  source: string;
}
export interface DemoStep {
  bodyCode: string; // 'BUDK' | 'DAS' | 'KKR' …
  plannedDate: string | null;
  versionNumber: number | null;
  /** The demo meeting and the index of the item in its items array, when the step's item exists in the demo. */
  item: { meetingId: string; index: number } | null;
  /** Only for steps without an item whose outcome is known from the papers. */
  manualOutcome: Outcome | null;
  note: string;
  source: string;
}
export interface DemoProposal {
  code: string;
  title: string;
  versions: DemoProposalVersion[];
  responses: DemoResponse[];
  steps: DemoStep[];
}

/** Plain text of paragraphs, separated by a blank line. */
const paragraphs = (...parts: string[]): string => parts.join('\n\n');

/** DAS Social 27.05.2021 (das-2021.ts); the proposal is its punkt 7, the 7th entry of its items. */
const DAS_2021_05_27_ID = '5a3e8c21-7d4f-4b6a-9c0e-202105270001';
const DAS_2021_05_27_NT1_INDEX = 6;

const DOCUMENT_TITLE = 'Nyt botilbud til unge med svær selvskadende adfærd';
/** Operator and partner as the ideoplæg names them (002:2773–2774, 16564–16565; header "Psykiatrien og Specialsektoren"). */
const OPERATOR = 'Specialsektoren, Region Nordjylland';
const PARTNERS = ['Psykiatrien, Region Nordjylland'];
/** "Børne- og ungedirektørkredsen og DAS Social har bedt Region Nordjyllands specialsektor …" (002:373–374, 16372–16374). */
const COMMISSIONERS = ['Børne- og ungedirektørkredsen', 'DAS Social'];
const LEGAL_BASIS = ['SEL § 66', 'SEL § 107'];
const KEY_LABEL = 'Befolkningstal pr. 2. kvartal 2021';

/**
 * NT-1 v1: "Ideoplæg -Nyt botilbud til unge med svær selvskade", Bilag 3 to DAS 27.05.2021 (002:2626–3213) with its
 * distribution table, Bilag 4 (002:3214–3259), and the agenda text of punkt 7 (002:365–623) for the agenda title, the
 * tariff model's first sentence and two caveats.
 */
const V1_CONTENT: z.input<typeof ProposalContent> = {
  documentTitle: DOCUMENT_TITLE,
  agendaTitle: 'Oplæg til tilbud for børn og unge med svær selvskadende adfærd',
  operator: OPERATOR,
  partners: PARTNERS,
  commissioners: COMMISSIONERS,
  // 002:2656–2686
  background: paragraphs(
    'Den Administrative styregruppe nedsatte i foråret 2019 en arbejdsgruppe med det formål at se på udfordringer og løsninger vedr. tilbud til unge med svær selvskadende adfærd, herunder specifikt om der er behov for at oprette botilbudspladser til målgruppen.',
    'Arbejdsgruppen blev nedsat i lyset af, at flere kommuner oplever udfordringer med målgruppen af unge med svær selvskade (over og under 18 år). Der er tale om unge som ikke kan rummes i de eksisterende sociale tilbud samtidig med, at de ikke er i målgruppen til udelukkende at have en behandlingsindsats i hospitalspsykiatrien.',
    'Som led i arbejdsgruppens arbejde blev der igangsat en afdækning af målgruppens størrelse samtidig med, at det blev aftalt at gøre nogle indledende overvejelser om oprettelse af et botilbud til målgruppen.',
    'Specialsektoren og Psykiatrien blev på den baggrund bedt om – af den af DAS nedsatte arbejdsgruppe - at lavet et ideoplæg til et regionalt drevet botilbud, hvor der kan tilbydes en inkluderende socialpsykiatrisk indsats.',
    'Oplægget blev drøftet i DAS den 20. august. I forlængelse af dette blev det besluttet, at for at styrke beslutningsgrundlaget om eventuel etablering af et nyt tilbud skulle Region Nordjylland kvalificere oplægget med overvejelser om takster og økonomi for opstart af tilbud.',
    'Nærværende ideoplæg indeholder således flere af de oprindelige perspektiver, men er udvidet med overvejelser om takst, opstartsøkonomi, personale, målgruppe mv.',
    'Ideoplægget er viderebearbejdet på baggrund af erfaringsudveksling med sammenligneligt tilbud i Region Midtjylland, målgruppeerfaring fra Psykiatrien og mere generelle erfaringer fra opstart og drift af socialpædagogiske botilbud i Specialsektoren.',
  ),
  // 002:2693–2744 (the paragraphs on the professional assessment, 2713–2734, are left out)
  vision: paragraphs(
    'Igennem de senere år er der sket en stigning i antallet af unge, der har selvskade i så alvorlig en grad, at der er behov for en helhedsorienteret indsats på tværs af sektorer.',
    'Den selvskadende adfærd kan have karakter af livstruende adfærd eller trang til misbrug gennem selvskade. Det fører dermed ofte til akutte indlæggelser, evt. som en tvangsindlæggelse. Målgruppen har ikke nødvendigvis fået konstateret en psykiatrisk lidelse, men ofte er der brug for, at man kan indlægge i kort tid for derefter hurtigt at udskrive den unge til et specialiseret socialpsykiatrisk botilbud, optimalt et botilbud med specifikke kompetencer, som rummer målgruppens kompleksitet.',
    'Et sådan botilbud findes ikke på nuværende tidspunkt i den nordjyske region og visionen er, at de unge - også dem under 18, som hidtil har boet hjemme – fremover ikke behøver at flytte til tilbud i andre regioner, langt væk fra deres nærmiljø og pårørende, hvilket gør det vanskeligt at inddrage forældrene i den miljøterapi, der foregår på et specialiseret tilbud.',
    'Der er derfor brug for at tænke nyt om, hvordan disse ofte meget sårbare og syge unge kan sikres adgang til den rette behandling på specialiseret niveau i deres eget nærmiljø, – og hvor den unge ikke selv har ansvaret for at bygge bro mellem to eller flere stole, men hvor det professionelle miljø omkring den enkelte arbejder tæt og koordineret sammen.',
    'Intentionen er således at få etableret et tilbud – med en tværfaglig og tværsektoriel koordineret indsats, hvor opgaven omkring den enkelte tilrettelægges mest hensigtsmæssigt, hvor der er kort vej fra botilbud til psykiatri og hvor indsatsen leveres tæt på den unges hverdag og familie.',
    'En afledt positiv effekt af et sådan botilbud kunne endvidere være – hvis der ses et behov herfor - at den viden som genereres - i takt med at der oparbejdes erfaring - på sigt bruges til at etablere et videns- og læringscenter. Herigennem kunne man understøtte en endnu bredere del af unge med selvskadeproblematikker gennem viden til fagpersoner m.v. (skole, sagsbehandlere, andre botilbud pårørende m.v.) i forhold til både håndtering og forståelse af selvskade.',
  ),
  // 002:2746–2769 (footnote marker after "adfærd" dropped); the co-morbidities are in their own field.
  targetGroupPrimary: paragraphs(
    'Målgruppen udgøres af normalt begavede unge i alderen 14 – 23 år med en svær selvskadende adfærd, som har behov for en specialiseret socialpsykiatrisk indsats på et botilbud.',
    'Det afgørende er, at den unge har funktionshæmmende selvskade som den primære udfordring, som i perioder kan være af livstruende karakter – herunder selvmordsadfærd - med behov for indlæggelse og akutbehandling såvel psykiatrisk som somatisk.',
    'Der kan både være tale om unge som modtager/har modtaget behandling i psykiatrien og unge som ikke har. Med psykiatrien tæt på, vil der være en let adgang til en vurdering af, om der skal foretages en udredning, hvor man derefter kan målrette indsatsen endnu bedre.',
    'De indskrevne borgere med svære selvskadeproblematikker kan både være unge, hvor selvskadende er i den mest akutte og ekstreme fase, samt unge hvor indsatsbehovet er mindre intensivt og mere stabilt. Det bør dog understreges, at sidstnævnte unges indsatsbehov stadig kan være stort og omfangsrigt, og det er blot selvskadens udtryksform der er mindre kaotisk. Alle borgere i denne målgruppe har alle selvskadeproblematikker, som potentielt er livstruende, men selvskadens udtryksform kan være mere eller mindre stabil.',
  ),
  // v1 has one target group only; the secondary group came with v2.
  targetGroupSecondary: '',
  // The ideoplæg says 14–23 (002:2746); the agenda text says "målgruppen strækker sig fra 15-23 år" (002:496–498), as
  // does the analysis (002:2040). The ideoplæg is the proposal itself, so 14 is entered; the version note says so.
  ageFrom: 14,
  ageTo: 23,
  // "… udviklingsforstyrrelser som autismespektrum forstyrrelser og ADHD/ADD og/eller psykiatriske sygdomme som
  // personlighedsforstyrrelser (fx borderline), spiseforstyrrelser, skizofreni, angst, OCD og depression" (002:2749–2753).
  coMorbidities: ['Autismespektrumforstyrrelser', 'ADHD/ADD', 'Personlighedsforstyrrelser (fx borderline)', 'Spiseforstyrrelser', 'Skizofreni', 'Angst', 'OCD', 'Depression'],
  // "defineres indenfor servicelovens §§ 66 og 107" (002:2773–2774): § 66 under 18, § 107 from 18 (002:496–498).
  legalBasis: LEGAL_BASIS,
  places: 10,
  demandMin: 9,
  demandMax: 15,
  // 002:2891–2910
  demandNote: paragraphs(
    'For at sikre tilbuddets bæredygtighed - såvel fagligt som økonomisk – så anbefales det at etablere det nye tilbud med minimum 10 pladser. I Region Nordjylland er der imidlertid ikke sammenlignelige tilbud der vil kunne sikre sam- eller stordriftsfordele og dermed kan der ikke opnås synergieffekter ift. en effektiv drift. At drive et tilbud af denne karakter vil derfor være fagligt og økonomisk sårbart med under 10 pladser. En forudsætning at drive et tilbud med 10 pladser er at der er en bred opbakning og tilslutning fra de nordjyske kommuner.',
    [
      'Analysen som blev fremlagt for DAS i efteråret 2020 viser en anbringelsestid på 3,27 år i gennemsnit og indikerer følgende efterspørgsel:',
      '• 3-5 nye borgere om året fra børne- og ungepsykiatrien.',
      '• 9 borgere fra nordjyske kommuner på afdelinger på Holmstrupgård, som modtager målgruppen.',
      '• 5 borgere anbragt på andre døgntilbud grundet svær selvskadende adfærd efter rundspørge ved 3 nordjyske kommuner',
    ].join('\n'),
    'Analysen viser dermed, at den umiddelbare efterspørgsel på pladser er på mellem 9 og 15, hvis man alene fokuserer på nuværende borgere som psykiatrien har kendskab til.',
  ),
  // "Tilbuddets forventes ligeledes omfattet af det forstærkede samarbejde" (002:3000–3001; agenda 002:498–500).
  enhancedCooperation: true,
  // 002:2777–2820 (footnote 1, printed in the middle of the second paragraph, left out) and 002:3188–3206.
  cooperationModel: paragraphs(
    'Målgruppen for botilbuddet er kendetegnet ved særligt svære problemstillinger, hvis håndtering kræver et tæt samarbejde og en koordineret indsats mellem handlekommune, botilbuddet og behandlingspsykiatrien, - som størstedelen af de unge forventelig har tilknytning til i form af indlæggelser eller ambulant udredning og behandling.',
    'Indsatsen kommer således til at foregå i et tæt og forpligtende samarbejde mellem handlekommune, botilbuddet og behandlingspsykiatrien - hvor Specialsektoren leverer den socialpsykiatriske indsats, mens Psykiatrien leverer den ambulante psykiatriske vurdering/udredning/behandling til målgruppen. Derudover bidrager Psykiatrien også med konsulentbistand og til den løbende nødvendige kompetenceudvikling for at sikre kontinuitet i forløbet omkring de unge der allerede er kendt af Psykiatrien.',
    'Supervision af tilbuddets personale vil være omkring den socialpsykiatriske indsats. Det vil være hensigtsmæssigt at indkøbe supervision fra konsulenter fra lignende botilbud med specialviden om målgruppen.',
    [
      'I forhold til finansiering af Psykiatriens opgaver i relation til botilbuddet og ungegruppen er udgangspunktet følgende:',
      '• Det samlede ambulante psykiatriske behandlingsforløb til de unge indgår som en sundhedsydelse og finansieres derfor endeligt af Region Nordjyllands sundhedsbudget.',
      '• Psykiatrisk konsulentbistand indgå som en del af taksten. Det omhandler bl.a.:',
      '- Ugentlig deltagelse på behandlingskonferencer på bostedet med henblik på psykiatrifaglig sparring på miljøterapien',
      '- Undervisning i psykiatrifaglige emner til bostedets medarbejdere',
    ].join('\n'),
    'Konsulentbistand til supervision, støtte og uddannelse til personalet leveres af konsulenter fra tilbud med konkret målgruppeerfaring. Der forventes at skulle ydes omfangsrigt supervision, uddannelse og kompetenceudvikling til personalet for sikre den faglige bæredygtighed.',
  ),
  // 002:2853–2870
  staffing: paragraphs(
    'Da der er tale om håndtering af meget komplekse problemstillinger, vil der blive lagt vægt på, at botilbuddet bemandes af en tværfaglig personalegruppe, som med en bred vifte af kompetencer, erfaringer - og specialviden om målgruppen - kan supplere hinanden og understøtte det helhedsorienterede perspektiv i indsatsen. Personalesammensætningen vil bestå overvejende af socialpædagoger og ergoterapeuter og hertil sygeplejersker, psykolog, to nattevagter, en administrativ medarbejder samt en pedelfunktion og en medarbejder til køkken og rengøring. Ledelsesmæssigt er udgangspunktet en tilbudsleder og én afdelingsleder.',
    'Det er vigtigt at der både sker kompetenceudvikling i konkrete psykiatriske problemstillinger, og der kontinuerligt indtænkes fast supervision – herunder eventuel tværsektoriel supervision. Det er væsentligt at personalet allerede fra opstart af tilbuddet har viden om omsorgssvigt, mentalisering og har kompetencer både inden specialpædagogikken og viden om børn og unges normale udvikling. Alt fagpersonale forventes ligeledes at skulle tage en miljøterapiuddannelse med varighed af ca. et år.',
    'Hertil er det nødvendigt, at der fra opstart af tilbuddet er specialviden og erfaring med særligt fokus på patologien om selvskade samt udviklingsforstyrrelser og psykiatrisk sygdom til stede. Samtidig skal der være et kontinuerligt fokus på nyeste viden og fortløbende kompetenceudvikling.',
  ),
  // "en tilbudsleder ansættes ca. 10 måneder før opstart, afdelingsleder samt to medarbejdere ca. 3 måneder før opstart
  // og øvrige medarbejdere ca. 1 måned før opstart" (002:2941–2943). Roles are named as in v2, so the two line up.
  hiring: [
    { role: 'Tilbudsleder', monthsBeforeStart: 10 },
    { role: 'Afdelingsleder', monthsBeforeStart: 3 },
    { role: 'To medarbejdere', monthsBeforeStart: 3 },
    { role: 'Øvrige medarbejdere', monthsBeforeStart: 1 },
  ],
  // 002:2872–2888
  location: paragraphs(
    'De fysiske rammer skal afklares nærmere.',
    'Ligeledes skal forhold og behov omkring bymæssig placering afklares. Det er en forudsætning med en placering i umiddelbar nærhed ved Psykiatrien (NAU).',
    'Arbejdsgruppen har drøftet, at der på sigt kan komme en stigning i efterspørgslen, hvorfor det være en fordel, hvis de fysiske rammer giver mulighed for at der kan laves en udvidelse i både aldersspænd, samt i antallet af pladser.',
    'I forhold til indretningen er det vurderet at det vil være helt essentielt at man kan inddele tilbuddet i forskellige sektioner. Det skal bl.a. ses i sammenhæng med de unges aldersspredning og udtryksformen af deres selvskade, samt behov for fokus på udslusning og tilbagevenden til eget hjem eller mindre indgribende indsats.',
  ),
  // 002:3209–3213
  timeToRealise:
    'Et estimat vil være at projektet vil kunne realiseres og ibrugtages i drift ca. 3 år efter politiske godkendelse ved nybyggeri, ca. 2½ år ved nybyggeri ved en pavillonløsning, samt ca. 1½ år ved egnede eksisterende rammer. Disse scenarier forudsættes, at der kan gives umiddelbar byggetilladelse uden udarbejdelse af kommune- eller lokalplan.',
  // Agenda 002:520–526, then 002:3057–3061 (up to the printed revenue "ca. 22,9 mio. kr.", which the scenarios compute)
  // and 002:3086–3094.
  tariffModel: paragraphs(
    'Tilbuddet er takstfinansieret efter gældende vilkår, og det foreslås, at der arbejdes med fire takstniveauer. Årsagen hertil er, at målgruppen af unge med svære selvskadeproblematikker er kompleks og de indskrevne borgere med svære selvskadeproblematikker kan både være unge, hvor selvskaden er i den mest akutte og ekstreme fase, samt unge hvor indsatsbehovet er mindre intensivt og mere stabilt, hvortil de unge kan rummes på de forskellige takstniveauer.',
    'Ud fra de givne scenarier forventes tilbuddet at kunne være økonomisk bæredygtigt efter 1-3 år med et pladsantal på 10 og en belægningsprocent på 90. Der budgetteres med fire takstniveauer som præsenteres nærmere nedenfor. I forhold til det forventede budget er der opereret med tre indskrevne borgere på højeste takst, tre på næsthøjeste takst og 2 på næstlaveste takst og 2 på laveste takstniveau.',
    'På baggrund af erfaringer fra sammenligneligt botilbud i Region Midtjylland anbefales det at arbejde med differentierede takster på fire niveauer. Det er væsentligt at pointere at nedenstående takster er gældende fra første driftsår og tager udgangspunkt i fuld belægning. Taksten ændres dermed ikke selvom der gradvist indskrives flere borgere efter det første driftsår. Vurderingen er, at en tilpasset takst efter den forventelige belægning det første år ikke vil skabe et attraktivt tilbud idet de kommuner som eventuelt først vil anvende tilbuddet således også bærer en ekstra udgift til opstarten. Takst 4 er højeste takst og takst 1 er laveste.',
  ),
  // 002:3103–3143: the level's text without its price (the price is the scenario's). "Heri ATA tid samt løbende
  // dokumentation svarende til: ca. 16 timer" names no period. Beside a døgntakst it reads as hours per døgn: 16 hours
  // at the 335,78 kr. an hour of the ATA example (002:18742–18760) are about 5.400 of Takst 4's 8.900 kr., per week
  // it would be under 800 kr. a day. TariffLevelContent documents ataHours as per week; the printed figures are entered.
  levels: [
    { name: 'Takst 4', ataHours: 16, description: 'borgere i den mest akutte og ekstreme fase af deres selvskadeproblematik og med tilbagevende indlæggelser i psykiatrien.' },
    { name: 'Takst 3', ataHours: 13, description: 'borgere med behov for akut og intensiv indsats og med tilbagevendende indlæggelser i psykiatrien.' },
    { name: 'Takst 2', ataHours: 10, description: 'borgere med behov for intensiv indsats, men hvor selvskadens udtryksform er mere stabil. Kan være med tilbagevendende indlæggelser i psykiatrien.' },
    {
      name: 'Takst 1',
      ataHours: 6.5,
      description:
        'borgere med behov moderat indsats i perioder intensivt. Selvskadens udtryksform er mere stabil men hvor botilbuddets rammer er afgørende i at fastholde den unge i deres positiv udviklingsforløb frem mod en mindre indgribende indsats, eventuelt visiteret til et andet socialpsykiatrisk botilbud. Det forventes at unge på takst 1 vil kunne frekventere en aktivitets- eller skoletilbud og dermed give et afslag i døgntaksten.',
    },
  ],
  // 002:3092–3098, 3158–3185
  tariffRules: [
    'Det er væsentligt at bemærke, at de unges forløb og selvskadens udtryksform hurtigt kan ændre sig i deres indskrivningsperiode, hvorfor det er realistisk at den unge vil kunne rykke frem og tilbage i takstniveauerne alt efter indsatsbehov.',
    'I beregningen af takstoverslagene er der taget udgangspunkt i et helhedstilbud til borgere, som ikke er i den skolepligtige alder. Hvis den unge kan frekventere et skoletilbud, gives der afslag i døgntaksten. Eventuelt skoletilbud forudsættes leveret af beliggenhedskommune.',
    'For at sikre at et givent tilbud i forhold til den faglige bæredygtighed kan eksistere, viser det sig erfaringsmæssigt fra sammenlignelige tilbud, at der kun bør være tre indskrevne borgere med den mest ekstreme form for selvskade og intensive behov, da selvskadeproblematikkerne i de mest ekstreme former kræver en særlig personaleopmærksomhed, robusthed og udholdenhed.',
    'Takst 1 er desuden ikke en indskrivningstakst, men tiltænkt unge som er i et stabilt forløb men med et fortsat behov for moderat indsats.',
    'På alle takstniveauer anvender medarbejderne 65% af deres arbejdstid som borgerrettet tid.',
    'Et tilbud som dette - og af denne størrelse - vil dermed også som udgangspunkt fastholde det fastansatte personale, selvom der skulle blive en periode med ledige pladser.',
  ],
  // v1: the municipalities carry it all (002:2989–2998; agenda 002:546–552); the key is not agreed, the population key
  // of Bilag 4 is shown (002:3227–3259).
  deficitCoverage: {
    regionShare: 0,
    keyLabel: KEY_LABEL,
    coveredYears: 3,
    billing: paragraphs(
      'I forhold til håndtering af driftsudgifter inden opstart samt manglende indtægter som følge af lav belægning i opstartsperioden foreslås det, at tilbuddets underskud i en opstartsfase håndteres ved underskudsdækning ved kommunerne med en fordelingsnøgle kendt fra objektiv finansiering ud fra aflagt regnskab. Kommunerne forpligter sig således på underskudsdækning i forhold til opstart og de første 3 driftsår. Kommunerne afklarer internt fordelingsnøglen hertil fx i forhold til principperne for objektive finansiering.',
      '(Fx: Hvis tilbuddets ibrugtages pr. 1. januar 2024, vil der være opstartsomkostninger i 2023 og et forventet underskud i 2024 som følge af lav belægning i det første halve til hele år. I foråret 2025 – når regnskabet for 2023 og 2024 er aflagt og revisionspåtegnet vil der kunne fremsendes en regning)',
    ),
  },
  // 002:2684–2686, 2926–2930, 3008–3009, 3046–3052; agenda 002:548–552 and footnote 1 (002:574–575).
  caveats: [
    'Ideoplægget skal fortsat betragtes som foreløbigt og etablering af et nyt tilbud af denne karakter vil bero på en fortsat konstruktiv dialog med kommunerne om behov, efterspørgsel m.v.',
    'Ligeledes vil der være behov for dialog, tilsagn og i sidste ende godkendelse hos Socialtilsynet.',
    'Regionen bemærker, at det reviderede ideoplæg er et bud på, hvordan et fagligt og økonomisk bæredygtigt botilbud kan se ud med forbehold for, at der ikke er optaget dialog med socialtilsynet.',
    'Det er vigtigt at pointere at scenarierne er illustrationer i forhold, hvordan en opstartsperiode kan se ud og giver en indikation af perioden og det eventuelle underskud.',
    'Hvis der ikke er indskrevet fem borgere ved opstart, vil underskuddet blive større.',
    'I udregningen hertil er der forbehold som kan ændre sig, hvis tilbuddet skal realiseres. Forhold som tilbuddet skal nybygges eller der kan findes eksisterende bygninger, stigende materialeudgifter ved nybyg, højere rente ved afskrivninger mv.',
    'Fordelingsnøglen ift. underskudsdækning er ikke aftalt, men såfremt det sker efter befolkningstallet, så vil udgifterne for de enkelte kommuner se ud som det fremgår af bilag 4.',
  ],
};

/**
 * NT-1 v2: "IDEOPLÆG - REVIDERET" (002:16342–17066), undated; written after FU Social and the Region met twice
 * following DAS 27.05.2021. It has no agenda text of its own.
 */
const V2_CONTENT: z.input<typeof ProposalContent> = {
  documentTitle: DOCUMENT_TITLE,
  // Not printed: the revised ideoplæg has no agenda text in the papers. A title in the style of v1's.
  agendaTitle: 'Revideret oplæg til tilbud for børn og unge med svær selvskadende adfærd',
  operator: OPERATOR,
  partners: PARTNERS,
  commissioners: COMMISSIONERS,
  // 002:16347–16389
  background: paragraphs(
    'Den Administrative Styregruppe på socialområdet (DAS) nedsatte i foråret 2019 en arbejdsgruppe med det formål at se på udfordringer og løsninger vedr. tilbud til unge med svær selvskadende adfærd, herunder specifikt om der er behov for at oprette botilbudspladser til målgruppen.',
    'Arbejdsgruppen blev nedsat i lyset af, at flere kommuner oplever udfordringer med målgruppen af unge med svær selvskade (over og under 18 år). Der er tale om unge, som ikke kan rummes i de eksisterende sociale tilbud samtidig med, at de ikke er i målgruppen til udelukkende at have en behandlingsindsats i hospitalspsykiatrien.',
    'Som led i arbejdsgruppens arbejde blev der igangsat en afdækning af målgruppens størrelse. På samme tid blev det aftalt at gøre nogle indledende overvejelser om oprettelse af et botilbud til målgruppen.',
    'På denne baggrund og idet der var en indikation af at være et borgergrundlag for et tilbud, bad arbejdsgruppen Specialsektoren og Psykiatrien om at lave et ideoplæg til et regionalt drevet botilbud, hvor der kan tilbydes en intensiv socialpsykiatrisk indsats til denne målgruppe.',
    'Ideoplægget er udarbejdet på baggrund af erfaringsudveksling med sammenligneligt tilbud i Region Midtjylland, målgruppeerfaring fra Psykiatrien og mere generelle erfaringer fra opstart og drift af socialpædagogiske botilbud i Specialsektoren. Ideoplægget skal danne arbejdsgrundlag for etablering af et nyt tilbud.',
    'Oplægget blev drøftet i DAS den 20. august 2020. I den forbindelse blev Region Nordjylland bedt om at kvalificere oplægget med overvejelser om takster og økonomi for opstart af tilbud.',
    [
      'Efter fornyet behandling på DAS den 27. maj 2021 blev FU Social og Region Nordjylland bedt om at komme med et revideret udkast med henblik på at imødegå følgende bekymringer fra DAS og Børne- og Ungedirektørkredsen:',
      '- Bekymringer for den foreslåede finansiering af underskuddet, hvorfor der skal undersøges forskellige måder at reducere risikoen for større underskud i opstartsperioden',
      '- Bekymringer for om målgruppedefinitionen bliver for snæver, hvorfor det skal undersøges om målgruppen fagligt kan justeres eller udvides.',
    ].join('\n'),
    'FU Social og regionen har efterfølgende mødtes to gange, og er blevet enige om justeringer i ideoplægget, som vurderes at kunne bidrage til et fagligt og økonomisk bæredygtigt tilbud samt i et vist omfang reducere underskuddet i opstartsperioden.',
  ),
  // 002:16393–16446, the same selection as v1.
  vision: paragraphs(
    'Igennem de senere år er der sket en stigning i antallet af unge, der har selvskade i så alvorlig en grad, at der er behov for en helhedsorienteret indsats på tværs af sektorer.',
    'Den selvskadende adfærd kan have karakter af livstruende adfærd eller trang til misbrug gennem selvskade. Det fører dermed ofte til akutte indlæggelser, eventuelt som en tvangsindlæggelse. Målgruppen har ikke nødvendigvis fået konstateret en psykiatrisk lidelse. Ofte er der dog brug for, at man kan indlægge i kort tid for derefter hurtigt at udskrive den unge til et specialiseret socialpsykiatrisk botilbud, optimalt et botilbud med specifikke kompetencer, som rummer målgruppens kompleksitet.',
    'Et sådan botilbud findes ikke på nuværende tidspunkt i den nordjyske region. Visionen er, at de unge - også dem under 18 år, som hidtil har boet hjemme – fremover ikke behøver at flytte til tilbud i andre regioner. Tilbud som er langt væk fra deres nærmiljø og pårørende og dermed gør det vanskeligt at inddrage forældrene i den miljøterapi, der foregår på et specialiseret tilbud.',
    'Der er derfor brug for at tænke nyt omkring, hvordan disse ofte meget sårbare og syge unge kan sikres adgang til den rette behandling på specialiseret niveau i deres eget nærmiljø, hvor den unge ikke selv har ansvaret for at bygge bro mellem to eller flere stole, men hvor det professionelle miljø omkring den enkelte arbejder tæt og koordineret sammen.',
    'Intentionen er således at få etableret et tilbud med en tværfaglig og tværsektoriel koordineret indsats, hvor opgaven omkring den enkelte tilrettelægges mest hensigtsmæssigt. Med en indsats hvor der er kort vej fra botilbud til psykiatri, og hvor indsatsen leveres tæt på den unges hverdag og familie i samspil med den kommunale myndighed.',
    'En afledt positiv effekt af et sådan botilbud kunne endvidere være at den viden som genereres i takt med at der oparbejdes erfaring på sigt bruges til at etablere et videns- og læringscenter. Herigennem kunne man understøtte en endnu bredere del af unge med selvskadeproblematikker gennem viden til fagpersoner m.v. (skole, sagsbehandlere, andre botilbud pårørende m.v.) i forhold til både håndtering og forståelse af selvskade.',
  ),
  // "Primær målgruppe – Unge med svær selvskadende adfærd og behov for en intensiv socialpsykiatrisk døgnindsats"
  // (002:16457–16514).
  targetGroupPrimary: paragraphs(
    'Målgruppen udgøres af normalt begavede unge i alderen 14 – 23 år med en svær selvskadende adfærd, som har behov for en intensiv socialpsykiatrisk indsats på et botilbud med tæt tilknytning til børne- og ungdomspsykiatrien i form af ambulant udredning og behandling.',
    'Det afgørende er, at den unge har funktionshæmmende selvskade som den primære udfordring, der i perioder kan være af livstruende karakter – herunder selvmordsadfærd - med behov for indlæggelse og akutbehandling såvel psykiatrisk som somatisk.',
    'Der kan både være tale om unge som modtager/har modtaget behandling i psykiatrien og unge som ikke har. Med psykiatrien tæt på, vil der være en let adgang til en vurdering af, om der skal foretages en udredning, hvor man derefter kan målrette indsatsen endnu bedre.',
    'De indskrevne borgere med svære selvskadeproblematikker kan både være unge, hvor selvskadende er i den mest akutte og ekstreme fase, samt unge hvor indsatsbehovet er mindre intensivt og mere stabilt. Det bør dog understreges, at sidstnævnte unges indsatsbehov stadig kan være stort og omfangsrigt, og det blot er selvskadens udtryksform der er mindre kaotisk. Alle borgere i denne målgruppe har alle selvskadeproblematikker, som potentielt er livstruende, men selvskadens udtryksform kan være mere eller mindre stabil.',
    'Målgruppen sammensættes ud fra en konkret vurdering i forhold til den enkelte unge og til gruppen på afdelingen som helhed.',
  ),
  // The split into two groups (002:16450–16455) and "Sekundær målgruppe – Unge med behov for en intensiv
  // socialpsykiatrisk døgnindsats" (002:16518–16561; its diagnoses are the co-morbidities below).
  targetGroupSecondary: paragraphs(
    'Der har løbende været arbejdet med målgruppebeskrivelsen til tilbuddet med henblik på at sikre et tilstrækkeligt borgergrundlag. Det har givet anledning til en opdeling mellem en primær og en sekundær målgruppe.',
    'Målgruppen udgøres af normalt begavede unge i alderen 14 – 23 år med intensive psykiatriske problemstillinger. Unge der har behov for en intensiv socialpsykiatrisk indsats på et botilbud med tæt tilknytning til børne- og ungdomspsykiatrien i form af ambulant udredning og behandling.',
    'Ovenstående eksempler vil oftest eksistere i ko-morbiditet ligesom majoriteten af de unge vil have angst og depressive perioder i sammenhæng med andre udfordringer. Eksklusions- og inklusionskriteriet – i forhold til denne sekundære målgruppe - er hvor funktionshæmmende den unges udfordringer er, og dermed ikke om de unge har en selvskadende adfærd eller ej.',
    'Mange af de unge er ikke færdigdiagnosticerede, hvorfor deres indsatsbehov og diagnoser med tiden kan forandre sig. Det kan være unge som bliver visiteret med én problemstilling og med tiden f.eks. udvikler skizofreni, hvorfor indsatsbehovet øges.',
    'Målgruppen sammensættes ud fra en konkret vurdering i forhold til den enkelte unge og til gruppen på afdelingen som helhed.',
    'Den sekundære målgruppe ligger i periferien af den primære målgruppe og kan netop profitere af samme indsats.',
    'Begge målgrupper kan profitere af samme miljøterapeutiske indsats fra et specialiseret socialpsykiatrisk døgntilbud og har behov for ambulant behandling fra børn- og ungepsykiatrien.',
  ),
  ageFrom: 14,
  ageTo: 23,
  // The bullets of 002:16465–16485 (the secondary group's, 16526–16538, are alike), without their "Unge med", and
  // "majoriteten af de unge vil have angst og depressive perioder".
  coMorbidities: [
    'Udviklingsforstyrrelser som autismespektrumforstyrrelser og ADHD/ADD',
    'Skizofreni, OCD eller andre psykiatriske diagnoser',
    'Personlighedsforstyrrelser (f.eks. borderline)',
    'Spiseforstyrrelser som udtryksform for selvskade eller i ko-morbiditet med f.eks. en udviklings- eller personlighedsforstyrrelse',
    'Angst og depressive perioder',
  ],
  legalBasis: LEGAL_BASIS,
  places: 10,
  demandMin: 9,
  demandMax: 15,
  // 002:16663–16685
  demandNote: paragraphs(
    [
      'Analysen som blev fremlagt for DAS i efteråret 2020 viser en anbringelsestid på 3,27 år i gennemsnit og indikerer følgende efterspørgsel på alene den primære målgruppe:',
      '• 3-5 nye borgere om året fra børne- og ungepsykiatrien.',
      '• 9 borgere fra nordjyske kommuner på afdelinger på Holmstrupgård, som modtager målgruppen.',
      '• 5 borgere anbragt på andre døgntilbud grundet svær selvskadende adfærd efter rundspørge ved 3 nordjyske kommuner',
    ].join('\n'),
    'Udvidelsen med den sekundære målgruppe kan potentielt føre til et større borgergrundlag, men et estimat for størrelsen skal vurderes nærmere af kommunerne.',
    'Analysen viser dermed, at den umiddelbare efterspørgsel på pladser er på mellem 9 og 15 pladser, hvis man alene fokuserer på nuværende borgere som Psykiatrien har kendskab til. Dertil er volumen af den sekundære målgruppe endnu uvis og bør vurderes af kommunerne.',
    'Med afsæt i det forventede behov for pladser og med fokus på tilbuddets bæredygtighed - såvel fagligt som økonomisk –arbejdes der med at etablere det nye tilbud med 10 pladser. Det er ikke muligt at etablere et tilbud med under 10 pladser, da tilbuddet ikke vil være faglig og økonomisk robust. Det er herudover ikke muligt at etablere dette tilbud i sammenhæng med andre tilbud i regionen.',
  ),
  // "Tilbuddets forventes ligeledes omfattet af det forstærkede samarbejde" (002:16605–16606).
  enhancedCooperation: true,
  // 002:16568–16603 (with the new samarbejdsforum) and 002:16822–16839.
  cooperationModel: paragraphs(
    'Målgruppen for botilbuddet er kendetegnet ved særligt svære problemstillinger, hvis håndtering kræver et tæt samarbejde og en koordineret indsats mellem handlekommune, botilbuddet og behandlingspsykiatrien, - som størstedelen af de unge forventelig har tilknytning til i form af indlæggelser eller ambulant udredning og behandling.',
    'Specialsektoren leverer den socialpsykiatriske indsats, mens Psykiatrien leverer den ambulante psykiatriske vurdering/udredning/behandling til målgruppen. For at sikre kontinuitet i forløbet omkring de unge der allerede er kendt af Psykiatrien, bidrager Psykiatrien også med konsulentbistand og til den løbende nødvendige kompetenceudvikling.',
    'Supervision af tilbuddets personale vil være omkring den socialpsykiatriske indsats. Det vil være hensigtsmæssigt at indkøbe supervision fra konsulenter fra lignende botilbud med specialviden om målgruppen.',
    'Det er ligeledes vurderet, at der i forbindelse med etableringen af tilbuddet oprettes et samarbejdsforum mellem kommunerne og Regionen. Dette forum har bl.a. det formål at sikre borgergrundlaget til tilbuddet, at understøtte en god efterfase for borgere ved afsluttede forløb på tilbuddet, samt genere viden om målgruppen. Der skal arbejdes videre med en model for samarbejdet.',
    [
      'I forhold til finansiering af Psykiatriens opgaver i relation til botilbuddet og ungegruppen er udgangspunktet følgende:',
      '• Det samlede ambulante psykiatriske behandlingsforløb til de unge indgår som en sundhedsydelse og finansieres derfor endeligt af Region Nordjyllands sundhedsbudget.',
      '• Psykiatrisk konsulentbistand indgå som en del af taksten. Det omhandler bl.a.:',
      '- Ugentlig deltagelse på behandlingskonferencer på bostedet med henblik på psykiatrifaglig sparring på miljøterapien',
      '- Undervisning i psykiatrifaglige emner til bostedets medarbejdere',
    ].join('\n'),
    'Konsulentbistand til supervision, støtte og uddannelse til personalet leveres af konsulenter fra tilbud med konkret målgruppeerfaring. Der forventes at skulle ydes omfangsrigt supervision, uddannelse og kompetenceudvikling til personalet for sikre den faglige bæredygtighed.',
  ),
  // 002:16628–16645
  staffing: paragraphs(
    'Da der er tale om håndtering af meget komplekse problemstillinger, vil der blive lagt vægt på, at botilbuddet bemandes af en tværfaglig personalegruppe, som med en bred vifte af kompetencer, erfaringer og specialviden om målgruppen, kan supplere hinanden og understøtte det helhedsorienterede perspektiv i indsatsen. Personalesammensætningen vil overvejende bestå af socialpædagoger og ergoterapeuter. Endvidere vil der være sygeplejersker, psykolog, to nattevagter, en administrativ medarbejder, en pedelfunktion samt en medarbejder til køkken og rengøring. Ledelsesmæssigt er udgangspunktet en tilbudsleder og én afdelingsleder.',
    'Det er vigtigt at der både sker kompetenceudvikling i konkrete psykiatriske problemstillinger, og at der kontinuerligt indtænkes fast supervision – herunder eventuel tværsektoriel supervision. Det er væsentligt, at personalet allerede fra opstart af tilbuddet har viden om omsorgssvigt, mentalisering og har kompetencer både inden specialpædagogikken og viden om børn og unges normale udvikling. Alt fagpersonale forventes ligeledes at skulle tage en miljøterapiuddannelse med varighed af ca. et år.',
    'Hertil er det nødvendigt, at der fra opstart af tilbuddet er specialviden og erfaring med særligt fokus på patologien om selvskade samt udviklingsforstyrrelser og psykiatrisk sygdom til stede. Samtidig skal der være et kontinuerligt fokus på nyeste viden og fortløbende kompetenceudvikling.',
  ),
  // "en tilbudsleder ansættes ca. 8 måneder før opstart, afdelingsleder 3 måneder før samt to medarbejdere ca. 2 måneder
  // før opstart og øvrige medarbejdere ca. 1 måned før opstart" (002:16881–16883).
  hiring: [
    { role: 'Tilbudsleder', monthsBeforeStart: 8 },
    { role: 'Afdelingsleder', monthsBeforeStart: 3 },
    { role: 'To medarbejdere', monthsBeforeStart: 2 },
    { role: 'Øvrige medarbejdere', monthsBeforeStart: 1 },
  ],
  // "De bygningsmæssige rammer og placering" (002:16646–16660)
  location: paragraphs(
    'Det er essentielt, at der skabes synergi og sammenhæng til Børne- og ungepsykiatrien og derfor er det en forudsætning med en placering i umiddelbar kort køreafstand til Børne- og ungepsykiatriens fremtidige placering i Aalborg Øst, således at den fysiske afstand mellem Psykiatrien og tilbuddet fordrer et optimalt samarbejde.',
    'Arbejdsgruppen har drøftet, at der på sigt kan komme et øget behov for pladser, hvorfor det vil være en fordel, hvis den fremtidige grund til tilbuddet giver mulighed for udvidelse.',
    'I forhold til indretningen er det vurderet at det vil være helt essentielt, at man kan inddele tilbuddet i forskellige sektioner. Det skal bl.a. ses i sammenhæng med de unges aldersspredning og målgruppens karakteristika.',
  ),
  // 002:17000–17002
  timeToRealise:
    'Etablering af tilbuddet estimeres at kunne realiseres mellem 2½ år – 3 år efter politisk beslutning. Estimatet forudsætter, at der kan gives umiddelbar byggetilladelse uden udarbejdelse af kommune- eller lokalplan.',
  // 002:16698–16701 (up to the printed revenue "ca. 23,1 mio. kr.") and 002:16731–16737.
  tariffModel: paragraphs(
    'Tilbuddet forventes at kunne være økonomisk bæredygtigt efter 1-3 år med et pladsantal på 10 og en belægningsprocent på 90. Der budgetteres med fire takstniveauer som præsenteres nærmere nedenfor. I forhold til det forventede budget er der regnet med tre indskrevne borgere på højeste takst, tre på næsthøjeste takst og 2 på næstlaveste takst og 2 på laveste takstniveau.',
    'På baggrund af erfaringer fra sammenligneligt botilbud i Region Midtjylland anbefales det at arbejde med differentierede takster på fire niveauer. Det er væsentligt at pointere, at nedenstående takster er gældende fra første driftsår og tager udgangspunkt i fuld belægning. Taksten ændres dermed ikke selvom der gradvist indskrives flere borgere efter det første driftsår. Vurderingen er, at en tilpasset takst efter den forventelige belægning det første år ikke vil skabe et attraktivt tilbud, idet de kommuner som eventuelt først vil anvende tilbuddet således, også bærer en ekstra udgift til opstarten. Takst 4 er den højeste takst og takst 1 er den laveste.',
  ),
  // 002:16748–16788; prices and ATA time as in v1, Takst 2's text reworded.
  levels: [
    { name: 'Takst 4', ataHours: 16, description: 'Borgere i den mest akutte og ekstreme fase af deres selvskadeproblematik og med tilbagevende indlæggelser i psykiatrien.' },
    { name: 'Takst 3', ataHours: 13, description: 'Borgere med behov for akut og intensiv indsats og med tilbagevendende indlæggelser i psykiatrien.' },
    { name: 'Takst 2', ataHours: 10, description: 'Borgere med behov for intensiv indsats, men hvor borgeren er i en mere stabil tilstand. Kan være med tilbagevendende indlæggelser i psykiatrien.' },
    {
      name: 'Takst 1',
      ataHours: 6.5,
      description:
        'Borgere med behov for moderat indsats, i perioder intensivt. Selvskadens udtryksform er mere stabil, men hvor botilbuddets rammer er afgørende i at fastholde den unge i deres positiv udviklingsforløb frem mod en mindre indgribende indsats, eventuelt visiteret til et andet socialpsykiatrisk botilbud. Det forventes, at unge på takst 1 vil kunne frekventere et aktivitets- eller skoletilbud og dermed give et afslag i døgntaksten.',
    },
  ],
  // 002:16737–16743, 16789–16819
  tariffRules: [
    'Det er væsentligt at bemærke, at de unges forløb og selvskadens udtryksform hurtigt kan ændre sig i deres indskrivningsperiode, hvorfor det er realistisk, at den unge vil kunne rykke frem og tilbage i takstniveauerne alt efter indsatsbehov.',
    'I beregningen af takstoverslagene er der taget udgangspunkt i et helhedstilbud til borgere, som ikke er i den skolepligtige alder. Hvis den unge kan frekventere et skoletilbud, gives der afslag i døgntaksten. Eventuelt skoletilbud forudsættes leveret af beliggenhedskommune.',
    'For at sikre, at et givent tilbud i forhold til den faglige bæredygtighed kan eksistere, viser det sig erfaringsmæssigt fra sammenlignelige tilbud, at der kun bør være tre indskrevne borgere med den mest ekstreme form for selvskade og intensive behov.',
    'Takst 1 er desuden ikke en indskrivningstakst, men tiltænkt unge som er i et stabilt forløb men med et fortsat behov for moderat indsats.',
    'På alle takstniveauer anvender medarbejderne 65% af deres arbejdstid som borgerrettet tid.',
    'Et tilbud som dette, og af denne størrelse, vil dermed også som udgangspunkt fastholde det fastansatte personale, selvom der skulle blive en periode med ledige pladser.',
    'I forbindelse med arbejdet med den videre etablering skal der arbejdes videre med takster for den sekundære målgruppe.',
  ],
  // "Region Nordjylland vil dække 25% af opstarts- og driftsudgifter de første tre driftsår" (002:16903–16921); the
  // municipal 75 % by the population key (002:17018–17040).
  deficitCoverage: {
    regionShare: 0.25,
    keyLabel: KEY_LABEL,
    coveredYears: 3,
    billing: paragraphs(
      'Region Nordjylland vil dække 25% af opstarts- og driftsudgifter de første tre driftsår. Fra det fjerde år forventes tilbuddet at være i ordinær drift efter styringsaftalen. De resterende 75% dækkes af kommunerne.',
      'I forhold til håndtering af driftsudgifter inden opstart samt manglende indtægter som følge af lav belægning i opstartsperioden foreslås det, at kommunernes andel af underskudsdækningen håndteres via en fordelingsnøgle kendt fra objektiv finansiering ud fra aflagt regnskab. Kommunerne forpligter sig således på underskudsdækning i forhold til opstart og de første 3 driftsår. Kommunerne afklarer internt fordelingsnøglen hertil f.eks. i forhold til principperne for objektiv finansiering.',
      'Region Nordjyllands andel af underskudsdækning vil ligeledes medvirke som incitament til at regionen som driftsherre sikrer en effektiv drift af tilbuddet.',
    ),
  },
  // 002:16366–16367, 16689–16693, 16898–16900, 16931–16939, 16954–16956, 16962–16963.
  caveats: [
    'Der vil være behov for dialog, tilsagn og i sidste ende godkendelse hos Socialtilsynet.',
    'Det er vigtigt at pointere, at scenarierne er illustrationer i forhold til, hvordan en opstartsperiode kan se ud og giver en indikation af perioden og det eventuelle underskud. Det er således eksempler på konsekvensscenarier for, hvordan et underskud kan udvikle sig.',
    '(Hvis der ikke er indskrevet fem borgere ved opstart, vil underskuddet blive større.)',
    'Det forventes at det kan tage op til 3 driftsår, før der er fuld belægning.',
    'Underskuddene kan minimeres hvis kommunerne og region samarbejder om at få fleste mulige borgere visiteret til tilbuddet.',
    'I udregningen hertil er der forbehold som kan ændre sig, hvis tilbuddet skal realiseres. Forhold som svingende priser i anlægsbranchen, højere rente ved afskrivninger mv.',
    'Det er samtidig værd at bemærke, at omkostningerne for det nye tilbud er de aktuelle priser, hvor f.eks. anlægsbranchen oplever store prisudsving. Der må således påregnes en justering af anlægsomkostninger ved tilbuddets etablering.',
  ],
};

export const DEMO_PROPOSAL: DemoProposal = {
  code: 'NT-1',
  title: 'Nyt botilbud til unge med svær selvskadende adfærd',
  versions: [
    {
      number: 1,
      content: V1_CONTENT,
      scenarios: ['NT-1 v1 – scenarie 1', 'NT-1 v1 – scenarie 2', 'NT-1 v1 – scenarie 3'],
      // The papers do not choose: the three scenarios are "illustrationer" (002:2926–2930), DAS was asked to discuss
      // the deficit coverage, not a scenario (002:381). Scenario 2 (50 %, 70 %, then full occupancy) is the middle case
      // and the one the test fixtures use (test/fixtures/nt1-v1-scenarie-2.json); Hjørring thought scenario 1 the most
      // profitable (002:3306), v2 that full occupancy may take up to 3 years (002:16898–16900). The same scenario is
      // chosen in v2, so that the version comparison sets like against like.
      chosenScenario: 'NT-1 v1 – scenarie 2',
      // "Høringsperiode: 29. april – 7. maj. 2021. Høringskreds: Psykiatri- og handicapchefkredsen samt børne- og ungechef
      // netværket" (002:3261–3262); the agenda calls the latter "netværket for børne- og familiechefer" (002:557–559) and
      // Bilag 5 "børne- og ungechefkredsen" (002:612).
      consultation: { start: '2021-04-29', end: '2021-05-07', circle: ['Psykiatri- og handicapchefkredsen', 'Børne- og ungechefnetværket'], expected: 'kommuner' },
      note:
        'Ideoplæg (bilag 3) til DAS-mødet 27.05.2021, punkt 7, udarbejdet af Specialsektoren og Psykiatrien. ' +
        'Dagsordenen angiver målgruppen som 15–23 år, ideoplægget 14–23 år. ' +
        'Dagsordenen siger, at arbejdsgruppen blev nedsat efter DAS-mødet 9. marts 2020, ideoplægget «i foråret 2019». ' +
        'Fire af de 11 kommuner svarede i høringen (Aalborg, Rebild, Hjørring og Vesthimmerland).',
      source: '002:2626–3259, 365–623',
    },
    {
      number: 2,
      content: V2_CONTENT,
      scenarios: ['NT-1 v2 – scenarie 1', 'NT-1 v2 – scenarie 2', 'NT-1 v2 – scenarie 3'],
      chosenScenario: 'NT-1 v2 – scenarie 2',
      // No new consultation is mentioned for the revised ideoplæg.
      consultation: { start: null, end: null, circle: [], expected: 'kommuner' },
      note:
        '«IDEOPLÆG - REVIDERET», udarbejdet efter at FU Social og Region Nordjylland mødtes to gange efter DAS-mødet 27.05.2021. ' +
        'Nyt: en primær og en sekundær målgruppe, Regionen dækker 25 % af opstartsudgifter og driftsunderskud de første tre driftsår, ' +
        'et samarbejdsforum mellem kommunerne og Regionen, placering tæt på Børne- og ungepsykiatrien i Aalborg Øst og kortere ansættelse før opstart. ' +
        'Udateret; forelagt et senere DAS-møde (formentlig 23.08.2021). Ingen ny høring.',
      source: '002:16342–17066',
    },
  ],
  responses: [
    {
      version: 1,
      respondent: 'Aalborg FB',
      organisationName: 'Aalborg Kommune',
      receivedOn: null,
      // Unreserved: "utrolig relevant", "vi vil i den grad kunne bruge et sted i region Nordjylland"; the high tariffs
      // are set against Holmstrupgård's, not held against the offer.
      stance: 'stoetter',
      text: paragraphs(
        'Vi finder tilbuddet utrolig relevant! Vi har ingen steder i regionen, som har den ekspertise, som fx Midtjylland har. Det er naturligvis meget høje takster, men når vi eksempelvis anbringer på Holmstrupgård / Region Midtjylland - det være sig eksempelvis spiseforstyrrede eller svært selvskadende, er tilbuddet også meget dyrt (endnu dyrere og uden forhandlingsmuligheder) - for der er rift om pladserne, og ingen andre vil tage ansvar for den voldsomhed de unges adfærd er præget af.',
        'Så vi vil i den grad kunne bruge et sted i region Nordjylland - og gerne til en fornuftig takst.',
        'Desværre oplever vi en stigning i gruppen af unge med disse meget komplekse problemstillinger – som vanskeligt rummes i de fleste tilbud. Er meget udfordrede på dette og må ofte etablere specialtilbud, og ikke nødvendigvis med denne rette faglige kvalitet.',
      ),
      annexedToDasItem: true,
      source: '002:3264–3275',
    },
    {
      version: 1,
      respondent: 'Rebild Kommune',
      organisationName: 'Rebild Kommune',
      receivedOn: null,
      // A reservation, not a no: the daily prices and the 3-year deficit financing are found "betænkelig", there is
      // "ikke megen støtte til en kollektiv underskudsgaranti", and a lighter, more ambulant version is suggested.
      stance: 'forbehold',
      text: paragraphs(
        'Aalborg kommunes betragtninger anerkendes, men der rejses en bemærkning, om at økonomien kan diskuteres. Dagspriser ved ordinær drift samt underskudsfinansieringen de første 3 år findes betænkelig - det er flere år uden Rebild Kommune har haft sager i denne anbringelseskategori, så der er ikke megen støtte til en kollektiv underskudsgaranti.',
        'Enig i betragtningerne omkring det tværfaglige, det miljøterapeutiske væk fra psykiatrien og hospitalerne, men dette kunne måske udfoldes i en lettere og mere ambulant udgave evt. en matrikelfri løsning.',
      ),
      annexedToDasItem: true,
      source: '002:3278–3286',
    },
    {
      version: 1,
      respondent: 'Hjørring Kommune',
      organisationName: 'Hjørring Kommune',
      receivedOn: null,
      // "utroligt relevant", with remarks on the start-up scenarios and on informing the municipalities early.
      stance: 'stoetter_med_bemaerkninger',
      text: paragraphs(
        'Fra Hjørring kommunes side af finder vi ideoplægget til at etablere et regionalt botilbud til unge med svær selvskadende adfærd meget relevant. Når vi har sager med unge inden for denne målgruppe, der har behov for et botilbud, har vi ofte svært ved at finde et tilbud, der kan rumme den unges adfærd og behov, og som også geografisk ligger inden for en overkommelig afstand ift. familien, så disse i højere grad kan inddrages i behandlingen, og den unge nemmere kan komme hjem på besøg. Derfor vil etableringen af et nordjysk tilbud som det beskrevne være utroligt relevant.',
        'Vi finder det ligeledes meget relevant at etableringen og kompetenceudviklingen af medarbejderne i tilbuddet kommer til at foregå i et meget tæt samarbejde med psykiatrien, så der oparbejdes en tilstrækkelig høj faglighed i tilbuddet, og der sikres en ensartet tilgang mellem behandlingspsykiatrien og botilbuddet.',
        'Derudover er det en fordel, at tilbuddet etableres med mulighed for ophold efter § 107, så den unge, hvis det er relevant, kan blive i tilbuddet på trods af, at vedkommende overgår til voksenområdet.',
        'Der er i ideoplægget opstillet 3 forskellige scenarier for opstarten, og umiddelbart kan det være svært at forudsige, hvilket scenarie, der vil være mest hensigtsmæssigt ift. opbygning af fagligheden, rekruttering af medarbejdere samt driften af tilbuddet. Umiddelbart virker scenarie 1 til at være det mest rentable, da man der hurtigst må formodes at opnå stordriftsfordelene i tilbuddet, men det indebærer selvfølgelig også, at man i etableringsfasen får informeret kommunerne grundigt om det nye tilbud, målgruppen hertil mv. så kommunerne tidligt kommer i gang med at ændre visitationspraksis ift. denne målgruppe.',
      ),
      annexedToDasItem: true,
      source: '002:3288–3310',
    },
    {
      version: 1,
      // Printed "Vesthimmerlands Kommune"; stored as "Vesthimmerland Kommune" (shared/domain/reference-data.ts).
      respondent: 'Vesthimmerlands Kommune',
      organisationName: 'Vesthimmerland Kommune',
      receivedOn: null,
      // "rigtig fint", with wishes for more preventive and family-oriented work in the offer.
      stance: 'stoetter_med_bemaerkninger',
      text: paragraphs(
        'Tilbuddet er rigtig fint da der som oplyst ikke er et tilsvarende tilbud i Region Nord.',
        'Ift. beskrivelse af målgruppen og indsatser kunne det ønskes, at der var mere fokus på at der i tilbuddet også kunne tilbydes forebyggende indsatser hvor psykiatrien også skulle samarbejde med det specialiserede tilbud men også at tilbuddet kunne bruges inden det kom til indlæggelse på psyk. Stort set i alle sager jeg har kendskab til ift. den her målgruppe af unge mennesker ligger der også vanskeligheder i familiedynamikken/hjemmet/ de nære omgivelser. Mange af de her børn og unges forældre modtager § 42 i takt med at barnet får det svært men § 42 løser ikke problematikken omkring barnet den ses nærmere at blive mere fastkørt. Samtidig oplever jeg i samarbejdet med psykiatrien i Aalborg at de er meget fastlåste/firkantede i deres tilgang og ikke pr automatik ser historiske sammenhænge på barnets vanskeligheder/udfordringer men mere på nuet. Jeg kunne ønske mig der var et mere oplyst fokus på den del da både forældre og børn står i et spændingsfelt der spændes mere og mere i takt med at barnets vanskeligheder forstærkes. Med en hurtigere helhedsorienteret indsats med mere fokus på familiedynamikken evt. traumer hos forældre ifb. med egen opvækst, det nære miljø, belastningsfaktorer og evt. traumer i barnets opvækst kunne et specialiseret tilbud der også havde fokus på den forebyggende del evt. nå at fange nogle inden de når ud over vippen.',
        'Evt. kunne der i tilbuddet på sigt tilbydes forebyggende indsatser/sparring i kommunerne hvor medarbejderne på tværs bliver klædt på til at varetage denne type sager. For at arbejde forebyggende kunne det være hensigtsmæssigt at have fokus på familiens dynamikker, familiens nære miljø og barnets symptomer allerede fra barnets præ pubertet.',
      ),
      annexedToDasItem: true,
      source: '002:3312–3333',
    },
    {
      version: 1,
      respondent: 'Børne- og ungedirektørkredsen',
      organisationName: null,
      receivedOn: '2021-05-21',
      // "tilslutter kredsen sig behovet for at etablere det foreslåede tilbud med følgende bemærkninger": support, with
      // remarks that are heavy (too narrow a target group, 6 or 8 places to start, "stor bekymring" about the deficit
      // coverage) but not made a condition.
      stance: 'stoetter_med_bemaerkninger',
      text: paragraphs(
        'Børne- og ungedirektørkredsen pointerer, at det foreslåede tilbud er relevant. Det er en målgruppe, som alle kommunerne møder, og hvor det opleves som værende svært at finde tilbud, der kan rumme målgruppen. På den baggrund tilslutter kredsen sig behovet for at etablere det foreslåede tilbud med følgende bemærkninger:',
        'Vedr. målgruppen:\nKredsen er bekymret for, om målgruppen bliver for snæver. Det pointeres, at det er vigtigt at tilbuddet kan håndtere de unge, som kommunerne har udfordringer med at finde pladser til. Der ønskes en tydeliggørelse af målgruppen herunder specifikt om selvskadende unge med multiple vanskeligheder kan håndteres inden for den fremlagte takststruktur.',
        'Det påpeges endvidere, at det er vigtigt, at etablering af et sådant tilbud ikke fritager behandlingspsykiatrien for ambulant behandling af målgruppen.',
        'Vedr. kapaciteten:\nKredsen er bekymret for om tilbuddet etableres med for stor kapacitet, og det ønskes at der startes med færre pladser dels for at tilbuddet fagligt kan få mulighed for at opbygge et højt specialiseringsniveau, men særligt for at undgå større underskud og tomgang. Det foreslås således, at tilbuddet til at starte med etableres med eks. 6 eller 8 pladser, og så kan der overvejes en fremtidig opjustering af kapaciteten.',
        'Vedr. underskudsdækning:\nBørne- og ungedirektørkredsen er ikke bekymret for den foreslåede takststruktur, men påpeger en stor bekymring for den foreslåede underskudsdækning. Dels kan man ikke få refusion af underskudsdækningen og dels er det midler som man ikke har, og det kræver derfor, at det tænkes ind i kommunernes budgetlægning i efteråret, hvilket kan blive en vanskelig øvelse.',
        'Den samlede kreds gør opmærksomme på, at de gerne vil bidrage med en opmærksomhed på tilbuddet og på at få pladserne besat.',
        'Der ønskes en underskudsdækning, som har en bedre balance mellem de kommuner, som bruger tilbuddet, og de kommuner som ønsker at støtte etableringen af tilbuddet, som en fremtidig forsikringsordning i tilfælde af, at der kommer en borger i målgruppen. Derudover udtrykkes en undren over at den objektive finansiering udregnes efter befolkningsstørrelse og ikke efter aldersgruppens størrelse dvs. unge som potentielt kan være i målgruppen til tilbuddet.',
      ),
      annexedToDasItem: true,
      source: '002:3351–3409',
    },
  ],
  steps: [
    {
      bodyCode: 'BUDK',
      plannedDate: '2021-05-21',
      versionNumber: 1,
      item: null,
      // "Børne- og ungedirektørkredsen og FU Social drøftede den 21. maj 2021 oplægget" and gave remarks (002:3345–3347):
      // discussed, not approved – the KKR step was conditional on approval "i de to direktørfora" (002:598).
      manualOutcome: 'droeftet',
      note:
        'Børne- og ungedirektørkredsen drøftede oplægget den 21. maj 2021 sammen med FU Social og gav bemærkninger om målgruppen, kapaciteten og underskudsdækningen. ' +
        'Bemærkningerne blev eftersendt som bilag 6 til DAS-punktet 27.05.2021.',
      source: '002:592–594, 3334–3409',
    },
    {
      bodyCode: 'DAS',
      plannedDate: '2021-05-27',
      versionNumber: 1,
      item: { meetingId: DAS_2021_05_27_ID, index: DAS_2021_05_27_NT1_INDEX },
      manualOutcome: null,
      note:
        'Punkt 7. Generel opbakning til tilbuddet, men bekymring for underskudsdækningen; Læsø og Morsø vurderer ikke, at de vil gøre brug af det. ' +
        'Det aftales, at FU og Regionen mødes og drøfter, hvordan man kan gå videre.',
      source: '002:365–404',
    },
    {
      bodyCode: 'DAS',
      plannedDate: '2021-08-23',
      versionNumber: 2,
      item: null,
      manualOutcome: null,
      note:
        'Det reviderede ideoplæg blev forelagt et senere DAS-møde. Papirerne nævner ikke datoen; det næste DAS-møde efter 27.05.2021 var 23.08.2021. ' +
        'Punktet og beslutningen findes ikke i materialet.',
      source: '002:900, 16342–17066',
    },
    {
      bodyCode: 'KKR',
      plannedDate: null,
      versionNumber: null,
      item: null,
      manualOutcome: null,
      note:
        'Efter procesplanen for version 1 skulle KKR behandle oplægget 11. juni 2021, under forudsætning af at det var godkendt i de to direktørfora. ' +
        'DAS godkendte det ikke 27.05.2021, og det reviderede ideoplæg nævner ingen ny dato for KKR.',
      source: '002:596–602',
    },
  ],
};
