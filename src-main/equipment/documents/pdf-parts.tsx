import { StyleSheet, Text, View } from '@react-pdf/renderer';
import type { ReactNode } from 'react';
import { dayText } from '../../../src-shared/equipment/day-text';

/**
 * The pieces every equipment document shares: the letterhead, a title block, label–value rows, a
 * simple table and the footer with who issued it and when. Plain @react-pdf/renderer components
 * (Helvetica, A4); the shared document mechanism of the files work will replace the letterhead.
 */
export const styles = StyleSheet.create({
  page: { padding: 40, fontSize: 9, fontFamily: 'Helvetica', color: '#1d2330' },
  letterhead: { borderBottomWidth: 2, borderBottomColor: '#1f5fa8', paddingBottom: 6, marginBottom: 14, flexDirection: 'row', justifyContent: 'space-between' },
  organisation: { fontSize: 14, fontFamily: 'Helvetica-Bold', color: '#1f5fa8' },
  contact: { fontSize: 8, color: '#555', textAlign: 'right' },
  title: { fontSize: 16, fontFamily: 'Helvetica-Bold', marginBottom: 2 },
  subtitle: { fontSize: 10, color: '#444', marginBottom: 12 },
  section: { marginTop: 10, marginBottom: 4, fontSize: 11, fontFamily: 'Helvetica-Bold' },
  row: { flexDirection: 'row', marginBottom: 2 },
  label: { width: 120, color: '#555' },
  value: { flex: 1 },
  paragraph: { marginBottom: 6, lineHeight: 1.35 },
  tableHeader: { flexDirection: 'row', borderBottomWidth: 1, borderBottomColor: '#999', paddingBottom: 2, marginTop: 4, fontFamily: 'Helvetica-Bold' },
  tableRow: { flexDirection: 'row', borderBottomWidth: 0.5, borderBottomColor: '#ddd', paddingVertical: 2 },
  cell: { paddingRight: 4 },
  right: { textAlign: 'right' },
  footer: { position: 'absolute', bottom: 24, left: 40, right: 40, fontSize: 7, color: '#777', flexDirection: 'row', justifyContent: 'space-between' },
});

export interface Letterhead {
  organisation: string;
  contact: string;
}

export function LetterheadBlock({ letterhead }: { letterhead: Letterhead }) {
  return (
    <View style={styles.letterhead} fixed>
      <Text style={styles.organisation}>{letterhead.organisation}</Text>
      <Text style={styles.contact}>{letterhead.contact}</Text>
    </View>
  );
}

export function Field({ label, value }: { label: string; value: string }) {
  return (
    <View style={styles.row}>
      <Text style={styles.label}>{label}</Text>
      <Text style={styles.value}>{value || '—'}</Text>
    </View>
  );
}

export interface Column {
  title: string;
  width: number | string;
  isRight?: boolean;
}

export function Table({ columns, rows }: { columns: readonly Column[]; rows: readonly (readonly ReactNode[])[] }) {
  return (
    <View>
      <View style={styles.tableHeader} fixed>
        {columns.map((c) => (
          <Text key={c.title} style={[styles.cell, { width: c.width }, c.isRight ? styles.right : {}]}>{c.title}</Text>
        ))}
      </View>
      {rows.map((row, i) => (
        <View key={i} style={styles.tableRow} wrap={false}>
          {row.map((value, j) => (
            <Text key={j} style={[styles.cell, { width: columns[j]?.width ?? 50 }, columns[j]?.isRight ? styles.right : {}]}>{value}</Text>
          ))}
        </View>
      ))}
    </View>
  );
}

export function Footer({ issued }: { issued: string }) {
  return (
    <View style={styles.footer} fixed>
      <Text>{issued}</Text>
      <Text render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
    </View>
  );
}

/** "Mar 5, 2026, 14:20 UTC" for an ISO instant, "Mar 5, 2026" for a day: days as the app shows them. */
export const when = (iso: string): string => (iso.length > 10 ? `${dayText(iso)}, ${iso.slice(11, 16)} UTC` : dayText(iso));
