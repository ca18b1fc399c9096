import { z } from 'zod';

/** The author of the papers until the user names the secretariat otherwise. */
export const DEFAULT_SECRETARIAT_NAME = 'Sekretariat for Nordjysk Socialaftale';

export const Settings = z.object({
  userName: z.string(),
  /** The secretariat's name: the author in the properties of every PDF. */
  secretariatName: z.string(),
  /** The user has answered the first-start question about demo data. */
  welcomeDone: z.boolean(),
});
export type Settings = z.infer<typeof Settings>;

export const SettingsPatch = z.object({
  userName: z.string().trim().max(100, { error: 'Navnet må højst være 100 tegn' }).optional(),
  secretariatName: z.string().trim().max(200, { error: 'Sekretariatets navn må højst være 200 tegn' }).optional(),
  welcomeDone: z.boolean().optional(),
});

export const AppInfo = z.object({
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  databaseFile: z.string(),
  /** No meetings yet: the UI offers the demo data. */
  isEmpty: z.boolean(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const DemoSummary = z.object({ bodies: z.number().int(), organisations: z.number().int(), meetings: z.number().int(), items: z.number().int(), scenarios: z.number().int(), proposals: z.number().int() });
