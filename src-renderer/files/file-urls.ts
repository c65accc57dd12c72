import { useEffect, useState } from 'react';
import { useBridge, useLiveQuery } from '../bridge/BridgeProvider';

/**
 * The host's file routes as the page reaches them: same origin in serve mode (http://127.0.0.1:…),
 * app://labflow on the desktop. The key comes from `files/access` and works while this window's
 * sign-in lasts (src-main/files/file-access.ts).
 */
export function useFileKey(): string | null {
  const client = useBridge();
  const auth = useLiveQuery('auth/status', {});
  const personId = auth.data?.session?.person.id ?? null;
  const [key, setKey] = useState<string | null>(null);
  useEffect(() => {
    setKey(null);
    if (!personId) return;
    let isCurrent = true;
    void client.call('files/access', {}).then((result) => {
      if (isCurrent && result.ok) setKey(result.value.key);
    });
    return () => {
      isCurrent = false;
    };
  }, [client, personId]);
  return key;
}

export function fileUrl(path: string, key: string, isDownload = false): string {
  const url = new URL(path, window.location.href);
  url.search = '';
  url.searchParams.set('key', key);
  if (isDownload) url.searchParams.set('download', '1');
  return url.toString();
}

export const attachmentUrl = (id: string, key: string, isDownload = false) => fileUrl(`/files/attachments/${encodeURIComponent(id)}`, key, isDownload);
export const draftUrl = (id: string, key: string, isDownload = false) => fileUrl(`/files/documents/${encodeURIComponent(id)}`, key, isDownload);

/** Saves a file at `url` (one the host serves, or an object URL) through the browser's or the desktop's download. */
export function saveFromHost(url: string, name: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
}

/** The host's error for a file that could not be served (damaged, not here yet), in its own words. */
export async function fileErrorOf(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { message?: string } };
    if (body.error?.message) return body.error.message;
  } catch {
    // not JSON
  }
  return `The file could not be opened (${response.status}).`;
}
