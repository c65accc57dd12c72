import { StyleSheet, Text, View } from '@react-pdf/renderer';
import { formatDocumentDay } from '../../../src-shared/documents/signature-lines';
import { attendanceLabels, describeWhen, roleLabels } from '../../../src-shared/meetings/meeting-labels';
import type { MinutesVersion, Signoff } from '../../../src-shared/meetings/meeting-model';
import { DocumentFrame } from '../components/DocumentFrame';
import { documentStyles as s } from '../components/document-styles';
import type { DocumentTemplate } from '../document-template';

/**
 * The minutes of a meeting: one published version exactly as it was published (names, times and
 * texts frozen in its snapshot), with the sign-offs made on that version, in the shared frame
 * (letterhead, font, "Page n of m"). Made per version, because it prints the snapshot rather than the
 * meeting as it stands: the meeting page offers each version's PDF, and publishing emails it, so it
 * is not in the Print list of documentTemplates.
 */

const minutesStyles = StyleSheet.create({
  row: { flexDirection: 'row', borderBottomWidth: 0.5, borderBottomColor: '#e0e0e0', paddingVertical: 3 },
  wide: { flexGrow: 1, flexBasis: 0 },
  narrow: { width: 110 },
  item: { marginBottom: 8 },
  itemTitle: { fontWeight: 'bold' },
});
const m = minutesStyles;

/** A file name people recognise: "Minutes 2026-03-16 Weekly QA meeting v1.pdf". */
export const minutesFilename = (version: MinutesVersion): string =>
  `Minutes ${version.snapshot.startsAt.slice(0, 10)} ${version.snapshot.title}`.replace(/[^\w .()-]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 100) + ` v${version.version}.pdf`;

function MinutesBody({ version, signoffs }: { version: MinutesVersion; signoffs: readonly Signoff[] }) {
  const snap = version.snapshot;
  const when = (iso: string) => describeWhen(iso, snap.timeZone);
  return (
    <>
      <Text style={s.paragraph}>
        Version {version.version}, published by {version.publishedByName} on {when(version.publishedAt)}
        {version.changeNote ? `. What changed: ${version.changeNote}` : ''}
      </Text>

      <Text style={s.sectionTitle}>Attendance</Text>
      {snap.attendees.map((a, i) => (
        <View key={i} style={m.row}>
          <Text style={m.wide}>{a.name}</Text>
          <Text style={m.narrow}>{roleLabels[a.role]}</Text>
          <Text style={m.narrow}>{attendanceLabels[a.attendance]}</Text>
        </View>
      ))}

      {snap.summary ? (
        <>
          <Text style={s.sectionTitle}>Summary</Text>
          <Text style={s.paragraph}>{snap.summary}</Text>
        </>
      ) : null}

      <Text style={s.sectionTitle}>Agenda and notes</Text>
      {snap.agenda.length === 0 ? <Text style={s.muted}>No agenda.</Text> : null}
      {snap.agenda.map((item, i) => (
        <View key={i} style={m.item} wrap={false}>
          <Text style={m.itemTitle}>
            {i + 1}. {item.title}
            {item.presenterName ? ` (${item.presenterName})` : ''}
            {item.minutes ? ` · ${item.minutes} min` : ''}
          </Text>
          <Text>{item.notes || '—'}</Text>
          {item.fileNames?.length ? <Text style={s.muted}>Files: {item.fileNames.join(', ')}</Text> : null}
        </View>
      ))}

      <Text style={s.sectionTitle}>Decisions</Text>
      {snap.decisions.length === 0 ? <Text style={s.muted}>No decisions recorded.</Text> : snap.decisions.map((d, i) => <Text key={i} style={s.paragraph}>• {d}</Text>)}

      <Text style={s.sectionTitle}>Action items</Text>
      {snap.actionItems.length === 0 ? <Text style={s.muted}>No action items.</Text> : null}
      {snap.actionItems.map((a, i) => (
        <View key={i} style={m.row}>
          <Text style={m.wide}>{a.description}</Text>
          <Text style={m.narrow}>{a.ownerName}</Text>
          <Text style={m.narrow}>{a.dueDate ? `Due ${formatDocumentDay(a.dueDate)}` : 'No due date'}</Text>
        </View>
      ))}

      <Text style={s.sectionTitle}>Sign-off</Text>
      {signoffs.length === 0 ? <Text style={s.muted}>Not signed off.</Text> : null}
      {signoffs.map((signoff, i) => (
        <View key={i} style={s.signatureBox} wrap={false}>
          <Text>
            {signoff.name} — {signoff.meaning === 'approved' ? 'Approved' : 'Reviewed'} — signed electronically on {when(signoff.signedAt)}
          </Text>
        </View>
      ))}
    </>
  );
}

/** The template printing `version` of the minutes and the sign-offs on it. */
export function meetingMinutesTemplate(version: MinutesVersion, signoffs: readonly Signoff[]): DocumentTemplate {
  const own = signoffs.filter((signoff) => signoff.version === version.version);
  const snap = version.snapshot;
  return {
    id: 'meeting_minutes',
    label: 'Minutes',
    prints: { subjectTypes: ['meetings'] },
    fileName: () => minutesFilename(version),
    render: (data) => (
      <DocumentFrame
        data={data}
        title={`Minutes: ${snap.title}`}
        subtitle={`${describeWhen(snap.startsAt, snap.timeZone, snap.endsAt)}${snap.place ? ` · ${snap.place}` : ''} · Organiser: ${snap.organiserName}`}
      >
        <MinutesBody version={version} signoffs={own} />
      </DocumentFrame>
    ),
  };
}
