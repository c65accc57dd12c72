import { z } from 'zod';
import type { BaseDocument } from '../db/base-fields';

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'An email address has at most 254 characters.')
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'Enter an email address like name@lab.org.');

export const personNameSchema = z.string().trim().min(1, 'Enter a name.').max(200, 'A name has at most 200 characters.');

export const passwordSchema = z
  .string()
  .min(10, 'A password needs at least 10 characters.')
  .max(200, 'A password has at most 200 characters.');

export const roleCodeSchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,39}$/, 'A role code uses lower-case letters, digits and underscores (2–40 characters).');

/** A person as stored (never sent to a UI: see PersonView). */
export interface PersonDocument extends BaseDocument {
  kind: 'person';
  name: string;
  email: string;
  roles: string[];
  isActive: boolean;
  passwordHash: string;
  /** '' or absent: no department. */
  departmentId?: string;
}

export interface RoleDocument extends BaseDocument {
  kind: 'role';
  name: string;
  /** The role's code, stored in `email` so the (kind, email) index finds it; roles have no address. */
  email: string;
  roles: string[];
  isActive: boolean;
}

/** What a UI may see of a person: never the password hash. */
export interface PersonView {
  id: string;
  name: string;
  email: string;
  roles: string[];
  isActive: boolean;
  departmentId?: string;
}

export interface RoleView {
  code: string;
  name: string;
  isBuiltIn: boolean;
}

export const toPersonView = (p: PersonDocument): PersonView => ({
  id: p.id,
  name: p.name,
  email: p.email,
  roles: p.roles,
  isActive: p.isActive,
  ...(p.departmentId ? { departmentId: p.departmentId } : {}),
});
