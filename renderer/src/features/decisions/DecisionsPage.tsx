import { Badge, Group, Loader, Paper, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { ITEM_KIND_LABELS, ITEM_KINDS, OUTCOME_LABELS, OUTCOMES, type DecisionRegisterFilter, type DecisionRegisterRow, type ItemKind, type Outcome, type SearchHit } from '../../../../shared/domain/agenda';
import { formatList, formatLongDate } from '../../../../shared/format';
import { parseSearchQuery } from '../../../../shared/logic/search-text';
import { loadRegisterPage, search } from './store';
import { PageHeader } from '../../components/PageHeader';
import { showError } from '../../lib/undo';
import { openAgendaItem } from '../agenda/store';
import { useMeetings } from '../meetings/store';
import { useReference } from '../../stores/reference';
import { ExportMenu } from './ExportMenu';
import { FollowUpsView } from './FollowUpsView';
import { Snippet } from './Snippet';

const ENTITY_LABELS: Record<SearchHit['entity'], string> = { item: 'Punkt', decision: 'Beslutning', attachment: 'Bilag' };

/** Every decision across bodies and years, and full-text search over items, decisions and attachments. */
export function DecisionsPage() {
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 200);
  const [bodyId, setBodyId] = useState<string | null>(null);
  const [year, setYear] = useState<string | null>(null);
  const [kind, setKind] = useState<ItemKind | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const organisations = useReference((s) => s.organisations);
  const bodies = useReference((s) => s.bodies);
  const meetings = useMeetings((s) => s.items);
  const years = [...new Set(meetings.map((m) => m.date.slice(0, 4)))].sort().reverse();
  const searchRef = useRef<HTMLInputElement>(null);
  useHotkeys([['mod+F', () => searchRef.current?.focus()]]);

  const [view, setView] = useState<'register' | 'opfoelgning'>('register');
  const filters = { ...(bodyId ? { bodyId } : {}), ...(year ? { year: Number(year) } : {}) };
  const registerFilters = { ...filters, ...(kind ? { kind } : {}), ...(outcome ? { outcome } : {}), ...(organisationId ? { organisationId } : {}) };
  const header = (
    <PageHeader
      title="Beslutninger"
      description="Beslutningsregistret på tværs af organer og år, søgning i punkter, beslutninger og bilag – og opfølgningerne."
      actions={<SegmentedControl value={view} onChange={(v) => setView(v as typeof view)} data={[{ value: 'register', label: 'Beslutninger og søgning' }, { value: 'opfoelgning', label: 'Opfølgninger' }]} />}
    />
  );
  if (view === 'opfoelgning') {
    return (
      <Stack gap="lg">
        {header}
        <FollowUpsView />
      </Stack>
    );
  }
  return (
    <Stack gap="lg">
      {header}
      <TextInput
        ref={searchRef}
        size="md"
        leftSection={<IconSearch size={18} />}
        placeholder='Søg, fx selvskade, Læsø eller "fysisk møde"' 
        aria-label="Søg"
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
      />
      <Group gap="sm">
        <Select placeholder="Alle organer" aria-label="Organ" data={bodies.map((b) => ({ value: b.id, label: b.code }))} value={bodyId} onChange={setBodyId} clearable w={160} />
        <Select placeholder="Alle år" aria-label="År" data={years} value={year} onChange={setYear} clearable w={120} />
        {!debounced.trim() && (
          <>
            <Select placeholder="Alle punkttyper" aria-label="Punkttype" data={ITEM_KINDS.map((k) => ({ value: k, label: ITEM_KIND_LABELS[k] }))} value={kind} onChange={(v) => setKind(v as ItemKind | null)} clearable w={170} />
            <Select placeholder="Alle udfald" aria-label="Udfald" data={OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABELS[o] }))} value={outcome} onChange={(v) => setOutcome(v as Outcome | null)} clearable w={210} />
            <Select placeholder="Forbehold fra alle" aria-label="Forbehold fra" data={organisations.map((o) => ({ value: o.id, label: o.name }))} value={organisationId} onChange={setOrganisationId} clearable searchable w={230} />
          </>
        )}
      </Group>
      {debounced.trim() ? (
        <SearchResults query={debounced} filters={filters} />
      ) : (
        <Register filters={registerFilters} />
      )}
    </Stack>
  );
}

function SearchResults({ query, filters }: { query: string; filters: { bodyId?: string; year?: number } }) {
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  useEffect(() => {
    let current = true;
    search({ query, ...filters, limit: 100 }).then((r) => current && setHits(r.hits), showError);
    return () => {
      current = false;
    };
  }, [query, filters.bodyId, filters.year]); // eslint-disable-line react-hooks/exhaustive-deps -- the filter values are the dependencies
  const terms = parseSearchQuery(query).terms;
  if (!hits) return <Loader size="sm" />;
  if (hits.length === 0) return <Text c="dimmed">Ingen resultater for «{query}».</Text>;
  return (
    <Stack gap="xs" data-testid="search-results">
      <Text size="sm" c="dimmed">{hits.length === 100 ? 'De 100 bedste resultater' : `${hits.length} resultater`}, mest relevante først</Text>
      {hits.map((h) => (
        <Paper key={h.entityId} withBorder radius="md" p="sm" component="button" type="button" onClick={() => void openAgendaItem(h.meetingId, h.itemId, { terms, entity: h.entity })} data-testid="search-hit" style={{ display: 'block', width: '100%', textAlign: 'left' }}>
          <Group gap="xs" mb={4}>
            <Badge size="sm" variant="light" tt="none">{ENTITY_LABELS[h.entity]}</Badge>
            <Text size="sm" fw={600}>{h.bodyCode} {formatLongDate(h.meetingDate)} · Punkt {h.itemNumber}. {h.itemTitle}</Text>
          </Group>
          {h.entity === 'attachment' && <Text size="xs" c="dimmed">{h.title}</Text>}
          <Snippet text={h.snippet} />
        </Paper>
      ))}
    </Stack>
  );
}

const PAGE = 200;
const ROW_HEIGHT = 92;

/** The register, virtualised: ten years are thousands of decisions, and the list must stay smooth. */
function Register({ filters }: { filters: DecisionRegisterFilter }) {
  const [rows, setRows] = useState<DecisionRegisterRow[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const parentRef = useRef<HTMLDivElement>(null);
  const key = JSON.stringify(filters);

  useEffect(() => {
    let current = true;
    setTotal(null);
    loadRegisterPage({ ...filters, offset: 0, limit: PAGE }).then((r) => {
      if (!current) return;
      setRows(r.rows);
      setTotal(r.total);
    }, showError);
    return () => {
      current = false;
    };
  }, [key]); // eslint-disable-line react-hooks/exhaustive-deps -- key stands for the filters

  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; the virtualizer re-renders as intended
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => parentRef.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const items = virtualizer.getVirtualItems();
  const last = items[items.length - 1];
  useEffect(() => {
    // Fetch the next page as the end comes into view.
    if (total !== null && last && last.index >= rows.length - 20 && rows.length < total) {
      loadRegisterPage({ ...filters, offset: rows.length, limit: PAGE }).then((r) => setRows((old) => (old.length === rows.length ? [...old, ...r.rows] : old)), showError);
    }
  }, [last?.index, rows.length, total]); // eslint-disable-line react-hooks/exhaustive-deps -- paging follows the scroll position

  if (total === null) return <Loader size="sm" />;
  if (total === 0) return <Text c="dimmed">Ingen beslutninger passer til filteret.</Text>;
  return (
    <Stack gap="xs">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" c="dimmed" data-testid="register-total">{total === 1 ? '1 beslutning' : `${total.toLocaleString('da-DK')} beslutninger`}, nyeste møde først</Text>
        <ExportMenu what="decisions" filter={filters} size="xs" label={Object.keys(filters).length > 0 ? 'Alle beslutninger, der passer til filtrene' : 'Hele beslutningsregistret'} />
      </Group>
      <div ref={parentRef} style={{ height: 'calc(100vh - 330px)', minHeight: 300, overflow: 'auto' }} data-testid="register">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((v) => {
            const r = rows[v.index]!;
            return (
              <div key={r.decisionId} style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${v.start}px)`, height: ROW_HEIGHT, paddingBottom: 6 }}>
                <Paper withBorder radius="md" p="sm" h="100%" component="button" type="button" onClick={() => void openAgendaItem(r.meetingId, r.itemId)} data-testid="register-row" style={{ display: 'block', width: '100%', textAlign: 'left' }}>
                  <Group gap="xs" wrap="nowrap">
                    {/* Rows have one height (the list is virtual): title and text are excerpts, whole in their title and one click away. */}
                    <Text size="sm" fw={600} lineClamp={1} style={{ flex: 1 }} data-excerpt title={r.itemTitle}>{r.bodyCode} {formatLongDate(r.meetingDate)} · Punkt {r.itemNumber}. {r.itemTitle}</Text>
                    {r.outcome && <Badge size="sm" variant="light" color={r.outcome === 'ikke_godkendt' ? 'red' : r.outcome === 'udsat' ? 'orange' : 'teal'} tt="none">{OUTCOME_LABELS[r.outcome]}</Badge>}
                  </Group>
                  <Text size="sm" c="gray.8" lineClamp={2} data-excerpt title={r.text}>{r.text || '–'}</Text>
                  {r.reservations.length > 0 && <Text size="xs" c="orange.8">Forbehold: {formatList(r.reservations)}</Text>}
                </Paper>
              </div>
            );
          })}
        </div>
      </div>
    </Stack>
  );
}
