import { Text } from '@react-pdf/renderer';
import { DocumentFrame } from '../components/DocumentFrame';
import { documentStyles as s } from '../components/document-styles';
import { FieldList } from '../components/FieldList';
import { SignatureBlock } from '../components/SignatureBlock';
import type { DocumentTemplate } from '../document-template';

/** Any record (and any task or project), printed: its number, title and status, every field, and its signatures. */
export const recordSummaryTemplate: DocumentTemplate = {
  id: 'record_summary',
  label: 'Summary',
  prints: { subjectTypes: ['records', 'tasks', 'projects'] },
  fileName: (data) => `${[data.subject.number, data.subject.kindLabel, data.subject.title].filter(Boolean).join(' ')}.pdf`,
  render: (data) => (
    <DocumentFrame data={data} title={`${data.subject.kindLabel}${data.subject.number ? ` ${data.subject.number}` : ''}`} subtitle={`${data.subject.title} · ${data.subject.statusLabel}`}>
      <Text style={s.sectionTitle}>Details</Text>
      <FieldList fields={data.subject.fields} />
      <SignatureBlock signatures={data.signatures} timeZone={data.timeZone} />
    </DocumentFrame>
  ),
};
