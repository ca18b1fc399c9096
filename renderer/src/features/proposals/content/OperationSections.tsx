import { SimpleGrid, Textarea } from '@mantine/core';
import { formatPercent } from '../../../../../shared/format';
import { useVersionEditor } from '../version-editor';
import { PercentInput } from '../../../components/NumberInputs';
import { CountInput, LineList, ProseInput, Section } from './inputs';
import { HiringList, LevelList } from './RowLists';
import type { DeficitCoverage } from '../../../../../shared/domain/proposal';

/** Drift, Takster, Underskudsdækning, Forbehold. */
export function OperationSections() {
  const { fields, errors, locked, changeContent } = useVersionEditor();
  const c = fields.content;
  const err = (path: string) => errors[`content.${path}`];
  const ro = { readOnly: locked };
  const coverage = (patch: Partial<DeficitCoverage>) => changeContent({ deficitCoverage: { ...c.deficitCoverage, ...patch } });
  const share = c.deficitCoverage.regionShare;
  const shareError = err('deficitCoverage.regionShare');

  return (
    <>
      <Section title="Drift" testId="section-drift">
        <ProseInput label="Samarbejdsmodel" value={c.cooperationModel} onChange={(cooperationModel) => changeContent({ cooperationModel })} error={err('cooperationModel')} {...ro} />
        <ProseInput label="Personale" value={c.staffing} onChange={(staffing) => changeContent({ staffing })} error={err('staffing')} {...ro} />
        <HiringList />
        <ProseInput label="Fysiske rammer og placering" value={c.location} onChange={(location) => changeContent({ location })} error={err('location')} {...ro} />
        <ProseInput label="Tid til realisering" value={c.timeToRealise} onChange={(timeToRealise) => changeContent({ timeToRealise })} error={err('timeToRealise')} {...ro} />
      </Section>

      <Section title="Takster" hint="Døgntaksterne og budgettet står i takstscenarierne under «Økonomi»; her står, hvad niveauerne dækker." testId="section-takster">
        <ProseInput label="Takstmodel" withAsterisk placeholder="fx Takstfinansieret efter gældende vilkår med fire takstniveauer" value={c.tariffModel} onChange={(tariffModel) => changeContent({ tariffModel })} error={err('tariffModel')} {...ro} />
        <LevelList />
        <LineList label="Takstregler" value={c.tariffRules} onChange={(tariffRules) => changeContent({ tariffRules })} error={err('tariffRules')} {...ro} />
      </Section>

      <Section title="Underskudsdækning" hint="Opstartsudgifter og underskud i de første driftsår: Regionens andel, resten fordeles på kommunerne efter nøglen." testId="section-underskud">
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
          {/* Not clamped: a share over 100 % stays as typed, so the contract's own Danish message says what is wrong. */}
          <PercentInput
            clampBehavior="none"
            label="Regionens andel"
            value={share}
            onChange={(regionShare) => coverage({ regionShare: regionShare as number })}
            error={shareError}
            description={!shareError && typeof share === 'number' && share >= 0 && share <= 1 ? `Kommunerne dækker ${formatPercent(1 - share, 0)}` : undefined}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            {...ro}
          />
          <CountInput label="Driftsår dækket" suffix=" år" value={c.deficitCoverage.coveredYears} onChange={(n) => coverage({ coveredYears: n ?? 0 })} error={err('deficitCoverage.coveredYears')} {...ro} />
          <Textarea label="Fordelingsnøgle" autosize minRows={1} withAsterisk placeholder="fx Befolkningstal pr. 2. kvartal 2021" value={c.deficitCoverage.keyLabel} onChange={(e) => coverage({ keyLabel: e.currentTarget.value })} error={err('deficitCoverage.keyLabel')} {...ro} />
        </SimpleGrid>
        <ProseInput label="Afregning" placeholder="fx Ud fra aflagt, revisionspåtegnet regnskab" value={c.deficitCoverage.billing} onChange={(billing) => coverage({ billing })} error={err('deficitCoverage.billing')} {...ro} />
      </Section>

      <Section title="Forbehold" testId="section-forbehold">
        <LineList aria-label="Forbehold" value={c.caveats} onChange={(caveats) => changeContent({ caveats })} error={err('caveats')} {...ro} />
      </Section>
    </>
  );
}
