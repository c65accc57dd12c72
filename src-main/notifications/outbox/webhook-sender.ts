import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { WebhookDelivery } from '../../../src-shared/notifications/notification-model';
import { checkWebhookUrl } from '../../../src-shared/notifications/webhook-address';
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signatureHeader } from '../../../src-shared/notifications/webhook-signature';
import { createSafeLookup } from './safe-lookup';
import { describeError, type SendOutcome } from './send-outcome';

const MAX_RESPONSE_BYTES = 2048;

/**
 * POSTs one webhook delivery: the stored payload plus the send time as `timestamp`, signed with the
 * subscription's secret, the idempotency key as `X-LabFlow-Delivery` and `Idempotency-Key`.
 * Redirects are not followed (a 3xx is a failure), so a receiver cannot bounce the request
 * somewhere the address checks would refuse. Any 2xx is success; 410 Gone ends retries.
 */
export async function sendWebhook(url: string, secret: string, delivery: WebhookDelivery, now: Date, timeoutMs: number, lookup = createSafeLookup()): Promise<SendOutcome> {
  const target = checkWebhookUrl(url);
  if (!target.ok) return { isOk: false, detail: target.error.message, isPermanent: true };
  const body = JSON.stringify({ ...delivery.payload, timestamp: now.toISOString() });
  const timestamp = Math.floor(now.getTime() / 1000);
  const request = target.value.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<SendOutcome>((resolve) => {
    const req = request(
      target.value.url,
      {
        method: 'POST',
        lookup,
        timeout: timeoutMs,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'LabFlow-Webhooks/1',
          [SIGNATURE_HEADER]: signatureHeader(secret, timestamp, body),
          [DELIVERY_HEADER]: delivery.idempotencyKey,
          [EVENT_HEADER]: String(delivery.payload.event ?? ''),
          'idempotency-key': delivery.idempotencyKey,
          'content-length': Buffer.byteLength(body),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          if (size < MAX_RESPONSE_BYTES) chunks.push(chunk);
          size += chunk.length;
        });
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          const text = Buffer.concat(chunks).toString('utf8').slice(0, 200).replace(/\s+/g, ' ').trim();
          const detail = `HTTP ${status}${text ? `: ${text}` : ''}`;
          resolve(status >= 200 && status < 300 ? { isOk: true, detail } : { isOk: false, detail, isPermanent: status === 410 });
        });
        response.on('error', (error) => resolve({ isOk: false, detail: describeError(error) }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`No answer within ${Math.round(timeoutMs / 1000)} s.`)));
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ isOk: false, detail: describeError(error), isPermanent: error.code === 'EFORBIDDENADDRESS' }));
    req.end(body);
  });
}
