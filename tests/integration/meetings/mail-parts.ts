/** Reads the MIME parts of a raw email as the SMTP receiver got it (what a mail client would show). */
export interface MailPart {
  headers: string;
  contentType: string;
  body: string;
}

/** Every leaf part, with its body decoded from base64 or quoted-printable. */
export function mailParts(raw: string): MailPart[] {
  const parts: MailPart[] = [];
  const walk = (text: string) => {
    const split = text.indexOf('\r\n\r\n');
    const headers = split < 0 ? text : text.slice(0, split);
    const body = split < 0 ? '' : text.slice(split + 4);
    const unfolded = headers.replace(/\r\n[ \t]+/g, ' ');
    const contentType = /^content-type:\s*([^\r\n]+)/im.exec(unfolded)?.[1] ?? 'text/plain';
    const boundary = /boundary="?([^";\r\n]+)"?/i.exec(contentType)?.[1];
    if (boundary) {
      for (const chunk of body.split(`--${boundary}`).slice(1)) if (!chunk.startsWith('--')) walk(chunk.replace(/^\r\n/, ''));
      return;
    }
    const encoding = /^content-transfer-encoding:\s*(\S+)/im.exec(unfolded)?.[1]?.toLowerCase();
    const decoded =
      encoding === 'base64'
        ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('latin1')
        : encoding === 'quoted-printable'
          ? Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('latin1')
          : body;
    parts.push({ headers: unfolded, contentType, body: decoded });
  };
  walk(raw);
  return parts;
}

/** A text part's body as UTF-8. */
export const utf8 = (part: MailPart | undefined): string => Buffer.from(part?.body ?? '', 'latin1').toString('utf8');
