import { OUTCOME_LABELS } from '../../domain/agenda';
import { STANCE_LABELS, type ApprovalStep, type ConsultationResponse, type ProposalVersion, type ScenarioFigures, type VersionEconomy } from '../../domain/proposal';
import { formatNumericDate } from '../../format/dates';
import { escapeHtml, paragraphsHtml } from '../../format/html';
import { formatInteger, formatKroner, formatNumber, formatPercent } from '../../format/numbers';

/*
 * The text of the agenda item a proposal becomes (issue 7 §6), written the way the DAS papers write it (002:365–623):
 * Resumé, a draft «Det indstilles, at …», Sagsfremstilling with Baggrund, the offer, Underskudsdækning and the
 * process, Økonomi from the engine, and Høring summarised from the responses. The user edits it on the agenda.
 */

export interface ItemTextInput {
  code: string;
  title: string;
  version: ProposalVersion;
  economy: VersionEconomy;
  responses: readonly ConsultationResponse[];
  notAnswered: readonly string[];
  steps: readonly ApprovalStep[];
  /** The body whose agenda the item goes on ("DAS"). */
  bodyCode: string;
}

export interface ItemText {
  title: string;
  resume: string;
  recommendations: string[];
  caseText: string;
  economy: string;
  consultation: string;
}

const chosenOf = (version: ProposalVersion, economy: VersionEconomy): ScenarioFigures | undefined =>
  economy.scenarios.find((s) => s.scenarioId === version.chosenScenarioId) ?? economy.scenarios[0];

const listText = (items: readonly string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} og ${items.at(-1)}`);
const mio = (ore: number) => `${formatNumber(Math.round(ore / 10_000) / 100)} mio. kr.`;

export function proposalItemText(input: ItemTextInput): ItemText {
  const { version, economy, bodyCode } = input;
  const c = version.content;
  const coverage = c.deficitCoverage;
  const offer = c.documentTitle || input.title;
  const commissioned = c.commissioners.length ? `${listText(c.commissioners)} har bedt ${c.operator || 'driftsherren'} om` : `${c.operator || 'Driftsherren'} fremlægger`;
  const resume = `<p>${escapeHtml(`${commissioned} et oplæg til etablering af «${offer}». Oplægget forelægges i version ${version.number}${c.places ? ` med ${formatInteger(c.places)} pladser` : ''}${c.legalBasis.length ? ` efter ${listText(c.legalBasis)}` : ''}.`)}</p>`;

  const regionPart = coverage.regionShare > 0 ? `Region Nordjylland dækker ${formatPercent(coverage.regionShare, 0)}, og kommunerne dækker ${formatPercent(1 - coverage.regionShare, 0)}` : 'kommunerne dækker underskuddet';
  const recommendations = [
    `${bodyCode} godkender oplægget til det nye tilbud.`,
    `${bodyCode} godkender forslaget til underskudsdækning, hvor ${regionPart}${coverage.keyLabel ? ` fordelt efter ${coverage.keyLabel.charAt(0).toLowerCase()}${coverage.keyLabel.slice(1)}` : ''}.`,
    `${bodyCode} godkender proces for behandling af det nye tilbud.`,
  ];

  const section = (heading: string, body: string) => (body.trim() === '' ? '' : `<h3>${escapeHtml(heading)}</h3>${body}`);
  const strong = (label: string, body: string) => (body.trim() === '' ? '' : `<p><strong>${escapeHtml(label)}</strong></p>${body}`);
  const bullets = (items: readonly string[]) => (items.length ? `<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>` : '');
  const age = c.ageFrom !== null && c.ageTo !== null ? ` Alder: ${c.ageFrom}–${c.ageTo} år.` : '';
  const chosen = chosenOf(version, economy);
  const levels = c.levels.map((l) => {
    const price = chosen?.levels.find((p) => p.name === l.name)?.dailyTariffOre;
    const ata = l.ataHours === null ? '' : ` (ca. ${formatNumber(l.ataHours)} timer ATA pr. døgn)`;
    return `${l.name}${price === undefined ? '' : `: ${formatKroner(price)} pr. døgn`}${ata}${l.description ? ` – ${l.description}` : ''}`;
  });
  const demand = c.demandMin !== null && c.demandMax !== null ? `Behovet skønnes til ${c.demandMin}–${c.demandMax} pladser.` : '';
  const process = input.steps.map((s) => {
    const date = s.item?.meetingDate ?? s.plannedDate;
    return `${date ? `${formatNumericDate(date)}: ` : ''}Behandling i ${s.bodyName}${s.outcome ? ` (${OUTCOME_LABELS[s.outcome]})` : ''}${s.note ? `. ${s.note}` : ''}`;
  });

  const caseText = [
    section('Baggrund', paragraphsHtml(c.background)),
    section('Sagsfremstilling', [
      strong('Formål og vision', paragraphsHtml(c.vision)),
      strong('Målgruppe', paragraphsHtml(c.targetGroupPrimary + age) + (c.targetGroupSecondary ? `<p><em>Sekundær målgruppe:</em> ${escapeHtml(c.targetGroupSecondary)}</p>` : '')),
      c.coMorbidities.length ? `<p>Samtidige problematikker (hverken eksklusions- eller inklusionskriterier): ${escapeHtml(listText(c.coMorbidities))}.</p>` : '',
      strong('Pladser og behov', `${c.places ? `<p>Tilbuddet etableres med ${formatInteger(c.places)} pladser${c.legalBasis.length ? ` efter ${escapeHtml(listText(c.legalBasis))}` : ''}.${c.enhancedCooperation ? ' Tilbuddet foreslås omfattet af det forstærkede samarbejde.' : ''}</p>` : ''}${demand ? `<p>${demand}</p>` : ''}${paragraphsHtml(c.demandNote)}`),
      strong('Samarbejde', paragraphsHtml(c.cooperationModel)),
      strong('Personale', paragraphsHtml(c.staffing) + bullets(c.hiring.map((h) => `${h.role}: ansættes ca. ${formatNumber(h.monthsBeforeStart)} måneder før opstart`))),
      strong('Fysiske rammer', paragraphsHtml(c.location)),
      strong('Takster', paragraphsHtml(c.tariffModel) + bullets(levels) + bullets(c.tariffRules)),
      strong('Tidsperspektiv', paragraphsHtml(c.timeToRealise)),
    ].join('')),
    section('Finansiering af underskudsdækning', `<p>${escapeHtml(`Etablerings- og opstartsudgifter samt driftsunderskud${coverage.coveredYears ? ` i de første ${coverage.coveredYears} driftsår` : ''} dækkes således: ${regionPart}${coverage.keyLabel ? ` efter ${coverage.keyLabel.charAt(0).toLowerCase()}${coverage.keyLabel.slice(1)}` : ''}.`)}</p>${paragraphsHtml(coverage.billing)}<p>Fordelingen pr. kommune fremgår af bilaget «Fordeling pr. kommune».</p>`),
    section('Forbehold', bullets(c.caveats)),
    section('Proces for behandling af nyt tilbud', bullets(process)),
  ].join('');

  return {
    title: c.agendaTitle || input.title,
    resume,
    recommendations,
    caseText,
    economy: economyText(economy, chosen),
    consultation: consultationSummary(version, input.responses, input.notAnswered),
  };
}

/** The Økonomi section: every figure from the engine, and the checks where the papers' own figures disagree. */
function economyText(economy: VersionEconomy, chosen: ScenarioFigures | undefined): string {
  if (!chosen) return '';
  const scenarios = economy.scenarios.map(
    (s, i) => `<li>${escapeHtml(`Scenarie ${i + 1} (${s.years.map((y) => formatPercent(y.occupancy, 0)).join(' – ')}): i alt ${mio(s.totalOre)}, heraf Regionen ${mio(s.regionTotalOre)} og kommunerne ${mio(s.municipalTotalOre)}${s.scenarioId === chosen.scenarioId ? ' (lagt til grund)' : ''}.`)}</li>`,
  );
  const checks = [...new Set([...chosen.warnings, ...economy.checks])];
  return [
    `<p>${escapeHtml(`Budget ved fuld drift: ${formatKroner(chosen.fullOperationBudgetOre)} for ${formatInteger(chosen.places)} pladser ved ${formatPercent(chosen.occupancy, 0)} belægning, en gennemsnitlig døgntakst på ${formatKroner(chosen.dailyTariffOre)}. Etablering og opstart: ${formatKroner(chosen.startupCostsOre)}.`)}</p>`,
    `<ul>${scenarios.join('')}</ul>`,
    checks.length ? `<p><strong>Bemærk</strong></p><ul>${checks.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul>` : '',
    '<p>Beløbene er beregnet efter Styringsaftalens regler; se bilagene «Budget ved fuld drift» og «Opstartsscenarier».</p>',
  ].join('');
}

/** The responses summarised for the case text: period and circle, who answered with what stance, and who did not. */
export function consultationSummary(version: ProposalVersion, responses: readonly ConsultationResponse[], notAnswered: readonly string[]): string {
  const own = responses.filter((r) => r.versionId === version.id);
  const { start, end, circle } = version.consultation;
  if (own.length === 0 && start === null) return '';
  const period = start && end ? `i perioden ${formatNumericDate(start)} – ${formatNumericDate(end)}` : start ? `fra ${formatNumericDate(start)}` : '';
  const intro = `Oplægget er sendt i høring${circle.length ? ` i ${listText(circle)}` : ''}${period ? ` ${period}` : ''}. Der er modtaget ${formatInteger(own.length)} høringssvar.`;
  const lines = own.map((r) => `<li><strong>${escapeHtml(r.respondent)}</strong> (${escapeHtml(STANCE_LABELS[r.stance].toLowerCase())}): ${escapeHtml(firstSentences(r.text))}</li>`);
  return [
    `<p>${escapeHtml(intro)}</p>`,
    lines.length ? `<ul>${lines.join('')}</ul>` : '',
    notAnswered.length ? `<p>${escapeHtml(`Har ikke svaret: ${listText(notAnswered)}.`)}</p>` : '',
    own.length ? '<p>Jf. bilaget «Høringssvar» for de samlede høringssvar.</p>' : '',
  ].join('');
}

/** The first one or two sentences, up to about 300 characters: the gist of a response for the summary. */
function firstSentences(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const sentences = flat.match(/[^.!?]+[.!?]+(\s|$)/g) ?? [flat];
  let out = '';
  for (const s of sentences) {
    if (out !== '' && (out + s).length > 300) break;
    out += s;
    if (out.length > 160) break;
  }
  out = out.trim() || flat;
  return out.length > 320 ? `${out.slice(0, 317).trimEnd()} …` : out;
}
