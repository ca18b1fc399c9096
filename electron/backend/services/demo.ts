import type { Kysely } from 'kysely';
import { findBodyByCode, insertBody, setBodyDeleted } from '../../../db/queries/bodies';
import { insertMeeting, setMeetingDeleted } from '../../../db/queries/meetings';
import type { MeetingValues } from '../../../shared/domain/meeting';
import type { DB } from '../../../db/schema';
import { DEFAULT_BODIES, type ReferenceBody } from '../../../shared/domain/reference-data';
import { insertReferenceOrganisations } from './reference-data';

/** Chef groups that appear in the 2021 DAS papers (domain.md §1.7), beyond the default bodies. */
const DEMO_BODIES: readonly ReferenceBody[] = [
  ...DEFAULT_BODIES,
  {
    id: '3f0c2a4e-5b7d-4c1e-8f6a-0000000000a1',
    code: 'PHC',
    name: 'Psykiatri- og handicapchefkredsen',
    description: 'Chefnetværk med indstillingskompetence til DAS; høringspart for nye tilbud.',
  },
  {
    id: '3f0c2a4e-5b7d-4c1e-8f6a-0000000000a2',
    code: 'BUDK',
    name: 'Børne- og ungedirektørkredsen',
    description: 'Direktørkreds for børne- og ungeområdet; medopdragsgiver på tilbud til børn og unge.',
  },
];

interface DemoMeeting extends Omit<MeetingValues, 'bodyId'> {
  id: string;
  bodyCode: string;
}

/** The DAS Social meetings of the seed papers (domain.md §1.1–1.2): headers only, items follow with the meetings issue. */
const DEMO_MEETINGS: readonly DemoMeeting[] = [
  {
    id: '5a3e8c21-7d4f-4b6a-9c0e-202103250001',
    bodyCode: 'DAS',
    date: '2021-03-25',
    startTime: '13:00',
    endTime: '16:00',
    location: 'Teams',
    status: 'referat_godkendt',
    note: 'Referatet blev godkendt på mødet den 27. maj 2021 (punkt 2).',
  },
  {
    id: '5a3e8c21-7d4f-4b6a-9c0e-202105270001',
    bodyCode: 'DAS',
    date: '2021-05-27',
    startTime: '13:00',
    endTime: '16:00',
    location: 'Aalborg ÆH, Hammer Bakker',
    status: 'referat_udsendt',
    note: 'Mødelokale booket ved Aalborg ÆH i Hammer Bakker; det afventes, om det er muligt at mødes fysisk.',
  },
  {
    id: '5a3e8c21-7d4f-4b6a-9c0e-202108230001',
    bodyCode: 'DAS',
    date: '2021-08-23',
    startTime: '13:00',
    endTime: '16:00',
    location: '',
    status: 'planlagt',
    note: 'Ny lokation meldes ud; mødet holdes som udgangspunkt fysisk (beslutning 27. maj 2021, punkt 11).',
  },
];

export interface DemoResult {
  bodies: number;
  organisations: number;
  meetings: number;
}

/** Loads the demo set in one transaction; loading it again adds nothing (fixed ids). Returns what was added. */
export async function loadDemoData(db: Kysely<DB>, now: string): Promise<DemoResult> {
  return db.transaction().execute(async (trx) => {
    const organisations = await insertReferenceOrganisations(trx, now);
    let bodies = 0;
    const bodyIdByCode = new Map<string, string>();
    for (const body of DEMO_BODIES) {
      if (await insertBody(trx, body.id, body, now, { ifAbsent: true })) bodies++;
      else await setBodyDeleted(trx, body.id, false, now);
      // A body the user created with the same code takes the demo meetings.
      bodyIdByCode.set(body.code, (await findBodyByCode(trx, body.code))?.id ?? body.id);
    }
    let meetings = 0;
    for (const { id, bodyCode, ...values } of DEMO_MEETINGS) {
      if (await insertMeeting(trx, id, { ...values, bodyId: bodyIdByCode.get(bodyCode)! }, now, { ifAbsent: true })) meetings++;
      else if (await setMeetingDeleted(trx, id, false, now)) meetings++;
    }
    return { bodies, organisations, meetings };
  });
}
