import { Alert, Box, LinearProgress, Typography } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { fileErrorOf } from './file-urls';

/**
 * A PDF shown in the app with pdf.js, page by page on canvases: the same in serve mode's browser and
 * the desktop window (no plugin, nothing evaluated), so the CSP stays strict. The host checks the
 * file's hash before sending it; a damaged file arrives as an error, which is shown instead.
 */
export function PdfPreview({ url, title }: { url: string; title: string }) {
  const container = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<{ pages: number; error: string | null; isLoading: boolean }>({ pages: 0, error: null, isLoading: true });

  useEffect(() => {
    let isCurrent = true;
    const holder = container.current;
    void (async () => {
      try {
        const response = await fetch(url);
        if (!response.ok) throw new Error(await fileErrorOf(response));
        const bytes = new Uint8Array(await response.arrayBuffer());
        const pdfjs = await import('pdfjs-dist');
        const worker = (await import('pdfjs-dist/build/pdf.worker.min.mjs?url')).default;
        pdfjs.GlobalWorkerOptions.workerSrc = worker;
        const pdf = await pdfjs.getDocument({ data: bytes, isEvalSupported: false }).promise;
        if (!isCurrent || !holder) return;
        holder.replaceChildren();
        for (let n = 1; n <= pdf.numPages; n++) {
          const page = await pdf.getPage(n);
          const viewport = page.getViewport({ scale: 1.3 });
          const canvas = document.createElement('canvas');
          canvas.width = viewport.width;
          canvas.height = viewport.height;
          canvas.setAttribute('aria-label', `${title}, page ${n} of ${pdf.numPages}`);
          canvas.style.maxWidth = '100%';
          canvas.style.boxShadow = '0 1px 4px rgba(0,0,0,0.3)';
          canvas.style.marginBottom = '12px';
          if (!isCurrent) return;
          holder.appendChild(canvas);
          await page.render({ canvas, canvasContext: canvas.getContext('2d')!, viewport }).promise;
        }
        if (isCurrent) setState({ pages: pdf.numPages, error: null, isLoading: false });
      } catch (error) {
        if (isCurrent) setState({ pages: 0, error: error instanceof Error ? error.message : String(error), isLoading: false });
      }
    })();
    return () => {
      isCurrent = false;
    };
  }, [url, title]);

  return (
    <Box>
      {state.isLoading && <LinearProgress aria-label="Loading the PDF" />}
      {state.error && <Alert severity="error">{state.error}</Alert>}
      {state.pages > 0 && <Typography variant="caption" color="text.secondary" data-testid="pdf-pages">{state.pages === 1 ? '1 page' : `${state.pages} pages`}</Typography>}
      <Box ref={container} data-testid="pdf-canvas" sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center', mt: 1 }} />
    </Box>
  );
}
