import { Document, Page, StyleSheet, Text, View, renderToBuffer } from '@react-pdf/renderer';
import { attendanceLabels, describeWhen, roleLabels } from '../../src-shared/meetings/meeting-labels';
import type { MinutesVersion, Signoff } from '../../src-shared/meetings/meeting-model';

/**
 * The minutes of a meeting as a PDF: one published version, frozen as it was published, with the
 * sign-offs made on that version. Rendered in the host from React components (@react-pdf/renderer);
 * the lead aligns it with the shared document template (letterhead) when the files feature lands.
 */

const styles = StyleSheet.create({
  page: { padding: 40, fontSize: 10, fontFamily: 'Helvetica', lineHeight: 1.4 },
  title: { fontSize: 18, fontFamily: 'Helvetica-Bold', marginBottom: 4 },
  subtitle: { fontSize: 10, color: '#555', marginBottom: 12 },
  heading: { fontSize: 12, fontFamily: 'Helvetica-Bold', marginTop: 14, marginBottom: 6 },
  row: { flexDirection: 'row', borderBottomWidth: 0.5, borderBottomColor: '#ccc', paddingVertical: 3 },
  cell: { flex: 1 },
  narrow: { width: 90 },
  item: { marginBottom: 8 },
  itemTitle: { fontFamily: 'Helvetica-Bold' },
  muted: { color: '#666' },
  footer: { position: 'absolute', bottom: 24, left: 40, right: 40, fontSize: 8, color: '#888', flexDirection: 'row', justifyContent: 'space-between' },
});

const signedAt = (iso: string, timeZone: string) => describeWhen(iso, timeZone);

function MinutesDocument({ version, signoffs }: { version: MinutesVersion; signoffs: readonly Signoff[] }) {
  const s = version.snapshot;
  return (
    <Document title={`Minutes: ${s.title}`} author={version.publishedByName} creator="LabFlow" producer="LabFlow">
      <Page size="A4" style={styles.page}>
        <Text style={styles.title}>Minutes: {s.title}</Text>
        <Text style={styles.subtitle}>
          {describeWhen(s.startsAt, s.timeZone, s.endsAt)}
          {s.place ? ` · ${s.place}` : ''} · Organiser: {s.organiserName}
        </Text>
        <Text style={styles.muted}>
          Version {version.version}, published by {version.publishedByName} on {signedAt(version.publishedAt, s.timeZone)}
          {version.changeNote ? `. What changed: ${version.changeNote}` : ''}
        </Text>

        <Text style={styles.heading}>Attendance</Text>
        {s.attendees.map((a, i) => (
          <View key={i} style={styles.row}>
            <Text style={styles.cell}>{a.name}</Text>
            <Text style={styles.narrow}>{roleLabels[a.role]}</Text>
            <Text style={styles.narrow}>{attendanceLabels[a.attendance]}</Text>
          </View>
        ))}

        {s.summary ? (
          <>
            <Text style={styles.heading}>Summary</Text>
            <Text>{s.summary}</Text>
          </>
        ) : null}

        <Text style={styles.heading}>Agenda and notes</Text>
        {s.agenda.length === 0 ? <Text style={styles.muted}>No agenda.</Text> : null}
        {s.agenda.map((item, i) => (
          <View key={i} style={styles.item} wrap={false}>
            <Text style={styles.itemTitle}>
              {i + 1}. {item.title}
              {item.presenterName ? ` (${item.presenterName})` : ''}
              {item.minutes ? ` · ${item.minutes} min` : ''}
            </Text>
            <Text>{item.notes || '—'}</Text>
          </View>
        ))}

        <Text style={styles.heading}>Decisions</Text>
        {s.decisions.length === 0 ? <Text style={styles.muted}>No decisions recorded.</Text> : s.decisions.map((d, i) => <Text key={i}>• {d}</Text>)}

        <Text style={styles.heading}>Action items</Text>
        {s.actionItems.length === 0 ? <Text style={styles.muted}>No action items.</Text> : null}
        {s.actionItems.map((a, i) => (
          <View key={i} style={styles.row}>
            <Text style={styles.cell}>{a.description}</Text>
            <Text style={styles.narrow}>{a.ownerName}</Text>
            <Text style={styles.narrow}>{a.dueDate ? `Due ${a.dueDate}` : 'No due date'}</Text>
          </View>
        ))}

        <Text style={styles.heading}>Sign-off</Text>
        {signoffs.length === 0 ? <Text style={styles.muted}>Not signed off.</Text> : null}
        {signoffs.map((signoff, i) => (
          <Text key={i}>
            {signoff.name} — {signoff.meaning === 'approved' ? 'Approved' : 'Reviewed'} — signed electronically on {signedAt(signoff.signedAt, s.timeZone)}
          </Text>
        ))}

        <View style={styles.footer} fixed>
          <Text>LabFlow · Minutes version {version.version}</Text>
          <Text render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
        </View>
      </Page>
    </Document>
  );
}

/** The PDF of one published version and the signatures on it. */
export async function renderMinutesPdf(version: MinutesVersion, signoffs: readonly Signoff[]): Promise<Buffer> {
  return renderToBuffer(<MinutesDocument version={version} signoffs={signoffs.filter((s) => s.version === version.version)} />);
}

/** A file name people recognise: "Minutes 2026-03-16 Weekly QA meeting v1.pdf". */
export const minutesFilename = (version: MinutesVersion): string =>
  `Minutes ${version.snapshot.startsAt.slice(0, 10)} ${version.snapshot.title}`.replace(/[^\w .()-]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 100) + ` v${version.version}.pdf`;
