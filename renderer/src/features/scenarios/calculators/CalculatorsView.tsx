import { Box, Stack, Tabs, Text } from '@mantine/core';
import { IconArrowBackUp, IconBuildingCommunity, IconCalendarOff, IconChartLine, IconClockHour4, IconMoon, IconScale } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { AtaCalculator } from './AtaCalculator';
import { DailyTariffCalculator } from './DailyTariffCalculator';
import { DistributionCalculator } from './DistributionCalculator';
import { IndexCalculator } from './IndexCalculator';
import { NoticeCalculator } from './NoticeCalculator';
import { PaybackCalculator } from './PaybackCalculator';
import { ResultCalculator } from './ResultCalculator';

interface Calculator {
  value: string;
  label: string;
  /** Where the rule is, under the label. */
  section: string;
  icon: ReactNode;
  view: () => ReactNode;
}

const ICON = { size: 18, stroke: 1.6 };

const CALCULATORS: readonly Calculator[] = [
  { value: 'payback', label: 'Tilbagebetaling via takst', section: 'Svenstrupgård, DAS 2021', icon: <IconArrowBackUp {...ICON} />, view: () => <PaybackCalculator /> },
  { value: 'result', label: 'Over- og underskud', section: 'Afsnit 5.3', icon: <IconScale {...ICON} />, view: () => <ResultCalculator /> },
  { value: 'distribution', label: 'Objektiv finansiering', section: 'Afsnit 4.2 · fordeling', icon: <IconBuildingCommunity {...ICON} />, view: () => <DistributionCalculator /> },
  { value: 'ata', label: 'ATA-timepris', section: 'Bilag 2', icon: <IconClockHour4 {...ICON} />, view: () => <AtaCalculator /> },
  { value: 'daily-tariff', label: 'Døgntakst', section: 'Afsnit 5.1–5.2', icon: <IconMoon {...ICON} />, view: () => <DailyTariffCalculator /> },
  { value: 'notice', label: 'Opsigelse', section: 'Afsnit 7.4', icon: <IconCalendarOff {...ICON} />, view: () => <NoticeCalculator /> },
  { value: 'index', label: 'Pris- og lønfremskrivning', section: 'Afledte faktorer', icon: <IconChartLine {...ICON} />, view: () => <IndexCalculator /> },
];

/**
 * Beregninger: one calculator for each of the Styringsaftale's single rules, filled by hand or with the worked examples
 * of the meeting papers. The list on the left picks one (arrow keys move in it); each keeps its figures while another
 * is shown.
 */
export function CalculatorsView() {
  const [active, setActive] = useState<string>(CALCULATORS[0]!.value);
  return (
    <Tabs
      value={active}
      onChange={(value) => value && setActive(value)}
      orientation="vertical"
      variant="pills"
      keepMounted
      styles={{
        list: { gap: 2 },
        tab: { justifyContent: 'flex-start', height: 'auto', paddingBlock: 7 },
        tabLabel: { textAlign: 'left', flex: 1 },
        panel: { minWidth: 0, paddingLeft: 'var(--mantine-spacing-lg)' },
      }}
    >
      <Box w={232} style={{ flexShrink: 0 }}>
        <Text id="calculators-heading" size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" pb={6}>
          Styringsaftalens regler
        </Text>
        <Tabs.List aria-labelledby="calculators-heading">
          {CALCULATORS.map((c) => (
            <Tabs.Tab key={c.value} value={c.value} leftSection={c.icon}>
              <Stack gap={1}>
                <Box component="span" fz="sm" fw={500} lh={1.3}>{c.label}</Box>
                <Box component="span" fz="xs" lh={1.3} c={active === c.value ? undefined : 'dimmed'} style={{ opacity: active === c.value ? 0.85 : 1 }}>
                  {c.section}
                </Box>
              </Stack>
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Box>
      {CALCULATORS.map((c) => (
        <Tabs.Panel key={c.value} value={c.value}>
          {c.view()}
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
