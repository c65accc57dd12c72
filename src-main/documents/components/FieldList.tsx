import { Text, View } from '@react-pdf/renderer';
import type { DocumentField } from '../document-template';
import { documentStyles as s } from './document-styles';

/** Label and value rows; empty values print as a dash so a gap is visibly a gap. */
export function FieldList({ fields }: { fields: readonly DocumentField[] }) {
  return (
    <View>
      {fields.map((f) => (
        <View key={f.label} style={s.fieldRow} wrap={false}>
          <Text style={s.fieldLabel}>{f.label}</Text>
          <Text style={s.fieldValue}>{f.value || '—'}</Text>
        </View>
      ))}
    </View>
  );
}
