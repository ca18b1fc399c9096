import { Autocomplete, type AutocompleteProps } from '@mantine/core';
import { useEffect, useState, type Ref } from 'react';
import type { Member } from '../../../shared/domain/body';
import { matchOrganisation } from '../../../shared/logic/parties';
import { loadMembers, useReference } from '../stores/reference';

/** The members of a body, read once per body (empty while they load or when there is no body). */
export function useMembers(bodyId: string | null | undefined): Member[] {
  const [members, setMembers] = useState<Member[]>([]);
  useEffect(() => {
    let current = true;
    if (bodyId) loadMembers(bodyId).then((m) => current && setMembers(m), () => current && setMembers([]));
    return () => {
      current = false;
    };
  }, [bodyId]);
  return members;
}

type Props = Omit<AutocompleteProps, 'value' | 'onChange' | 'data' | 'onBlur'> & {
  value: string;
  /** The party as typed or chosen, with the organisation it names (its canonical name then) or null. */
  onChange(party: string, organisationId: string | null): void;
  /** The body's members: their organisations are offered besides the agreement's parties. */
  members?: readonly Member[];
  ref?: Ref<HTMLInputElement>;
};

/**
 * A party (a reservation's «fra», a participant's organisation): chosen from the municipalities and the region, or from
 * the body's members' organisations; anyone else is typed. A typed name of an organisation («læsø», «Laesoe Kommune»)
 * becomes its canonical name when the field is left, so the register's filter «Forbehold fra» finds it.
 */
export function PartyInput({ value, onChange, members = [], ...props }: Props) {
  const organisations = useReference((s) => s.organisations);
  const others = [...new Set(members.map((m) => m.organisation.trim()).filter((o) => o && !matchOrganisation(o, organisations)))];
  const data = [
    { group: 'Kommuner og region', items: organisations.map((o) => o.name) },
    ...(others.length > 0 ? [{ group: 'Organets medlemmer', items: others }] : []),
  ];
  function settle() {
    const organisation = matchOrganisation(value, organisations);
    if (organisation && organisation.name !== value) onChange(organisation.name, organisation.id);
  }
  return (
    <Autocomplete
      {...props}
      data={data}
      value={value}
      // While typing, only an exact name counts; leaving the field settles the spelling.
      onChange={(text) => onChange(text, organisations.find((o) => o.name === text)?.id ?? null)}
      onBlur={settle}
      limit={20}
      maxDropdownHeight={280}
    />
  );
}
