import { IconArrowsExchange, IconBuildingCommunity, IconCalendarEvent, IconCalculator, IconFileDescription, IconGavel, IconSettings } from '@tabler/icons-react';
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { Loader } from '@mantine/core';
import { MeetingsPage } from '../features/meetings/MeetingsPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { useNavigation, type Area } from '../stores/navigation';
import { AREA_LABELS } from './area-labels';

export interface AreaSpec {
  label: string;
  icon: ReactNode;
  page: () => ReactNode;
}

const ICON = { size: 20, stroke: 1.6 };

// The agenda editor (TipTap, drag and drop), the register (virtual list), the modeller (charts) and the proposals load
// when first opened, so the meeting list appears without waiting for them.
const MeetingPage = lazy(() => import('../features/agenda/MeetingPage').then((m) => ({ default: m.MeetingPage })));
const loadReadingPage = () => import('../features/reading/ReadingPage');
const ReadingPage = lazy(() => loadReadingPage().then((m) => ({ default: m.ReadingPage })));
const ScenariosPage = lazy(() => import('../features/scenarios/ScenariosPage').then((m) => ({ default: m.ScenariosPage })));
const ProposalsPage = lazy(() => import('../features/proposals/ProposalsPage').then((m) => ({ default: m.ProposalsPage })));
const ExchangePage = lazy(() => import('../features/exchange/ExchangePage').then((m) => ({ default: m.ExchangePage })));
const OffersPage = lazy(() => import('../features/offers/OffersPage').then((m) => ({ default: m.OffersPage })));
const DecisionsPage = lazy(() => import('../features/decisions/DecisionsPage').then((m) => ({ default: m.DecisionsPage })));
const later = (node: ReactNode) => <Suspense fallback={<Loader size="sm" />}>{node}</Suspense>;

export const AREA_SPECS: Record<Area, AreaSpec> = {
  moeder: { label: AREA_LABELS.moeder, icon: <IconCalendarEvent {...ICON} />, page: () => <MeetingsArea /> },
  beslutninger: { label: AREA_LABELS.beslutninger, icon: <IconGavel {...ICON} />, page: () => later(<DecisionsPage />) },
  forslag: { label: AREA_LABELS.forslag, icon: <IconFileDescription {...ICON} />, page: () => later(<ProposalsPage />) },
  takster: { label: AREA_LABELS.takster, icon: <IconCalculator {...ICON} />, page: () => later(<ScenariosPage />) },
  tilbud: { label: AREA_LABELS.tilbud, icon: <IconBuildingCommunity {...ICON} />, page: () => later(<OffersPage />) },
  udveksling: { label: AREA_LABELS.udveksling, icon: <IconArrowsExchange {...ICON} />, page: () => later(<ExchangePage />) },
  indstillinger: { label: AREA_LABELS.indstillinger, icon: <IconSettings {...ICON} />, page: () => <SettingsPage /> },
};

/** The meeting list, or one meeting when the address names it: its papers to read, or its agenda in the editor. */
function MeetingsArea() {
  const meetingId = useNavigation((s) => s.meetingId);
  const view = useNavigation((s) => s.meetingView);
  // The reading view's code is fetched while the list is idle: most meetings chosen there open on it.
  useEffect(() => {
    const idle = requestIdleCallback(() => void loadReadingPage());
    return () => cancelIdleCallback(idle);
  }, []);
  if (!meetingId) return <MeetingsPage />;
  return later(view === 'reading' ? <ReadingPage meetingId={meetingId} /> : <MeetingPage meetingId={meetingId} />);
}
