import { SegmentedControl, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useReference } from '../../../stores/reference';
import { useVersionEditor } from '../version-editor';
import { CountInput, LineList, ProseInput, Section, TagList } from './inputs';

const LEGAL_BASES = ['SEL § 66', 'SEL § 67', 'SEL § 85', 'SEL § 103', 'SEL § 104', 'SEL § 107', 'SEL § 108', 'SEL § 109', 'SEL § 110'];
const COOPERATION = [
  { value: 'ja', label: 'Ja' },
  { value: 'nej', label: 'Nej' },
  { value: 'uafklaret', label: 'Ikke afklaret' },
];

/** Oplæg, Målgruppe, Pladser og behov. */
export function IntroSections() {
  const { fields, errors, locked, changeContent } = useVersionEditor();
  const bodies = useReference((s) => s.bodies);
  const c = fields.content;
  const err = (path: string) => errors[`content.${path}`];
  const ro = { readOnly: locked };

  return (
    <>
      <Section title="Oplæg" hint="Felter med * skal udfyldes, før versionen kan sættes på en dagsorden." testId="section-oplaeg">
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          <Textarea autosize minRows={1} label="Titel på ideoplægget" placeholder="fx Nyt botilbud til unge med svær selvskadende adfærd" value={c.documentTitle} onChange={(e) => changeContent({ documentTitle: e.currentTarget.value })} error={err('documentTitle')} {...ro} />
          <Textarea autosize minRows={1} label="Titel på dagsordenspunktet" placeholder="fx Oplæg til tilbud for børn og unge med …" value={c.agendaTitle} onChange={(e) => changeContent({ agendaTitle: e.currentTarget.value })} error={err('agendaTitle')} {...ro} />
          <TextInput label="Driftsherre" withAsterisk placeholder="fx Region Nordjylland, Specialsektoren" value={c.operator} onChange={(e) => changeContent({ operator: e.currentTarget.value })} error={err('operator')} {...ro} />
          <TagList label="Samarbejdspartnere" placeholder="fx Psykiatrien, Region Nordjylland – tryk Enter" value={c.partners} onChange={(partners) => changeContent({ partners })} error={err('partners')} {...ro} />
        </SimpleGrid>
        <TagList label="Opdragsgivere" data={bodies.map((b) => b.name)} value={c.commissioners} onChange={(commissioners) => changeContent({ commissioners })} error={err('commissioners')} {...ro} />
        <ProseInput label="Baggrund" value={c.background} onChange={(background) => changeContent({ background })} error={err('background')} {...ro} />
        <ProseInput label="Formål og vision" value={c.vision} onChange={(vision) => changeContent({ vision })} error={err('vision')} {...ro} />
      </Section>

      <Section title="Målgruppe" testId="section-maalgruppe">
        <ProseInput label="Primær målgruppe" withAsterisk value={c.targetGroupPrimary} onChange={(targetGroupPrimary) => changeContent({ targetGroupPrimary })} error={err('targetGroupPrimary')} {...ro} />
        <ProseInput label="Sekundær målgruppe" value={c.targetGroupSecondary} onChange={(targetGroupSecondary) => changeContent({ targetGroupSecondary })} error={err('targetGroupSecondary')} {...ro} />
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          <Stack gap={4}>
            <Text size="sm" fw={500}>Alder</Text>
            <SimpleGrid cols={2} spacing="xs">
              <CountInput aria-label="Alder fra" placeholder="fra, fx 14" suffix=" år" value={c.ageFrom} onChange={(ageFrom) => changeContent({ ageFrom })} error={err('ageFrom')} {...ro} />
              <CountInput aria-label="Alder til" placeholder="til, fx 23" suffix=" år" value={c.ageTo} onChange={(ageTo) => changeContent({ ageTo })} error={err('ageTo')} {...ro} />
            </SimpleGrid>
          </Stack>
          <TagList label="Lovgrundlag" withAsterisk data={LEGAL_BASES} value={c.legalBasis} onChange={(legalBasis) => changeContent({ legalBasis })} error={err('legalBasis')} {...ro} />
        </SimpleGrid>
        <LineList label="Samtidige diagnoser" value={c.coMorbidities} onChange={(coMorbidities) => changeContent({ coMorbidities })} error={err('coMorbidities')} {...ro} />
      </Section>

      <Section title="Pladser og behov" testId="section-pladser">
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
          <CountInput label="Antal pladser" withAsterisk value={c.places} onChange={(places) => changeContent({ places })} error={err('places')} {...ro} />
          <CountInput label="Skønnet behov, mindst" suffix=" pladser" value={c.demandMin} onChange={(demandMin) => changeContent({ demandMin })} error={err('demandMin')} {...ro} />
          <CountInput label="Skønnet behov, højst" suffix=" pladser" value={c.demandMax} onChange={(demandMax) => changeContent({ demandMax })} error={err('demandMax')} {...ro} />
        </SimpleGrid>
        <ProseInput label="Om behovet" value={c.demandNote} onChange={(demandNote) => changeContent({ demandNote })} error={err('demandNote')} {...ro} />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="enhanced-label">Omfattet af det forstærkede samarbejde</Text>
          <SegmentedControl
            aria-labelledby="enhanced-label"
            size="xs"
            w={300}
            readOnly={locked}
            data={COOPERATION}
            value={c.enhancedCooperation === null ? 'uafklaret' : c.enhancedCooperation ? 'ja' : 'nej'}
            onChange={(v) => changeContent({ enhancedCooperation: v === 'uafklaret' ? null : v === 'ja' })}
          />
        </Stack>
      </Section>
    </>
  );
}
