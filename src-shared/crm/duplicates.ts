/**
 * Duplicate organisations: the same name once legal forms, case, accents and punctuation are set
 * aside ("Acme GmbH" and "ACME"), the same email, or the same company email domain. Pure; the
 * register and the create form ask it, and the merge (organisation-merge.ts) repoints what the
 * losing duplicate had.
 */

export interface OrganisationIdentity {
  id: string;
  name: string;
  email: string;
}

export type DuplicateReason = 'same_name' | 'same_email' | 'same_domain';

export interface DuplicateMatch {
  id: string;
  reasons: DuplicateReason[];
}

const legalForms = new Set(['gmbh', 'ag', 'kg', 'ohg', 'ug', 'mbh', 'co', 'kgaa', 'ltd', 'limited', 'plc', 'llc', 'llp', 'inc', 'incorporated', 'corp', 'corporation', 'company', 'sa', 'sas', 'sarl', 'srl', 'spa', 'bv', 'nv', 'ab', 'as', 'oy', 'the', 'and']);

/** Mail providers anyone can use: the same domain there says nothing about the organisation. */
const publicMailDomains = new Set(['gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'yahoo.com', 'icloud.com', 'me.com', 'gmx.de', 'gmx.net', 'web.de', 't-online.de', 'proton.me', 'protonmail.com', 'aol.com', 'mail.com']);

/** "Acme Labs GmbH & Co. KG" → "acme labs". */
export function normalisedName(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '');
  const kept = words.filter((w) => !legalForms.has(w));
  return (kept.length > 0 ? kept : words).join(' ');
}

export const normalisedEmail = (email: string): string => email.trim().toLowerCase();

/** The company domain of an email, or '' for none or a public mail provider. */
export function companyDomain(email: string): string {
  const at = normalisedEmail(email).lastIndexOf('@');
  if (at < 0) return '';
  const domain = normalisedEmail(email).slice(at + 1);
  return publicMailDomains.has(domain) ? '' : domain;
}

/** The organisations `candidate` may duplicate, strongest reasons first (the candidate itself is left out). */
export function findDuplicates(candidate: Omit<OrganisationIdentity, 'id'> & { id?: string }, existing: readonly OrganisationIdentity[]): DuplicateMatch[] {
  const name = normalisedName(candidate.name);
  const email = normalisedEmail(candidate.email);
  const domain = companyDomain(candidate.email);
  const matches: DuplicateMatch[] = [];
  for (const other of existing) {
    if (other.id === candidate.id) continue;
    const reasons: DuplicateReason[] = [];
    if (name !== '' && normalisedName(other.name) === name) reasons.push('same_name');
    if (email !== '' && normalisedEmail(other.email) === email) reasons.push('same_email');
    else if (domain !== '' && companyDomain(other.email) === domain) reasons.push('same_domain');
    if (reasons.length > 0) matches.push({ id: other.id, reasons });
  }
  const strength = (m: DuplicateMatch) => m.reasons.length * 10 + (m.reasons.includes('same_email') ? 2 : 0) + (m.reasons.includes('same_name') ? 1 : 0);
  return matches.sort((a, b) => strength(b) - strength(a) || a.id.localeCompare(b.id));
}

/** Groups of likely duplicates over a whole register (same normalised name or same email), for the "Possible duplicates" view. */
export function duplicateGroups(organisations: readonly OrganisationIdentity[]): string[][] {
  const parent = new Map(organisations.map((o) => [o.id, o.id]));
  const root = (id: string): string => {
    let at = id;
    while (parent.get(at) !== at) at = parent.get(at)!;
    return at;
  };
  const joinBy = (key: (o: OrganisationIdentity) => string) => {
    const first = new Map<string, string>();
    for (const o of organisations) {
      const k = key(o);
      if (k === '') continue;
      const seen = first.get(k);
      if (seen === undefined) first.set(k, o.id);
      else parent.set(root(o.id), root(seen));
    }
  };
  joinBy((o) => normalisedName(o.name));
  joinBy((o) => normalisedEmail(o.email));
  const groups = new Map<string, string[]>();
  for (const o of organisations) groups.set(root(o.id), [...(groups.get(root(o.id)) ?? []), o.id]);
  return [...groups.values()].filter((g) => g.length > 1).map((g) => g.sort()).sort((a, b) => a[0]!.localeCompare(b[0]!));
}
