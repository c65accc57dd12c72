import { useState } from 'react';
import type { AppError } from '../../src-shared/core/result';
import { useBridge } from '../bridge/BridgeProvider';

/** Downloads a document the host renders (RFQ, purchase order, history card) as a PDF file. */
export function useDocumentDownload() {
  const client = useBridge();
  const [error, setError] = useState<AppError | undefined>(undefined);
  const [isRunning, setIsRunning] = useState(false);
  const download = (kind: 'rfq' | 'purchase_order' | 'history_card', id: string) => {
    setIsRunning(true);
    setError(undefined);
    const stop = client.subscribe('equipment/document', { kind, id }, (result) => {
      // One answer is all a download needs.
      queueMicrotask(stop);
      setIsRunning(false);
      if (!result.ok) return setError(result.error);
      const bytes = Uint8Array.from(atob(result.value.base64), (c) => c.charCodeAt(0));
      const url = URL.createObjectURL(new Blob([bytes], { type: result.value.contentType }));
      const link = document.createElement('a');
      link.href = url;
      link.download = result.value.fileName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    });
  };
  return { download, error, isRunning };
}
