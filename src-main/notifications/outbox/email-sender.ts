import { createTransport } from 'nodemailer';
import type { EmailDelivery } from '../../../src-shared/notifications/notification-model';
import type { TlsMode } from '../../../src-shared/notifications/notification-views';
import { describeError, type SendOutcome } from './send-outcome';

export interface SmtpConfig {
  host: string;
  port: number;
  tlsMode: TlsMode;
  user: string;
  password?: string;
  from: string;
  fromName: string;
}

interface SmtpError {
  code?: string;
  responseCode?: number;
  response?: string;
  message?: string;
}

/** Why a send failed, in words an administrator can act on; recipients the server refuses outright are permanent. */
export function describeSmtpError(error: unknown, config: Pick<SmtpConfig, 'host' | 'port'>): SendOutcome {
  const e = (error ?? {}) as SmtpError;
  const where = `${config.host}:${config.port}`;
  const server = e.response ? ` The server said: ${e.response}` : '';
  if (e.code === 'EAUTH') return { isOk: false, detail: `The SMTP server ${where} refused the user name or password.${server}` };
  if (e.code === 'EENVELOPE') return { isOk: false, detail: `The SMTP server refused the recipient.${server}`, isPermanent: (e.responseCode ?? 0) >= 500 };
  if (e.code === 'ETIMEDOUT') return { isOk: false, detail: `No answer from the SMTP server ${where} in time.` };
  if (e.code === 'ESOCKET' || e.code === 'ECONNECTION' || e.code === 'EDNS') {
    return { isOk: false, detail: `Could not connect to the SMTP server ${where}: ${describeError(error)}` };
  }
  if (e.code === 'ETLS') return { isOk: false, detail: `The TLS handshake with ${where} failed; check the TLS mode and port. ${describeError(error)}` };
  return { isOk: false, detail: `Sending through ${where} failed: ${describeError(error)}` };
}

/**
 * Sends one email over SMTP. TLS modes: `tls` (implicit TLS, usually port 465), `starttls` (upgrade
 * required, usually 587), `none` (plain, for a relay on the lab network or tests). The Message-ID is
 * derived from the delivery's idempotency key, so a retried message can be recognised as the same.
 */
export async function sendEmail(config: SmtpConfig, delivery: EmailDelivery, event: string, timeoutMs: number): Promise<SendOutcome> {
  const transport = createTransport({
    host: config.host,
    port: config.port,
    secure: config.tlsMode === 'tls',
    requireTLS: config.tlsMode === 'starttls',
    ignoreTLS: config.tlsMode === 'none',
    ...(config.user ? { auth: { user: config.user, pass: config.password ?? '' } } : {}),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  try {
    const info = await transport.sendMail({
      from: { name: config.fromName, address: config.from },
      to: { name: delivery.toName, address: delivery.to },
      subject: delivery.subject,
      text: delivery.text,
      html: delivery.html,
      messageId: `<${delivery.idempotencyKey}@labflow>`,
      ...(delivery.attachments?.length
        ? { attachments: delivery.attachments.map((a) => ({ filename: a.fileName, contentType: a.contentType, content: Buffer.from(a.contentBase64, 'base64') })) }
        : {}),
      headers: { 'X-LabFlow-Delivery': delivery.idempotencyKey, 'X-LabFlow-Event': event, 'Auto-Submitted': 'auto-generated' },
    });
    return { isOk: true, detail: String(info.response ?? 'accepted') };
  } catch (error) {
    return describeSmtpError(error, config);
  } finally {
    transport.close();
  }
}
