/**
 * The names alone, without their schemas: the sandboxed preload checks names before anything reaches IPC and
 * needs no zod (it would make the preload a hundred times larger). methods.ts and events.ts are checked
 * against these lists at compile time, so the two cannot drift apart.
 */
export const METHOD_NAMES = [
  'app.info',
  'settings.get',
  'settings.update',
  'organisations.list',
  'organisations.update',
  'bodies.list',
  'bodies.create',
  'bodies.update',
  'bodies.delete',
  'bodies.restore',
  'bodies.members',
  'bodies.setMembers',
  'bodies.relations',
  'bodies.setRelations',
  'bodies.setHiddenSections',
  'bodies.template',
  'bodies.setTemplate',
  'meetings.list',
  'meetings.get',
  'meetings.create',
  'meetings.update',
  'meetings.delete',
  'meetings.restore',
  'meetings.attendance',
  'meetings.setAttendance',
  'meetings.attendanceFromMembers',
  'meetings.correctMinutes',
  'meetings.minutesVersions',
  'meetings.trash',
  'demo.load',
  'agenda.list',
  'agenda.get',
  'agenda.create',
  'agenda.update',
  'agenda.move',
  'agenda.delete',
  'agenda.restore',
  'agenda.applyTemplate',
  'agenda.postpone',
  'agenda.history',
  'decisions.save',
  'decisions.register',
  'followUps.list',
  'followUps.forMeeting',
  'followUps.create',
  'followUps.update',
  'search.query',
  'attachments.add',
  'attachments.update',
  'attachments.replace',
  'attachments.move',
  'attachments.delete',
  'attachments.restore',
  'documents.capabilities',
  'documents.preview',
  'documents.export',
  'scenarios.list',
  'scenarios.get',
  'scenarios.create',
  'scenarios.update',
  'scenarios.delete',
  'scenarios.restore',
  'scenarios.freeze',
  'scenarios.export',
] as const;
export type MethodName = (typeof METHOD_NAMES)[number];

export const EVENT_NAMES = ['data.changed'] as const;
export type EventName = (typeof EVENT_NAMES)[number];

const has = (list: readonly string[], name: unknown) => typeof name === 'string' && list.includes(name);
export const isMethodName = (name: unknown): name is MethodName => has(METHOD_NAMES, name);
export const isEventName = (name: unknown): name is EventName => has(EVENT_NAMES, name);
