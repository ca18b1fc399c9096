import { Stack } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader';
import { BodiesSection } from './BodiesSection';
import { DataSection } from './DataSection';
import { OrganisationsSection } from './OrganisationsSection';
import { UserSection } from './UserSection';

export function SettingsPage() {
  return (
    <Stack gap="lg">
      <PageHeader title="Indstillinger" description="Din profil, organerne, kommunerne og databasen." />
      <UserSection />
      <BodiesSection />
      <OrganisationsSection />
      <DataSection />
    </Stack>
  );
}
