import type { Backend } from '../backend/backend';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract';
import type { OfferRow } from '../../shared/domain/offer-register';
import { LEGAL_BASES, legalBasisLabel, OFFER_STATUS_LABELS, tariffUnitLabel, type LegalBasis, type OfferCategory } from '../../shared/domain/tariff-year';
import { formatInteger, itemCitation } from '../../shared/format';
import { matchOrganisation } from '../../shared/logic/parties';
import { UsageError } from './usage';

/** `offers list [--operator NAME] [--legal-basis KEY] [--category N]`, `offers show ID` (the id or the offer's name). */
export interface OfferCommand {
  verb: 'list' | 'show';
  id: string | undefined;
  operator: string | undefined;
  legalBasis: string | undefined;
  category: string | undefined;
}

type Print = (json: unknown, text: string) => void;

async function callOrFail<M extends MethodName>(backend: Backend, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await backend.call(method, input);
  if (!result.ok) throw new UsageError(result.error.message);
  return result.data as MethodOutput<M>;
}

async function listQuery(command: OfferCommand, backend: Backend): Promise<MethodInput<'offers.list'>> {
  const query: MethodInput<'offers.list'> = {};
  if (command.operator !== undefined) {
    const organisations = await callOrFail(backend, 'organisations.list', {});
    const found = matchOrganisation(command.operator, organisations);
    if (!found) throw new UsageError(`Ukendt driftsherre: ${command.operator}. Driftsherrerne er ${organisations.map((o) => o.name).join(', ')}.`);
    query.operatorId = found.id;
  }
  if (command.legalBasis !== undefined) {
    const found = LEGAL_BASES.find((b) => b.key.toLowerCase() === command.legalBasis!.toLowerCase());
    if (!found) throw new UsageError(`Ukendt lovgrundlag: ${command.legalBasis}. Brug et af ${LEGAL_BASES.map((b) => b.key).join(', ')}.`);
    query.legalBasis = found.key as LegalBasis;
  }
  if (command.category !== undefined) {
    if (!['1', '2', '3'].includes(command.category)) throw new UsageError(`Ugyldig kategori: ${command.category}. Skriv 1, 2 eller 3.`);
    query.category = Number(command.category) as OfferCategory;
  }
  return query;
}

const listLine = (o: OfferRow) =>
  `${o.id}  ${o.operatorName.padEnd(22)} ${o.legalBasis.padEnd(10)} kat. ${o.category ?? '–'}  ${OFFER_STATUS_LABELS[o.status].padEnd(15)} ${o.name}`;

function showText(o: OfferRow, cited: ReadonlyMap<string, string>): string {
  const basis = legalBasisLabel(o.legalBasis);
  const unit = tariffUnitLabel(o.tariffUnit);
  const lines = [
    o.name,
    `Driftsherre: ${o.operatorName}`,
    `Lovgrundlag: ${basis}`,
    `Kategori ${o.year}: ${o.category ?? 'ingen'}   Status: ${OFFER_STATUS_LABELS[o.status]}   ${unit}`,
    `Pladser: ${o.latestPlaces ? `${formatInteger(o.latestPlaces.places)} (skema ${o.latestPlaces.year})` : 'intet skema endnu'}`,
  ];
  if (o.address) lines.push(`Adresse: ${o.address}`);
  if (o.targetGroup) lines.push(`Målgruppe: ${o.targetGroup}`);
  if (o.portalNumber) lines.push(`Tilbudsportalen: ${o.portalNumber}`);
  lines.push('', 'Kategorier:');
  for (const c of o.categories) {
    const item = c.decisionItemId ? cited.get(c.decisionItemId) : undefined;
    const decision = [item, c.decidedBy].filter(Boolean).join('; ');
    lines.push(`  fra ${c.fromYear}: kategori ${c.category}${c.reason ? ` – ${c.reason}` : ''}${decision ? ` (${decision})` : ''}`);
  }
  if (o.notes) lines.push('', `Noter: ${o.notes}`);
  return lines.join('\n');
}

export async function runOfferCommand(command: OfferCommand, backend: Backend, print: Print): Promise<void> {
  if (command.verb === 'list') {
    const rows = await callOrFail(backend, 'offers.list', await listQuery(command, backend));
    print(rows, rows.map(listLine).join('\n') || 'Ingen tilbud.');
    return;
  }
  if (!command.id) throw new UsageError('offers show kræver et tilbuds id eller navn (se offers list).');
  const wanted = command.id.toLowerCase();
  const found = (await callOrFail(backend, 'offers.list', {})).find((o) => o.id === command.id || o.name.toLowerCase() === wanted);
  if (!found) throw new UsageError(`Tilbuddet ${command.id} findes ikke. Se offers list.`);
  // The deciding items named as the papers cite them, in the text; the JSON keeps their ids.
  const ids = found.categories.flatMap((c) => (c.decisionItemId ? [c.decisionItemId] : []));
  const references = ids.length > 0 ? await callOrFail(backend, 'agenda.references', { ids }) : [];
  print(found, showText(found, new Map(references.map((r) => [r.itemId, itemCitation(r)]))));
}
