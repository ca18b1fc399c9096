import { DEMO_SCENARIOS, type DemoScenario } from '../../electron/backend/demo/content/scenarios';
import { REFERENCE_ORGANISATIONS } from '../../shared/domain/reference-data';
import { Consultation, ProposalContent, type ConsultationResponse, type VersionEconomy } from '../../shared/domain/proposal';
import { ScenarioInput } from '../../shared/domain/scenario';
import type { ProposalAnnexInput } from '../../shared/documents/proposal-annexes';
import { versionEconomy, type ScenarioSource } from '../../shared/logic/proposals/economy';
import { applyOverrides } from '../../shared/logic/tariff/variants';

/*
 * NT-1 v1 and v2 as a proposal's documents see them: the content of domain.md §2.2, the consultation of v1 with its
 * four responses, and each version's economy computed by the engine from the demo's six scenarios (DEMO_SCENARIOS).
 */

export const MUNICIPALITY_NAMES = REFERENCE_ORGANISATIONS.filter((o) => o.kind === 'kommune').map((o) => o.name);

/** A scenario's whole input: a base's own, or its base's with the variant's overrides laid over. */
export function demoInput(name: string): ScenarioInput {
  const scenario: DemoScenario | undefined = DEMO_SCENARIOS.find((s) => s.name === name);
  if (!scenario) throw new Error(`No demo scenario ${name}`);
  if (scenario.input) return ScenarioInput.parse(scenario.input);
  return ScenarioInput.parse({ ...applyOverrides(demoInput(scenario.base!), scenario.overrides ?? {}), name });
}

/** Stable ids: v1 scenarios …0101–0103, v2 …0201–0203. */
export const scenarioId = (version: 1 | 2, n: 1 | 2 | 3) => `4b6c2a10-7e1d-4f3a-8c2b-00000000${version}${String(n).padStart(3, '0')}`;

const LEVELS = [
  { name: 'Takst 4', ataHours: 16, description: 'Ca. 16 timer ATA og dokumentation pr. døgn' },
  { name: 'Takst 3', ataHours: 13, description: 'Ca. 13 timer ATA pr. døgn' },
  { name: 'Takst 2', ataHours: 10, description: 'Ca. 10 timer ATA pr. døgn' },
  { name: 'Takst 1', ataHours: 6.5, description: 'Ca. 6 timer og 30 minutter ATA pr. døgn' },
];

export function nt1Content(version: 1 | 2): ProposalContent {
  return ProposalContent.parse({
    documentTitle: 'Nyt botilbud til unge med svær selvskadende adfærd',
    agendaTitle: 'Oplæg til tilbud for børn og unge med svær selvskadende adfærd',
    operator: 'Region Nordjylland, Specialsektoren, med Psykiatrien',
    commissioners: ['Børne- og ungedirektørkredsen', 'DAS Social'],
    targetGroupPrimary: 'Normalt begavede unge i alderen 14 – 23 år med en svær selvskadende adfærd.',
    ageFrom: 14,
    ageTo: 23,
    legalBasis: ['SEL § 66', 'SEL § 107'],
    places: 10,
    demandMin: 9,
    demandMax: 15,
    enhancedCooperation: true,
    tariffModel: 'Takstfinansieret efter gældende vilkår med fire takstniveauer, fastsat fra første driftsår ved fuld belægning.',
    levels: LEVELS,
    deficitCoverage:
      version === 1
        ? { regionShare: 0, keyLabel: 'Befolkningstal pr. 2. kvartal 2021', coveredYears: 3, billing: 'Ud fra aflagt, revisionspåtegnet regnskab.' }
        : { regionShare: 0.25, keyLabel: 'Befolkningstal pr. 2. kvartal 2021', coveredYears: 3, billing: 'Ud fra aflagt, revisionspåtegnet regnskab.' },
  });
}

export function nt1Economy(version: 1 | 2, chosen: 1 | 2 | 3 = 1): { economy: VersionEconomy; chosenScenarioId: string } {
  const scenarios: ScenarioSource[] = ([1, 2, 3] as const).map((n) => {
    const name = `NT-1 v${version} – scenarie ${n}`;
    return { scenarioId: scenarioId(version, n), name, frozenNumber: 1, input: demoInput(name) };
  });
  const chosenScenarioId = scenarioId(version, chosen);
  return { economy: versionEconomy({ content: nt1Content(version), scenarios, chosenScenarioId, municipalities: MUNICIPALITY_NAMES }), chosenScenarioId };
}

const meta = (n: number) => ({
  id: `4b6c2a10-7e1d-4f3a-8c2b-0000000090${String(n).padStart(2, '0')}`,
  revision: 1,
  createdAt: '2021-05-07T10:00:00.000Z',
  updatedAt: '2021-05-07T10:00:00.000Z',
});

/** The four responses of v1's consultation (002:3260–3333), in short. */
export function nt1Responses(): ConsultationResponse[] {
  const response = (n: number, respondent: string, receivedOn: string, stance: ConsultationResponse['stance'], text: string): ConsultationResponse => ({
    ...meta(n),
    versionId: '4b6c2a10-7e1d-4f3a-8c2b-000000008001',
    organisationId: null,
    respondent,
    receivedOn,
    stance,
    text,
    itemId: null,
  });
  return [
    response(1, 'Aalborg FB', '2021-05-06', 'stoetter', 'Aalborg Kommune, Familie- og Beskæftigelsesforvaltningen, bakker op om etableringen af tilbuddet.\n\nDer er et klart behov for pladser tæt på de unges familier.'),
    response(2, 'Rebild Kommune', '2021-05-07', 'stoetter_med_bemaerkninger', 'Rebild Kommune støtter oplægget, men ønsker at underskudsdækningen drøftes nærmere.'),
    response(3, 'Hjørring Kommune', '2021-05-07', 'forbehold', 'Hjørring Kommune tager forbehold for finansieringen af underskud i opstartsperioden.'),
    response(4, 'Vesthimmerland Kommune', '2021-05-05', 'ingen_bemaerkninger', 'Ingen bemærkninger.'),
  ];
}

export const NT1_NOT_ANSWERED = ['Brønderslev Kommune', 'Frederikshavn Kommune', 'Jammerbugt Kommune', 'Læsø Kommune', 'Mariagerfjord Kommune', 'Morsø Kommune', 'Thisted Kommune'];

export function nt1Consultation(): Consultation {
  return Consultation.parse({ start: '2021-04-29', end: '2021-05-07', circle: ['Psykiatri- og handicapchefkredsen', 'Børne- og ungechefnetværket'] });
}

/** The annex input of NT-1 v1 (with its consultation) or v2 (no consultation of its own). */
export function nt1AnnexInput(version: 1 | 2, chosen: 1 | 2 | 3 = 1): ProposalAnnexInput {
  const { economy, chosenScenarioId } = nt1Economy(version, chosen);
  return {
    code: 'NT-1',
    title: 'Nyt botilbud til unge med svær selvskadende adfærd',
    versionNumber: version,
    content: nt1Content(version),
    consultation: version === 1 ? nt1Consultation() : Consultation.parse({}),
    economy,
    chosenScenarioId,
    responses: version === 1 ? nt1Responses() : [],
    notAnswered: version === 1 ? NT1_NOT_ANSWERED : [],
  };
}
