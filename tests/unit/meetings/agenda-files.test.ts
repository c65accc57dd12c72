import { describe, expect, it } from 'vitest';
import { checkAgendaFiles, fileSubjectsOf, filesOfItem, type MeetingFile } from '../../../src-shared/meetings/agenda-files';
import { minutesSnapshot } from '../../../src-shared/meetings/minutes';
import { bob, meeting, people } from './fixtures';

const files = new Map<string, MeetingFile>([
  ['F-OWN', { id: 'F-OWN', name: 'Slides.pdf', subjectId: 'M-1' }],
  ['F-SERIES', { id: 'F-SERIES', name: 'Standing SOP.pdf', subjectId: 'S-1' }],
  ['F-OTHER', { id: 'F-OTHER', name: 'Budget.xlsx', subjectId: 'M-2' }],
]);
const subjects = fileSubjectsOf({ id: 'M-1', seriesId: 'S-1' });

describe('files on agenda items', () => {
  it('an item of an occurrence may name files of the occurrence and of its series', () => {
    expect(subjects).toEqual(['M-1', 'S-1']);
    expect(fileSubjectsOf({ id: 'M-3', seriesId: '' })).toEqual(['M-3']);
    expect(checkAgendaFiles(['F-OWN', 'F-SERIES'], files, subjects)).toEqual({ ok: true, value: ['F-OWN', 'F-SERIES'] });
  });

  it('refuses files of another meeting, unknown or removed ones, and a file named twice', () => {
    for (const ids of [['F-OTHER'], ['F-GONE'], ['F-OWN', 'F-OWN']]) {
      expect(checkAgendaFiles(ids, files, subjects)).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'attachmentIds' } });
    }
  });

  it('lets an item keep a file it already named after the file was removed, and then shows it no more', () => {
    expect(checkAgendaFiles(['F-GONE', 'F-OWN'], files, subjects, ['F-GONE'])).toMatchObject({ ok: true });
    expect(filesOfItem({ attachmentIds: ['F-GONE', 'F-OWN', 'F-OTHER'] }, new Map([...files].filter(([id]) => id !== 'F-OTHER')))).toEqual([{ id: 'F-OWN', name: 'Slides.pdf' }]);
  });

  it('publishes the names of an item’s live files with the minutes, and nothing for items without files', () => {
    const doc = meeting({
      data: {
        agenda: [
          { id: 'I1', title: 'Deviations', presenterId: bob.id, minutes: 20, notes: '', linkedTaskIds: [], linkedRecordIds: [], attachmentIds: ['F-OWN', 'F-GONE'] },
          { id: 'I2', title: 'Other business', minutes: 5, notes: '', linkedTaskIds: [], linkedRecordIds: [], attachmentIds: [] },
        ],
      },
    });
    const names = { person: (id: string) => people.find((p) => p.id === id)?.name ?? 'Unknown', room: () => undefined, file: (id: string) => files.get(id)?.name };
    const snapshot = minutesSnapshot(doc, names);
    expect(snapshot.agenda[0]?.fileNames).toEqual(['Slides.pdf']);
    expect(snapshot.agenda[1]).not.toHaveProperty('fileNames');
  });
});
