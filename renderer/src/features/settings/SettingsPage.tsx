import { Stack } from '@mantine/core';
import { Fragment, useState } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { BackupsSection } from './BackupsSection';
import { BodiesSection } from './BodiesSection';
import { DataSection } from './DataSection';
import { OrganisationsSection } from './OrganisationsSection';
import { RuleSetsSection } from './RuleSetsSection';
import { TariffTemplatesSection } from './TariffTemplatesSection';
import { UserSection } from './UserSection';

export function SettingsPage() {
  // After a restore the sections start again from the restored data (the name field keeps its own draft otherwise).
  const [generation, setGeneration] = useState(0);
  return (
    <Stack gap="lg">
      <PageHeader title="Indstillinger" description="Din profil, organerne, kommunerne, takstreglerne, databasen og dens sikkerhedskopier." />
      <Fragment key={generation}>
        <UserSection />
        <BodiesSection />
        <OrganisationsSection />
        <RuleSetsSection />
        <TariffTemplatesSection />
        <DataSection />
      </Fragment>
      <BackupsSection onRestored={() => setGeneration((g) => g + 1)} />
    </Stack>
  );
}
