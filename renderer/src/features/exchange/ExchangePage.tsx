import { Stack } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader';
import { ExportSection } from './ExportSection';
import { ImportSection } from './ImportSection';
import { TrustedSection } from './TrustedLaptops';

/** Sharing work between laptops by files: packages out and in (docs/exchange-format.md). */
export function ExchangePage() {
  return (
    <Stack gap="lg">
      <PageHeader title="Udveksling" description="Del arbejde mellem bærbare og med kolleger via pakkefiler. Sikkerhedskopier finder du under Indstillinger." />
      <ImportSection />
      <ExportSection />
      <TrustedSection />
    </Stack>
  );
}
