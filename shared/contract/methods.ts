import { z } from 'zod';
import { Body, BodyDraft, BodyUpdate } from '../domain/body';
import { Deleted, Empty, Id } from '../domain/common';
import { Meeting, MeetingDraft, MeetingListQuery, MeetingUpdate } from '../domain/meeting';
import { Organisation, OrganisationUpdate } from '../domain/organisation';
import { AppInfo, DemoSummary, Settings, SettingsPatch } from '../domain/settings';

import type { MethodName } from './names';

const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });
const ById = z.object({ id: Id });

/**
 * The one API between the UI and the backend: `area.verb` -> zod input and output.
 * Both transports (IPC and the local HTTP host) serve exactly these methods.
 */
export const methods = {
  'app.info': method(Empty, AppInfo),

  'settings.get': method(Empty, Settings),
  'settings.update': method(SettingsPatch, Settings),

  'organisations.list': method(Empty, z.array(Organisation)),
  'organisations.update': method(OrganisationUpdate, Organisation),

  'bodies.list': method(Empty, z.array(Body)),
  'bodies.create': method(BodyDraft, Body),
  'bodies.update': method(BodyUpdate, Body),
  'bodies.delete': method(ById, Deleted),
  'bodies.restore': method(ById, Body),

  'meetings.list': method(MeetingListQuery, z.array(Meeting)),
  'meetings.get': method(ById, Meeting),
  'meetings.create': method(MeetingDraft, Meeting),
  'meetings.update': method(MeetingUpdate, Meeting),
  'meetings.delete': method(ById, Deleted),
  'meetings.restore': method(ById, Meeting),

  'demo.load': method(Empty, DemoSummary),
} satisfies Record<MethodName, { input: z.ZodType; output: z.ZodType }>;

export type Methods = typeof methods;
/** What a caller sends (defaults may be left out). */
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
/** What a handler receives, after parsing. */
export type ParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;
