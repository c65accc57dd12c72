import { StyleSheet } from '@react-pdf/renderer';
import { DOCUMENT_FONT } from '../pdf-fonts';

/** The one look of generated documents: A4, 10 pt DejaVu Sans, a quiet grey for labels. */
export const documentStyles = StyleSheet.create({
  page: { fontFamily: DOCUMENT_FONT, fontSize: 10, paddingTop: 36, paddingBottom: 56, paddingHorizontal: 42, color: '#1d1d1f' },
  letterhead: { flexDirection: 'row', alignItems: 'flex-start', borderBottomWidth: 1, borderBottomColor: '#9aa0a6', paddingBottom: 8, marginBottom: 16 },
  logo: { width: 64, height: 48, objectFit: 'contain', marginRight: 12 },
  organisationName: { fontSize: 14, fontWeight: 'bold' },
  muted: { color: '#5f6368', fontSize: 8.5 },
  title: { fontSize: 16, fontWeight: 'bold', marginBottom: 2 },
  subtitle: { fontSize: 10, color: '#5f6368', marginBottom: 14 },
  draftNote: { fontSize: 9, color: '#b3261e', borderWidth: 0.75, borderColor: '#b3261e', padding: 6, marginBottom: 12 },
  sectionTitle: { fontSize: 11, fontWeight: 'bold', marginTop: 14, marginBottom: 6 },
  fieldRow: { flexDirection: 'row', borderBottomWidth: 0.5, borderBottomColor: '#e0e0e0', paddingVertical: 3 },
  fieldLabel: { width: '32%', color: '#5f6368' },
  fieldValue: { width: '68%', lineHeight: 1.35 },
  paragraph: { marginBottom: 8, lineHeight: 1.35 },
  signatureBox: { borderWidth: 0.75, borderColor: '#9aa0a6', padding: 8, marginBottom: 6 },
  footerLeft: { position: 'absolute', bottom: 24, left: 42, fontSize: 8, color: '#5f6368' },
  // A width of its own: the page number is known only after layout. No line height anywhere above it
  // (the page): react-pdf 4.9 then drops such text (found by the PDF text tests).
  footerRight: { position: 'absolute', bottom: 24, right: 42, width: 120, textAlign: 'right', fontSize: 8, color: '#5f6368' },
});
