import { Text, View } from '@react-pdf/renderer';
import { formatDocumentTime } from '../../../src-shared/documents/signature-lines';
import { equipmentCategories, type EquipmentData } from '../../../src-shared/equipment/equipment-kind';
import { locationLine } from '../../../src-shared/equipment/equipment-facts';
import { stageLabels } from '../../../src-shared/equipment/lifecycle-event';
import { loadHistoryCardExtra } from '../../equipment/documents/document-extras';
import { DocumentFrame } from '../components/DocumentFrame';
import { documentStyles as s } from '../components/document-styles';
import { FieldList } from '../components/FieldList';
import { withLoadedData } from '../document-template';

/**
 * The instrument's history card: its identity, then every lifecycle event in order with who did it
 * and, where a step was signed, the electronic signatures (name, meaning, time), and the
 * fingerprint of the events printed.
 */
export const equipmentHistoryCardTemplate = withLoadedData({
  id: 'equipment_history_card',
  label: 'History card',
  prints: { recordKinds: ['equipment'] },
  fileName: (data) => `History-card-${(data.subject.number || 'draft').replace(/[^A-Za-z0-9-]/g, '_')}.pdf`,
  load: loadHistoryCardExtra,
  render: (data, extra) => {
    const instrument = (data.subject.record?.data ?? {}) as EquipmentData;
    const when = (iso: string) => formatDocumentTime(iso, data.timeZone);
    return (
      <DocumentFrame data={data} title="History card" subtitle={`${data.subject.number} ${instrument.name ?? ''} · fingerprint ${extra.fingerprint}`.trim()}>
        <FieldList
          fields={[
            { label: 'Status', value: data.subject.statusLabel },
            { label: 'Category', value: equipmentCategories.find((c) => c.value === instrument.category)?.label ?? instrument.category ?? '' },
            { label: 'Manufacturer / model', value: [instrument.manufacturer, instrument.model].filter(Boolean).join(' ') },
            { label: 'Serial number', value: instrument.serialNumber ?? '' },
            { label: 'Location', value: locationLine(instrument.location) },
            { label: 'Custodian', value: extra.custodianName },
            { label: 'GxP impact', value: instrument.isGxpCritical ? 'Yes' : 'No' },
          ]}
        />
        <Text style={s.sectionTitle}>Lifecycle ({extra.events.length} events)</Text>
        {extra.events.map((e) => (
          <View key={e.id} style={s.fieldRow} wrap={false}>
            <Text style={{ width: '22%', paddingRight: 4 }}>{when(e.at)}</Text>
            <Text style={{ width: '14%', paddingRight: 4, color: '#5f6368' }}>{stageLabels[e.stage]}</Text>
            <View style={{ width: '64%' }}>
              <Text>{e.title}{e.by ? ` — ${e.by}` : ''}</Text>
              {e.detail ? <Text style={s.muted}>{e.detail}</Text> : null}
              {(e.signatures ?? []).map((sig) => (
                <Text key={`${sig.meaning}${sig.at}`} style={{ color: '#1f5fa8' }}>Signed: {sig.meaning} {sig.name}, {when(sig.at)}</Text>
              ))}
            </View>
          </View>
        ))}
      </DocumentFrame>
    );
  },
});
