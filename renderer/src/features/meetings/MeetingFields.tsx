import { Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { DateInput, TimePicker } from '@mantine/dates';
import { MEETING_STATUS_LABELS, MEETING_STATUSES, type MeetingStatus, type MeetingValues } from '../../../../shared/domain/meeting';
import { parseDanishDate } from '../../../../shared/format';
import { useReference } from '../../stores/reference';
import { TEXTS } from './texts';

export type MeetingFieldValues = MeetingValues;

interface Props {
  value: MeetingFieldValues;
  onChange(patch: Partial<MeetingFieldValues>): void;
  errors: Record<string, string>;
  /** The new-meeting form leaves status and note for later. */
  compact?: boolean;
  autoFocus?: boolean;
  /** Shown, not editable (approved minutes). */
  readOnly?: boolean;
}

/** The picker speaks HH:mm:ss (or '' while incomplete); meetings keep HH:MM. */
const toClock = (time: string) => (time ? time.slice(0, 5) : null);

const statusOptions = MEETING_STATUSES.map((s) => ({ value: s, label: MEETING_STATUS_LABELS[s] }));

export function MeetingFields({ value, onChange, errors, compact, autoFocus, readOnly = false }: Props) {
  const bodies = useReference((s) => s.bodies);
  return (
    <Stack gap="sm">
      <Select
        label="Organ"
        required
        data={bodies.map((b) => ({ value: b.id, label: `${b.code} – ${b.name}` }))}
        value={value.bodyId}
        onChange={(bodyId) => bodyId && onChange({ bodyId })}
        allowDeselect={false}
        searchable
        readOnly={readOnly}
        error={errors.bodyId}
      />
      <DateInput
        label="Dato"
        required
        data-autofocus={autoFocus || undefined}
        valueFormat="dddd [d.] D. MMMM YYYY"
        dateParser={(text) => parseDanishDate(text)}
        placeholder="fx 27.05.2021"
        value={value.date || null}
        onChange={(date) => date && onChange({ date })}
        readOnly={readOnly}
        error={errors.date}
      />
      <SimpleGrid cols={2}>
        <TimePicker
          label="Starttid"
          format="24h"
          clearable={!readOnly}
          readOnly={readOnly}
          value={value.startTime ?? ''}
          onChange={(time) => onChange({ startTime: toClock(time) })}
          error={errors.startTime}
        />
        <TimePicker
          label="Sluttid"
          format="24h"
          clearable={!readOnly}
          readOnly={readOnly}
          value={value.endTime ?? ''}
          onChange={(time) => onChange({ endTime: toClock(time) })}
          error={errors.endTime}
        />
      </SimpleGrid>
      <TextInput
        label="Sted"
        placeholder={TEXTS.locationPlaceholder}
        value={value.location}
        onChange={(e) => onChange({ location: e.currentTarget.value })}
        readOnly={readOnly}
        error={errors.location}
      />
      {!compact && (
        <>
          <Select
            label="Status"
            data={statusOptions}
            value={value.status}
            onChange={(status) => status && onChange({ status: status as MeetingStatus })}
            allowDeselect={false}
            readOnly={readOnly}
            error={errors.status}
          />
          <Textarea
            label="Note"
            description="Praktiske oplysninger om mødet, fx lokale og forplejning."
            autosize
            minRows={3}
            value={value.note}
            onChange={(e) => onChange({ note: e.currentTarget.value })}
            readOnly={readOnly}
            error={errors.note}
          />
        </>
      )}
    </Stack>
  );
}
