import { isApproving, OUTCOME_LABELS, type Outcome } from '../../domain/agenda';
import type { ProposalStatus } from '../../domain/proposal';
import { formatNumericDate } from '../../format/dates';

/** A step of the approval route as the status rules see it. */
export interface StatusStep {
  position: number;
  bodyCode: string;
  versionNumber: number | null;
  /** The meeting's date when the step has an item, else the planned date. */
  date: string | null;
  onAgenda: boolean;
  outcome: Outcome | null;
}

export interface StatusInput {
  /** 0 while the proposal has no version. */
  latestVersion: number;
  /** The consultation period of the latest version. */
  consultation: { start: string | null; end: string | null };
  steps: readonly StatusStep[];
  establishedOn: string | null;
  /** ISO date. */
  today: string;
}

/**
 * The status of a proposal follows its decisions (issue 7, domain.md §2.3); it is never stored. In order:
 * 1. established (etableret) once the establishment date has come;
 * 2. from the steps that treat the latest version: rejected (afvist) if any decision says «Ikke godkendt»; approved
 *    (godkendt) when the route's last step approved it; under treatment while any step has it on an agenda or decided;
 * 3. in consultation (i høring) from the first day of the latest version's consultation to its deadline;
 * 4. revised (revideret): a version after the first that no body has treated yet;
 * 5. drafted (udkast).
 * A version that a body postponed or discussed stays under treatment until a new version or a decision moves it on.
 */
export function proposalStatus(input: StatusInput): { status: ProposalStatus; reason: string } {
  const { latestVersion, steps, today } = input;
  if (input.establishedOn !== null && input.establishedOn <= today) return { status: 'etableret', reason: `Etableret ${formatNumericDate(input.establishedOn)}` };

  const current = steps.filter((s) => latestVersion > 0 && s.versionNumber === latestVersion).sort((a, b) => a.position - b.position);
  const where = (s: StatusStep) => `${s.bodyCode}${s.date ? ` ${formatNumericDate(s.date)}` : ''}`;
  const rejected = current.find((s) => s.outcome === 'ikke_godkendt');
  if (rejected) return { status: 'afvist', reason: `${where(rejected)}: ${OUTCOME_LABELS.ikke_godkendt}` };
  const last = [...steps].sort((a, b) => a.position - b.position).at(-1);
  if (last && last.versionNumber === latestVersion && isApproving(last.outcome)) {
    return { status: 'godkendt', reason: `${where(last)}: ${OUTCOME_LABELS[last.outcome]}` };
  }
  const decided = current.filter((s) => s.outcome !== null).at(-1);
  const onAgenda = current.find((s) => s.outcome === null && s.onAgenda);
  if (decided || onAgenda) {
    const reason = onAgenda ? `På dagsordenen: ${where(onAgenda)}` : `${where(decided!)}: ${OUTCOME_LABELS[decided!.outcome!]}`;
    return { status: 'under_behandling', reason };
  }

  const { start, end } = input.consultation;
  if (start !== null && start <= today && (end === null || today <= end)) {
    return { status: 'i_hoering', reason: end ? `Høringsfrist ${formatNumericDate(end)}` : `I høring fra ${formatNumericDate(start)}` };
  }
  if (latestVersion > 1) return { status: 'revideret', reason: `Version ${latestVersion} er ikke behandlet endnu` };
  return { status: 'udkast', reason: latestVersion === 0 ? 'Ingen version endnu' : 'Ikke sat på en dagsorden endnu' };
}
