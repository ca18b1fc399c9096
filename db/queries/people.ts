import type { Kysely } from 'kysely';
import type { Member, Relation, RelationKind } from '../../shared/domain/body';
import type { Attendee } from '../../shared/domain/meeting';
import type { DB } from '../schema';
import { setTombstone } from './records';

export async function listMembers(db: Kysely<DB>, bodyId: string): Promise<Member[]> {
  return db.selectFrom('body_members').select(['id', 'name', 'organisation', 'role']).where('body_id', '=', bodyId).where('deleted_at', 'is', null).orderBy('position').execute();
}

/** Replaces a body's members in the given order, keeping the rows (and ids) of members that did not change. */
export async function replaceMembers(db: Kysely<DB>, bodyId: string, members: readonly Omit<Member, 'id'>[], newId: () => string, now: string) {
  const existing = await listMembers(db, bodyId);
  const key = (m: Omit<Member, 'id'>) => JSON.stringify([m.name, m.organisation, m.role]);
  const remaining = new Map(existing.map((m) => [key(m), m.id]));
  for (const [index, member] of members.entries()) {
    const keep = remaining.get(key(member));
    if (keep) {
      remaining.delete(key(member));
      await db.updateTable('body_members').set({ position: index + 1 }).where('id', '=', keep).where('position', '!=', index + 1).execute();
    } else {
      await db.insertInto('body_members').values({ id: newId(), body_id: bodyId, ...member, position: index + 1, created_at: now, updated_at: now }).execute();
    }
  }
  for (const gone of remaining.values()) await setTombstone(db, 'body_members', gone, true, now);
}

export async function listRelations(db: Kysely<DB>): Promise<Relation[]> {
  const rows = await db.selectFrom('body_relations').select(['id', 'from_body_id', 'to_body_id', 'kind']).where('deleted_at', 'is', null).execute();
  return rows.map((r) => ({ id: r.id, fromBodyId: r.from_body_id, toBodyId: r.to_body_id, kind: r.kind }));
}

/** Replaces the relations that start at a body ("FU forbereder DAS"). */
export async function replaceRelations(db: Kysely<DB>, fromBodyId: string, relations: readonly { toBodyId: string; kind: RelationKind }[], newId: () => string, now: string) {
  const existing = (await listRelations(db)).filter((r) => r.fromBodyId === fromBodyId);
  const key = (r: { toBodyId: string; kind: string }) => `${r.toBodyId}/${r.kind}`;
  const remaining = new Map(existing.map((r) => [key(r), r.id]));
  for (const relation of relations) {
    if (remaining.delete(key(relation))) continue;
    await db.insertInto('body_relations').values({ id: newId(), from_body_id: fromBodyId, to_body_id: relation.toBodyId, kind: relation.kind, created_at: now, updated_at: now }).execute();
  }
  for (const gone of remaining.values()) await setTombstone(db, 'body_relations', gone, true, now);
}

export async function listAttendance(db: Kysely<DB>, meetingId: string): Promise<Attendee[]> {
  const rows = await db.selectFrom('meeting_attendance').select(['id', 'name', 'organisation', 'present']).where('meeting_id', '=', meetingId).where('deleted_at', 'is', null).orderBy('created_at').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, organisation: r.organisation, present: r.present === 1 }));
}

export async function replaceAttendance(db: Kysely<DB>, meetingId: string, attendees: readonly Omit<Attendee, 'id'>[], newId: () => string, now: string) {
  const existing = await listAttendance(db, meetingId);
  const key = (a: Omit<Attendee, 'id'>) => JSON.stringify([a.name, a.organisation, a.present]);
  const remaining = new Map(existing.map((a) => [key(a), a.id]));
  for (const attendee of attendees) {
    if (remaining.delete(key(attendee))) continue;
    await db.insertInto('meeting_attendance').values({ id: newId(), meeting_id: meetingId, name: attendee.name, organisation: attendee.organisation, present: attendee.present ? 1 : 0, created_at: now, updated_at: now }).execute();
  }
  for (const gone of remaining.values()) await setTombstone(db, 'meeting_attendance', gone, true, now);
}
