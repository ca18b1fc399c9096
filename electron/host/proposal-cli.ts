import type { Backend } from '../backend/backend';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract';
import { OUTCOME_LABELS } from '../../shared/domain/agenda';
import { PROPOSAL_STATUS_LABELS, STANCE_LABELS, type Proposal, type VersionEconomy } from '../../shared/domain/proposal';
import { formatInteger, formatKroner, formatNumericDate, formatPercent } from '../../shared/format';
import { UsageError } from './usage';

/** `proposal list`, `proposal show ID [--version N]`, `proposal diff ID --from N --to M`; ID is the id or the code (NT-1). */
export interface ProposalCommand {
  verb: 'list' | 'show' | 'diff';
  id: string | undefined;
  version: string | undefined;
  from: string | undefined;
  to: string | undefined;
}

type Print = (json: unknown, text: string) => void;

async function callOrFail<M extends MethodName>(backend: Backend, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await backend.call(method, input);
  if (!result.ok) throw new UsageError(result.error.message);
  return result.data as MethodOutput<M>;
}

function versionNumber(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new UsageError(`Ugyldigt versionsnummer for ${flag}: ${text}. Skriv fx ${flag} 2.`);
  return Number(text);
}

export async function runProposalCommand(command: ProposalCommand, backend: Backend, print: Print): Promise<void> {
  const list = await callOrFail(backend, 'proposals.list', {});
  if (command.verb === 'list') {
    const lines = list.map((p) => `${p.id}  ${p.code.padEnd(8)} v${p.latestVersion}  ${PROPOSAL_STATUS_LABELS[p.status].padEnd(17)} ${p.title}\n${' '.repeat(38)}${p.statusReason}`);
    print(list, lines.join('\n') || 'Ingen forslag.');
    return;
  }
  if (!command.id) throw new UsageError(`proposal ${command.verb} kræver et forslags id eller betegnelse (se proposal list).`);
  const wanted = command.id.toLowerCase();
  const found = list.find((p) => p.id === command.id || p.code.toLowerCase() === wanted);
  if (!found) throw new UsageError(`Forslaget ${command.id} findes ikke. Se proposal list.`);
  const proposal = await callOrFail(backend, 'proposals.get', { id: found.id });

  if (command.verb === 'show') {
    const number = versionNumber(command.version, '--version') ?? proposal.latestVersion;
    const economy = await callOrFail(backend, 'proposals.economy', { proposalId: proposal.id, versionNumber: number });
    print({ proposal, economy }, showText(proposal, number, economy));
    return;
  }
  const from = versionNumber(command.from, '--from') ?? Math.max(1, proposal.latestVersion - 1);
  const to = versionNumber(command.to, '--to') ?? proposal.latestVersion;
  const { rows } = await callOrFail(backend, 'proposals.diff', { proposalId: proposal.id, from, to });
  const changed = rows.filter((r) => r.changed);
  const clip = (text: string) => {
    const s = text.replace(/\s+/g, ' ');
    return s.length > 70 ? `${s.slice(0, 67)}…` : s;
  };
  const lines = [`${proposal.code} – version ${from} og ${to}: ${formatInteger(changed.length)} af ${formatInteger(rows.length)} rækker er ændret.`, ''];
  let section = '';
  for (const row of changed) {
    if (row.section !== section) lines.push(`${(section = row.section)}`);
    lines.push(`  ${row.label}: ${clip(row.from)} → ${clip(row.to)}`);
  }
  print({ from, to, rows }, lines.join('\n'));
}

function showText(proposal: Proposal, number: number, economy: VersionEconomy): string {
  const version = proposal.versions.find((v) => v.number === number)!;
  const c = version.content;
  const lines = [
    `${proposal.code} – ${proposal.title}`,
    `Status: ${PROPOSAL_STATUS_LABELS[proposal.status]} (${proposal.statusReason})`,
    `Version ${number} af ${proposal.versionCount}${version.lockedAt ? ' (behandlet, låst)' : ''}`,
    '',
    `Driftsherre: ${c.operator || '–'}`,
    `Målgruppe: ${c.targetGroupPrimary || '–'}`,
    `Lovgrundlag: ${c.legalBasis.join(', ') || '–'}   Pladser: ${c.places ?? '–'}`,
    `Underskudsdækning: Regionen ${formatPercent(c.deficitCoverage.regionShare, 0)}, kommunerne resten${c.deficitCoverage.keyLabel ? ` efter ${c.deficitCoverage.keyLabel}` : ''}`,
    '',
    'Scenarier:',
  ];
  for (const s of economy.scenarios) {
    const chosen = s.scenarioId === version.chosenScenarioId ? ' (valgt)' : '';
    lines.push(`  ${s.name}${chosen}: i alt ${formatKroner(s.totalOre)}, Regionen ${formatKroner(s.regionTotalOre)}, kommunerne ${formatKroner(s.municipalTotalOre)}`);
  }
  const notes = [...economy.errors, ...economy.checks, ...economy.scenarios.flatMap((s) => s.warnings.map((w) => `${s.name}: ${w}`))];
  if (notes.length) lines.push('', 'Kontroller:', ...notes.map((n) => `  ${n}`));
  if (economy.missing.length) lines.push('', `Mangler før dagsorden: ${economy.missing.join('; ')}`);
  lines.push('', 'Godkendelsesvej:');
  for (const s of proposal.steps) {
    const date = s.item?.meetingDate ?? s.plannedDate;
    const where = s.item ? `, punkt ${s.item.itemNumber}` : '';
    lines.push(`  ${s.position}. ${s.bodyCode}${date ? ` ${formatNumericDate(date)}` : ''}${where}${s.versionNumber ? ` (v${s.versionNumber})` : ''}: ${s.outcome ? OUTCOME_LABELS[s.outcome] : 'ikke besluttet'}`);
  }
  const responses = proposal.responses.filter((r) => r.versionId === version.id);
  if (responses.length) lines.push('', 'Høringssvar:', ...responses.map((r) => `  ${r.respondent}: ${STANCE_LABELS[r.stance]}`));
  return lines.join('\n');
}
