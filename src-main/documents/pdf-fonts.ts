import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Font } from '@react-pdf/renderer';
import { woffToSfnt } from './woff-to-sfnt';

/**
 * The one font of generated documents: DejaVu Sans (SIL Open Font License, from
 * @fontsource/dejavu-sans), embedded and subset by the renderer. PDF's built-in Helvetica knows only
 * Western European letters; names like Łukasz, Dvořák or Παπαδόπουλος must print as written.
 */
export const DOCUMENT_FONT = 'DejaVu Sans';

let isRegistered = false;

export function registerDocumentFonts(): void {
  if (isRegistered) return;
  const require = createRequire(import.meta.url);
  // Unpacked to TrueType once, handed over as data (see woff-to-sfnt.ts for why).
  const file = (name: string) => `data:font/ttf;base64,${woffToSfnt(readFileSync(require.resolve(`@fontsource/dejavu-sans/files/${name}`))).toString('base64')}`;
  Font.register({
    family: DOCUMENT_FONT,
    fonts: [
      { src: file('dejavu-sans-latin-400-normal.woff') },
      { src: file('dejavu-sans-latin-700-normal.woff'), fontWeight: 'bold' },
      { src: file('dejavu-sans-latin-400-italic.woff'), fontStyle: 'italic' },
    ],
  });
  // Words are not split with hyphens that nobody wrote (serial numbers, names).
  Font.registerHyphenationCallback((word) => [word]);
  isRegistered = true;
}
