import { Document, Page, Text, View } from '@react-pdf/renderer';
import { stageLabels, type EquipmentLifecycleEvent } from '../../../src-shared/equipment/lifecycle-event';
import { Field, Footer, LetterheadBlock, styles, when, type Letterhead } from './pdf-parts';

export interface HistoryCardProps {
  letterhead: Letterhead;
  label: string;
  details: { label: string; value: string }[];
  events: readonly EquipmentLifecycleEvent[];
  /** Who printed it and when, and the fingerprint of the events printed. */
  issued: string;
}

/** Helvetica (WinAnsi) has no arrow: status changes print with a guillemet. */
const printable = (text: string) => text.replace(/→/g, '»');

/**
 * The instrument's history card: its identity, then every lifecycle event in order with who did it
 * and, where a step was signed, the electronic signatures (name, meaning, time).
 */
export function HistoryCardDocument({ letterhead, label, details, events, issued }: HistoryCardProps) {
  return (
    <Document title={`History card ${label}`} author={letterhead.organisation}>
      <Page size="A4" style={styles.page}>
        <LetterheadBlock letterhead={letterhead} />
        <Text style={styles.title}>History card</Text>
        <Text style={styles.subtitle}>{label}</Text>
        {details.map((d) => (
          <Field key={d.label} label={d.label} value={d.value} />
        ))}
        <Text style={styles.section}>Lifecycle ({events.length} events)</Text>
        {events.map((e) => (
          <View key={e.id} style={styles.tableRow} wrap={false}>
            <Text style={[styles.cell, { width: '18%' }]}>{when(e.at)}</Text>
            <Text style={[styles.cell, { width: '14%', color: '#555' }]}>{stageLabels[e.stage]}</Text>
            <View style={{ width: '68%' }}>
              <Text>{printable(e.title)}{e.by ? ` — ${e.by}` : ''}</Text>
              {e.detail ? <Text style={{ color: '#555' }}>{printable(e.detail)}</Text> : null}
              {(e.signatures ?? []).map((s) => (
                <Text key={`${s.meaning}${s.at}`} style={{ color: '#1f5fa8' }}>Signed: {s.meaning} {s.name}, {when(s.at)}</Text>
              ))}
            </View>
          </View>
        ))}
        <Footer issued={issued} />
      </Page>
    </Document>
  );
}
