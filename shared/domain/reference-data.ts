import type { OrganisationKind } from './organisation';
import type { AttachmentNumbering, ItemBreak, PaperLayout } from './body';

/**
 * The parties of Nordjysk Socialaftale: the 11 North Jutland municipalities and the region,
 * with population figures from the DAS papers (domain.md §5.1; seeds 002:3235–3257, 002:18866–18905).
 * Ids are fixed so that every laptop names the same municipality by the same id.
 */
export interface ReferenceOrganisation {
  id: string;
  name: string;
  kind: OrganisationKind;
  /** Quarter -> total population. */
  population: Record<string, number>;
  /** Quarter -> number of 0–17-year-olds. */
  children: Record<string, number>;
}

export const REFERENCE_ORGANISATIONS: readonly ReferenceOrganisation[] = [
  { id: '6d1b9c60-0b6e-4f7a-9a51-000000000810', name: 'Brønderslev Kommune', kind: 'kommune', population: { '2021K2': 36_140 }, children: { '2019K2': 7_820, '2020K2': 7_810, '2021K2': 7_703 } },
  { id: '6d1b9c60-0b6e-4f7a-9a51-000000000813', name: 'Frederikshavn Kommune', kind: 'kommune', population: { '2021K2': 58_933 }, children: { '2019K2': 10_517, '2020K2': 10_366, '2021K2': 10_238 } },
  { id: '6d1b9c60-0b6e-4f7a-9a51-000000000860', name: 'Hjørring Kommune', kind: 'kommune', population: { '2021K2': 64_099 }, children: {} },
  { id: '6d1b9c60-0b6e-4f7a-9a51-000000000849', name: 'Jammerbugt Kommune', kind: 'kommune', population: { '2021K2': 38_166 }, children: { '2019K2': 7_828, '2020K2': 7_767, '2021K2': 7_747 } },
  { id: '6d1b9c60-0b6e-4f7a-9a51-000000000825', name: 'Læsø Kommune', kind: 'kommune', population: { '2021K2': 1_776 }, children: { '2019K2': 233, '2020K2': 228, '2021K2': 225 } },
  { id: '6d1b9c60-0b6e-4f7a-9a51-000000000846', name: 'Mariagerfjord Kommune', kind: 'kommune', population: { '2021K2': 41_584 }, children: { '2019K2': 8_222, '2020K2': 8_033, '2021K2': 7_914 } },
  { id: '6d1b9c60-0b6e-4f7a-9a51-000000000773', name: 'Morsø Kommune', kind: 'kommune', population: { '2021K2': 20_078 }, children: { '2019K2': 3_844, '2020K2': 3_777, '2021K2': 3_730 } },
  { id: '6d1b9c60-0b6e-4f7a-9a51-000000000840', name: 'Rebild Kommune', kind: 'kommune', population: { '2021K2': 30_504 }, children: { '2019K2': 7_131, '2020K2': 7_177, '2021K2': 7_259 } },
  { id: '6d1b9c60-0b6e-4f7a-9a51-000000000787', name: 'Thisted Kommune', kind: 'kommune', population: { '2021K2': 43_126 }, children: { '2019K2': 8_723, '2020K2': 8_635, '2021K2': 8_459 } },
  { id: '6d1b9c60-0b6e-4f7a-9a51-000000000820', name: 'Vesthimmerland Kommune', kind: 'kommune', population: { '2021K2': 36_343 }, children: { '2019K2': 7_377, '2020K2': 7_219, '2021K2': 7_130 } },
  { id: '6d1b9c60-0b6e-4f7a-9a51-000000000851', name: 'Aalborg Kommune', kind: 'kommune', population: { '2021K2': 219_573 }, children: { '2019K2': 39_078, '2020K2': 39_287, '2021K2': 39_428 } },
  { id: '6d1b9c60-0b6e-4f7a-9a51-000000001081', name: 'Region Nordjylland', kind: 'region', population: {}, children: {} },
];

export interface ReferenceBody {
  id: string;
  code: string;
  name: string;
  description: string;
  /** Across the meeting unless given (body.ts). */
  attachmentNumbering?: AttachmentNumbering;
  /** Layout A with a page per item unless given (body.ts). */
  paperLayout?: PaperLayout;
  itemBreak?: ItemBreak;
}

/** The bodies every secretariat has from the first start (domain.md §1.7). */
export const DEFAULT_BODIES: readonly ReferenceBody[] = [
  {
    id: '3f0c2a4e-5b7d-4c1e-8f6a-00000000da50',
    code: 'DAS',
    name: 'Den Administrative Styregruppe (DAS Social)',
    description: 'Direktørniveauets styregruppe for de 11 nordjyske kommuner og Region Nordjylland. Godkender takstbilag og nye tilbud og rapporterer til KKR.',
  },
  {
    id: '3f0c2a4e-5b7d-4c1e-8f6a-0000000000f0',
    code: 'FU',
    name: 'Forretningsudvalget (FU Social)',
    description: 'DAS’ forretningsudvalg. Forbereder DAS-møderne, træffer beslutninger mellem møderne og orienterer DAS.',
  },
  {
    id: '3f0c2a4e-5b7d-4c1e-8f6a-0000000000cc',
    code: 'KKR',
    name: 'KKR Nordjylland',
    description: 'Kommunekontaktrådet: det politiske niveau, der modtager sager fra DAS.',
  },
];
