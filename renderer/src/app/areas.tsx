import { IconArrowsExchange, IconCalendarEvent, IconCalculator, IconFileDescription, IconGavel, IconSettings } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { DecisionsPage } from '../features/decisions/DecisionsPage';
import { ComingLater } from '../features/placeholder/ComingLater';
import { MeetingPage } from '../features/agenda/MeetingPage';
import { MeetingsPage } from '../features/meetings/MeetingsPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { useNavigation, type Area } from '../stores/navigation';

export interface AreaSpec {
  label: string;
  icon: ReactNode;
  page: () => ReactNode;
}

const ICON = { size: 20, stroke: 1.6 };

export const AREA_SPECS: Record<Area, AreaSpec> = {
  moeder: { label: 'Møder', icon: <IconCalendarEvent {...ICON} />, page: () => <MeetingsArea /> },
  beslutninger: { label: 'Beslutninger', icon: <IconGavel {...ICON} />, page: () => <DecisionsPage /> },
  forslag: {
    label: 'Tilbud og forslag',
    icon: <IconFileDescription {...ICON} />,
    page: () => (
      <ComingLater
        title="Tilbud og forslag"
        description="Ideoplæg til nye sociale tilbud fra idé til beslutning."
        icon={<IconFileDescription size={24} />}
        plans={['Målgruppe, pladser, takstniveauer og budget', 'Versioner side om side, høringssvar og godkendelsesvej', 'Underskudsdækning pr. kommune']}
      />
    ),
  },
  takster: {
    label: 'Takstscenarier',
    icon: <IconCalculator {...ICON} />,
    page: () => (
      <ComingLater
        title="Takstscenarier"
        description="Beregninger efter Styringsaftalens regler."
        icon={<IconCalculator size={24} />}
        plans={['Døgntakster, belægning og takststrukturer', 'Over- og underskud over år', 'Fordeling på kommuner, der altid summer til totalen']}
      />
    ),
  },
  udveksling: {
    label: 'Udveksling',
    icon: <IconArrowsExchange {...ICON} />,
    page: () => (
      <ComingLater
        title="Udveksling"
        description="Del arbejde mellem bærbare og med kommunerne via filer."
        icon={<IconArrowsExchange size={24} />}
        plans={['Eksport og import med forhåndsvisning og fletning', 'Sikkerhedskopier og gendannelse', 'Regneark (.xlsx og CSV)']}
      />
    ),
  },
  indstillinger: { label: 'Indstillinger', icon: <IconSettings {...ICON} />, page: () => <SettingsPage /> },
};

/** The meeting list, or one meeting's agenda when the address names it. */
function MeetingsArea() {
  const meetingId = useNavigation((s) => s.meetingId);
  return meetingId ? <MeetingPage meetingId={meetingId} /> : <MeetingsPage />;
}
