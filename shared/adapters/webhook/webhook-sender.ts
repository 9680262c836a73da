import { createHmac } from 'node:crypto';
import { DeliveryError } from '#domain/outbox.ts';
import type { WebhookSender } from '#ports.ts';

export const SIGNATURE_HEADER = 'x-minhchung-signature';
export const TIMESTAMP_HEADER = 'x-minhchung-timestamp';

/**
 * `sha256=<hex>` of `<timestamp>.<body>`: a receiver recomputes it with the shared secret, compares in constant
 * time and refuses old timestamps (replay).
 */
export const signature = (secret: string, timestamp: string, body: string): string =>
  `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;

export interface WebhookOptions {
  url: string;
  secret: () => Promise<string>;
  /** Attempts in this run (the outbox retries later runs too). */
  attempts?: number;
  /** First backoff; doubles each attempt, with jitter. */
  baseDelayMs?: number;
  timeoutMs?: number;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
}

const retryable = (status: number) => status === 408 || status === 429 || status >= 500;

/**
 * The generic webhook: JSON body, HMAC-SHA256 signature, `Idempotency-Key` = the outbox message id (the same
 * on every retry, so a receiver can drop duplicates), retries with exponential backoff on network errors,
 * 408, 429 and 5xx. Other 4xx are permanent.
 */
export function webhookSender(opts: WebhookOptions): WebhookSender {
  const attempts = opts.attempts ?? 4;
  const base = opts.baseDelayMs ?? 500;
  const sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  return {
    async send(body, idempotencyKey) {
      const secret = await opts.secret();
      let last = '';
      for (let attempt = 1; attempt <= attempts; attempt++) {
        const timestamp = String(Math.floor((opts.now?.() ?? new Date()).getTime() / 1000));
        try {
          const res = await fetch(opts.url, {
            method: 'POST',
            headers: {
              'content-type': 'application/json; charset=utf-8',
              'idempotency-key': idempotencyKey,
              [TIMESTAMP_HEADER]: timestamp,
              [SIGNATURE_HEADER]: signature(secret, timestamp, body),
              'user-agent': 'MinhChung-Webhook/1',
            },
            body,
            signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
          });
          await res.arrayBuffer().catch(() => undefined);
          if (res.ok) return { providerMessageId: `${res.status}:${idempotencyKey}` };
          last = `HTTP ${res.status}`;
          if (!retryable(res.status)) throw new DeliveryError(`Webhook refused the message: ${last}`, true);
        } catch (e) {
          if (e instanceof DeliveryError) throw e;
          last = (e as Error).message;
        }
        if (attempt < attempts) await sleep(base * 2 ** (attempt - 1) * (0.5 + Math.random() / 2));
      }
      throw new DeliveryError(`Webhook unreachable after ${attempts} attempts: ${last}`, false);
    },
  };
}
