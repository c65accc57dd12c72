import { z } from 'zod';

/**
 * Where a notification leads: a section of the app and optionally one item in it, written as the
 * hash route the UI already uses (`#/tasks/<id>`). Only this shape is accepted, so a notification
 * can never carry a link out of the app.
 */
export const appLinkSchema = z.object({
  section: z.string().regex(/^[a-z][a-z-]{0,39}$/, 'Not a section of LabFlow.'),
  itemId: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'Not a record id.').optional(),
});
export type AppLink = z.infer<typeof appLinkSchema>;

export const linkToHash = (link: AppLink): string => `#/${link.section}${link.itemId ? `/${link.itemId}` : ''}`;

/** The same place as a full address, for emails: `base` is the app's address (see email settings). */
export const linkToUrl = (base: string, link: AppLink): string => `${base.replace(/[#/]+$/, '')}/${linkToHash(link)}`;
