import { describe, expect, it } from 'vitest';
import { parseMentions, suggestMentions, type MentionablePerson } from '../../../src-shared/tasks/mentions';

const people: MentionablePerson[] = [
  { id: 'u-ana', email: 'ana.lima@lab.org', handle: 'ana', name: 'Ana Lima' },
  { id: 'u-ben', email: 'ben@lab.org', name: 'Ben Okafor' },
  { id: 'u-ben2', email: 'ben@partner.com', name: 'Ben Stone' },
  { id: 'u-jo', email: 'jo@lab.org', handle: 'Jörg', name: 'Jörg Weiß' },
];

describe('parsing @mentions', () => {
  it('resolves handles and email local parts, case-insensitively, with positions', () => {
    const text = 'Thanks @Ana and @ana.lima, please ask @JÖRG.';
    expect(parseMentions(text, people)).toEqual({
      mentions: [
        { personId: 'u-ana', text: '@Ana', start: 7, end: 11 },
        { personId: 'u-ana', text: '@ana.lima', start: 16, end: 25 },
        { personId: 'u-jo', text: '@JÖRG', start: 38, end: 43 },
      ],
      personIds: ['u-ana', 'u-jo'],
      unresolved: [],
    });
  });

  it('resolves a full address even when the local part is shared', () => {
    const parsed = parseMentions('cc @ben@partner.com.', people);
    expect(parsed.mentions).toEqual([{ personId: 'u-ben2', text: '@ben@partner.com', start: 3, end: 19 }]);
  });

  it('reports an ambiguous name instead of notifying everyone who matches', () => {
    expect(parseMentions('@ben can you check?', people)).toEqual({
      mentions: [],
      personIds: [],
      unresolved: [{ text: '@ben', start: 0, end: 4, reason: 'ambiguous', candidateIds: ['u-ben', 'u-ben2'] }],
    });
  });

  it('reports unknown names', () => {
    expect(parseMentions('ping @nobody', people).unresolved).toEqual([{ text: '@nobody', start: 5, end: 12, reason: 'unknown', candidateIds: [] }]);
  });

  it.each([
    ['an email address in the text', 'write to ana@lab.org'],
    ['a URL path', 'see https://wiki.lab.org/@ana'],
    ['a bare @', 'meet @ 10:00'],
    ['an @ followed by punctuation only', 'hey @... ok'],
  ])('ignores %s', (_name, text) => {
    expect(parseMentions(text, people)).toEqual({ mentions: [], personIds: [], unresolved: [] });
  });

  it('finds mentions at line starts and in brackets', () => {
    expect(parseMentions('(@ana)\n@jo: done', people).personIds).toEqual(['u-ana', 'u-jo']);
  });
});

describe('suggesting people while typing', () => {
  it('matches handle, email and name prefixes, handles first', () => {
    expect(suggestMentions('an', people).map((p) => p.id)).toEqual(['u-ana']);
    expect(suggestMentions('be', people).map((p) => p.id)).toEqual(['u-ben', 'u-ben2']);
    expect(suggestMentions('sto', people).map((p) => p.id)).toEqual(['u-ben2']);
    expect(suggestMentions('j', people, 1).map((p) => p.id)).toEqual(['u-jo']);
    expect(suggestMentions('zz', people)).toEqual([]);
  });
});
