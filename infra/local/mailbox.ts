/**
 * The local mailbox (stand-in for the recipients' inboxes): a page that lists the reminder e-mails the
 * local stack "sent" — read from the outbox in DynamoDB Local, the same records SES sends from in AWS — and
 * the sign-in invitations of the local identity issuer (`GET {auth}/local/messages`). Local only, bound to
 * 127.0.0.1; HTML bodies are shown in a sandboxed iframe (no scripts, no same origin).
 *
 *   /                      last 14 days, newest first (?date=YYYY-MM-DD for one day)
 *   /m/<date>/<key>        one message: headers, reason, status, HTML and plain text
 *   /m/<date>/<key>/html   the HTML body alone (what the iframe shows)
 *   /api/messages?date=    the day's records as JSON (tests, scripts)
 *   /api/received/<date>/<key>
 *                          the mailbox's own record of one message, by the correlation tags it was sent with
 *                          (`mc_date`, `mc_key`): what a run asks after a send was interrupted (404: none)
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import { outboxRepository } from '#adapters/dynamo/outbox-repository.ts';
import { providerRecordRepository } from '#adapters/dynamo/provider-record-repository.ts';
import type { OutboxMessage, Resolution } from '#domain/outbox.ts';
import { addDays, displayDate, localDate } from '#domain/working-days.ts';

export interface MailboxOptions {
  port: number;
  /** The local issuer's base URL (its outbox of invitations). */
  authUrl?: string;
}

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};
const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-src 'self'; img-src 'self' data:";
// The message body may carry anything a template produced: no scripts, no forms, links open outside.
const BODY_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox allow-popups";

async function dayMessages(date: string): Promise<OutboxMessage[]> {
  const out: OutboxMessage[] = [];
  let cursor: string | undefined;
  do {
    const page = await outboxRepository.listByDate(date, 100, cursor);
    out.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

const STATUS_COLOUR: Record<string, string> = {
  sent: '#237804',
  delivered: '#237804',
  pending: '#ad6800',
  sending: '#ad6800',
  retry: '#ad6800',
  failed: '#a8071a',
  bounced: '#a8071a',
  complained: '#a8071a',
  uncertain: '#a8071a',
};

const RESOLUTION_TEXT: Record<Resolution, string> = {
  'confirmed-by-provider':
    'Đã xác nhận với hộp thư, không gửi lại / confirmed by the mail provider, not resent',
  'resent-after-no-record':
    'Hộp thư không có bản ghi nên đã gửi lại / resent: the mail provider had no record',
  'gave-up-after-interruptions': 'Bị gián đoạn nhiều lần, đã dừng / interrupted every time, given up',
};

function layout(title: string, body: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>body{font-family:Arial,Helvetica,sans-serif;margin:24px;color:#1f1f1f}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #eee;padding:6px 8px;text-align:left;vertical-align:top;font-size:14px}
.muted{color:#666;font-size:13px}a{color:#0958d9}pre{white-space:pre-wrap;background:#fafafa;padding:12px;border:1px solid #eee}
iframe{width:100%;height:520px;border:1px solid #ddd}</style></head><body>
<h1>Hộp thư cục bộ <span class="muted">/ local mailbox</span></h1>${body}</body></html>`;
}

function row(m: OutboxMessage): string {
  const colour = STATUS_COLOUR[m.status] ?? '#1f1f1f';
  return `<tr><td>${esc(displayDate(m.date))}<div class="muted">${esc(m.createdAt.slice(11, 19))} UTC</div></td>
<td>${esc(m.channel === 'email' ? `${m.recipientName ?? ''} <${m.address}>` : `webhook → ${m.address}`)}${m.role === 'cc' ? ' <span class="muted">(cc)</span>' : ''}</td>
<td><a href="/m/${encodeURIComponent(m.date)}/${encodeURIComponent(m.key)}">${esc(m.subject)}</a><div class="muted">${esc(m.reason.vi)}</div></td>
<td style="color:${colour}">${esc(m.status)}${m.attempts > 1 ? ` ×${m.attempts}` : ''}</td></tr>`;
}

interface Invitation {
  at: string;
  to: string;
  subject: string;
  body: string;
}

async function invitations(authUrl: string | undefined): Promise<Invitation[]> {
  if (!authUrl) return [];
  try {
    const res = await fetch(`${authUrl}/local/messages`, { signal: AbortSignal.timeout(2000) });
    return res.ok ? ((await res.json()) as Invitation[]) : [];
  } catch {
    return [];
  }
}

export async function startMailbox(opts: MailboxOptions): Promise<{ url: string; close(): Promise<void> }> {
  const send = (res: ServerResponse, status: number, type: string, body: string, csp = PAGE_CSP) => {
    res.writeHead(status, { ...HEADERS, 'content-type': type, 'content-security-policy': csp });
    res.end(body);
  };
  const html = 'text/html; charset=utf-8';

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      if (req.method !== 'GET') return send(res, 405, 'text/plain', 'GET only');
      const date = url.searchParams.get('date');
      if (date !== null && !/^\d{4}-\d{2}-\d{2}$/.test(date))
        return send(res, 400, 'text/plain', 'date: YYYY-MM-DD');

      if (url.pathname === '/api/messages') {
        const items = await dayMessages(date ?? localDate(new Date()));
        return send(res, 200, 'application/json; charset=utf-8', JSON.stringify({ items }));
      }

      const received = /^\/api\/received\/(\d{4}-\d{2}-\d{2})\/([a-f0-9]{32})$/.exec(url.pathname);
      if (received) {
        const record = await providerRecordRepository.get(received[1]!, received[2]!);
        return record
          ? send(res, 200, 'application/json; charset=utf-8', JSON.stringify(record))
          : send(res, 404, 'application/json; charset=utf-8', JSON.stringify({ record: null }));
      }

      const one = /^\/m\/(\d{4}-\d{2}-\d{2})\/([a-f0-9]{32})(\/html)?$/.exec(url.pathname);
      if (one) {
        const m = await outboxRepository.get(one[1]!, one[2]!);
        if (!m)
          return send(res, 404, html, layout('Không có thư', '<p>Không có thư này. / No such message.</p>'));
        if (one[3]) return send(res, 200, html, m.html ?? `<pre>${esc(m.text)}</pre>`, BODY_CSP);
        const record = m.channel === 'email' ? await providerRecordRepository.get(m.date, m.key) : undefined;
        const accepted = record?.events.Send;
        const body = `<p><a href="/">← Hộp thư / mailbox</a></p>
<table><tr><th>Tới / To</th><td>${esc(m.recipientName ?? '')} &lt;${esc(m.address)}&gt; (${esc(m.role)}, ${esc(m.locale)})</td></tr>
<tr><th>Tiêu đề / Subject</th><td>${esc(m.subject)}</td></tr>
<tr><th>Trạng thái / Status</th><td>${esc(m.status)} · ${m.attempts} lần gửi / attempt(s)${m.lastError ? ` · ${esc(m.lastError)}` : ''}</td></tr>
${m.channel === 'email' ? `<tr><th>Hộp thư đã nhận / Received by the mailbox</th><td>${accepted ? `${esc(accepted.replace('T', ' ').slice(0, 19))} UTC` : 'Không / No'}</td></tr>` : ''}
${m.resolution ? `<tr><th>Gửi bị gián đoạn / Interrupted send</th><td>${esc(RESOLUTION_TEXT[m.resolution])}</td></tr>` : ''}
<tr><th>Lý do / Reason</th><td>${esc(m.reason.vi)}<div class="muted">${esc(m.reason.en)}</div></td></tr>
<tr><th>Loại / Kind</th><td>${esc(m.dedupeKind)}</td></tr></table>
${m.channel === 'email' ? `<h2>HTML</h2><iframe sandbox="allow-popups" src="/m/${m.date}/${m.key}/html"></iframe>` : ''}
<h2>${m.channel === 'email' ? 'Văn bản / Plain text' : 'Webhook JSON'}</h2><pre>${esc(m.channel === 'email' ? m.text : JSON.stringify(JSON.parse(m.payload ?? '{}'), null, 2))}</pre>`;
        return send(res, 200, html, layout(m.subject, body));
      }

      if (url.pathname === '/') {
        const today = localDate(new Date());
        const days = date ? [date] : Array.from({ length: 14 }, (_, i) => addDays(today, -i));
        const [lists, invites] = await Promise.all([
          Promise.all(days.map(dayMessages)),
          invitations(opts.authUrl),
        ]);
        const messages = lists.flat();
        const body = `<p class="muted">Thư nhắc việc lưu trong outbox (DynamoDB Local) — ${date ? esc(displayDate(date)) : '14 ngày gần nhất / last 14 days'}.
Gửi thử: <code>npm run remind -- --date YYYY-MM-DD</code>. <a href="/">Làm mới / refresh</a></p>
${messages.length ? `<table><tr><th>Ngày</th><th>Người nhận</th><th>Tiêu đề, lý do</th><th>Trạng thái</th></tr>${messages.map(row).join('')}</table>` : '<p>Chưa có thư nào. / No messages yet.</p>'}
<h2>Thư mời đăng nhập <span class="muted">/ sign-in invitations (local issuer)</span></h2>
${
  invites.length
    ? `<table>${invites
        .slice()
        .reverse()
        .map(
          (i) =>
            `<tr><td>${esc(i.at.slice(0, 19).replace('T', ' '))}</td><td>${esc(i.to)}</td><td>${esc(i.subject)}<pre>${esc(i.body)}</pre></td></tr>`,
        )
        .join('')}</table>`
    : '<p class="muted">Không có. / None.</p>'
}`;
        return send(res, 200, html, layout('Hộp thư cục bộ — Minh Chứng', body));
      }
      send(res, 404, 'text/plain', 'Not found');
    } catch (e) {
      send(res, 503, 'text/plain; charset=utf-8', `Mailbox unavailable: ${(e as Error).message}`);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  return {
    url: `http://localhost:${opts.port}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
