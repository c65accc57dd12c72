import { Text, View } from '@react-pdf/renderer';
import type { ReactNode } from 'react';
import { documentStyles as s } from './document-styles';

export interface TableColumn {
  title: string;
  width: string;
  isRight?: boolean;
}

/** A plain table: a header repeated on each page, rows kept whole, numbers right-aligned. */
export function DocumentTable({ columns, rows }: { columns: readonly TableColumn[]; rows: readonly (readonly ReactNode[])[] }) {
  const cell = (column: TableColumn | undefined) => ({ width: column?.width ?? '10%', paddingRight: 4, textAlign: column?.isRight ? ('right' as const) : ('left' as const) });
  return (
    <View>
      <View style={[s.fieldRow, { borderBottomWidth: 1, borderBottomColor: '#9aa0a6' }]} fixed>
        {columns.map((c) => (
          <Text key={c.title} style={[cell(c), { fontWeight: 'bold' }]}>{c.title}</Text>
        ))}
      </View>
      {rows.map((row, i) => (
        <View key={i} style={s.fieldRow} wrap={false}>
          {row.map((value, j) => (
            <Text key={j} style={cell(columns[j])}>{value}</Text>
          ))}
        </View>
      ))}
    </View>
  );
}
