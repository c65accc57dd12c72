/** Someone who can be @mentioned in a comment. */
export interface MentionablePerson {
  id: string;
  email: string;
  /** A short name people type after '@', e.g. 'ana'. Optional: the email's local part always works. */
  handle?: string;
  name?: string;
}

export interface Mention {
  personId: string;
  /** As written, with the '@'. */
  text: string;
  /** UTF-16 offsets into the comment, end exclusive, for highlighting. */
  start: number;
  end: number;
}

export interface UnresolvedMention {
  text: string;
  start: number;
  end: number;
  /** `unknown`: nobody matches; `ambiguous`: several people do, listed in `candidateIds`. */
  reason: 'unknown' | 'ambiguous';
  candidateIds: string[];
}

export interface ParsedMentions {
  mentions: Mention[];
  /** Each mentioned person once, in order of first mention: who to notify. */
  personIds: string[];
  unresolved: UnresolvedMention[];
}

// '@' must not follow a word character, '.', '+', '-' or '/': "ana@lab.org" or a URL path is not a mention.
// The token is a handle or local part, optionally with '@domain' for a full address.
const MENTION = /(?<![\p{L}\p{N}_.+\-/])@([\p{L}\p{N}_.+-]+(?:@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)?)/gu;

const localPart = (email: string) => email.slice(0, email.indexOf('@')).toLowerCase();

/**
 * Finds @mentions in comment text and resolves each to a person: by full email address
 * (`@ana.lima@lab.org`), else by handle, else by the email's local part (`@ana.lima`), all
 * case-insensitive. Punctuation that ends a sentence ("@ana.") is not part of the name. A name
 * matching several people is reported as ambiguous rather than notifying all of them.
 */
export function parseMentions(text: string, people: readonly MentionablePerson[]): ParsedMentions {
  const mentions: Mention[] = [];
  const unresolved: UnresolvedMention[] = [];
  for (const match of text.matchAll(MENTION)) {
    const token = (match[1] as string).replace(/[._+-]+$/, '');
    if (token === '') continue;
    const start = match.index;
    const end = start + 1 + token.length;
    const written = text.slice(start, end);
    const candidates = resolve(token.toLowerCase(), people);
    if (candidates.length === 1) mentions.push({ personId: (candidates[0] as MentionablePerson).id, text: written, start, end });
    else unresolved.push({ text: written, start, end, reason: candidates.length === 0 ? 'unknown' : 'ambiguous', candidateIds: candidates.map((p) => p.id) });
  }
  return { mentions, personIds: [...new Set(mentions.map((m) => m.personId))], unresolved };
}

function resolve(token: string, people: readonly MentionablePerson[]): MentionablePerson[] {
  if (token.includes('@')) return people.filter((p) => p.email.toLowerCase() === token);
  const byHandle = people.filter((p) => p.handle?.toLowerCase() === token);
  if (byHandle.length > 0) return byHandle;
  return people.filter((p) => localPart(p.email) === token);
}

/**
 * People to offer while someone types '@' + `partial`: those whose handle, email or name starts
 * with it (case-insensitive), handles first, at most `limit`.
 */
export function suggestMentions(partial: string, people: readonly MentionablePerson[], limit = 8): MentionablePerson[] {
  const p = partial.toLowerCase();
  const rank = (person: MentionablePerson) =>
    person.handle?.toLowerCase().startsWith(p) ? 0 : person.email.toLowerCase().startsWith(p) ? 1 : person.name?.toLowerCase().split(/\s+/).some((w) => w.startsWith(p)) ? 2 : 3;
  return people
    .map((person) => ({ person, rank: rank(person) }))
    .filter((x) => x.rank < 3)
    .sort((a, b) => a.rank - b.rank || (a.person.email < b.person.email ? -1 : 1))
    .slice(0, limit)
    .map((x) => x.person);
}
