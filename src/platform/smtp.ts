// The SMTP transport behind the notifications' Mailer port (nodemailer): one connection per message, a bounded
// wait, and the server's permanent refusals (5xx) told apart from "down or busy, try again later".
import nodemailer from 'nodemailer';
import { PermanentMailError, type MailMessage, type Mailer } from '../notifications/ports';

export interface SmtpSettings {
  /** smtp://user:pass@host:port or smtps://… (MOU_SMTP_URL). */
  url: string;
  from: string;
  /** How long to wait for the server at each stage. */
  timeoutMs: number;
}

export function smtpMailer(s: SmtpSettings): Mailer {
  const url = new URL(s.url);
  // A pool: the connection is kept between messages of a batch instead of a new handshake each.
  if (!url.searchParams.has('pool')) url.searchParams.set('pool', 'true');
  for (const [k, v] of [
    ['connectionTimeout', s.timeoutMs],
    ['greetingTimeout', s.timeoutMs],
    ['socketTimeout', s.timeoutMs],
  ] as const)
    if (!url.searchParams.has(k)) url.searchParams.set(k, String(v));
  // Made on first use, and again after close(): a closed pool stays closed.
  let transport: ReturnType<typeof nodemailer.createTransport> | undefined;
  return {
    async send(m: MailMessage) {
      transport ??= nodemailer.createTransport(url.toString());
      try {
        await transport.sendMail({
          from: s.from,
          to: m.to,
          subject: m.subject,
          text: m.text,
          html: m.html,
          messageId: m.messageId,
          headers: m.headers,
        });
      } catch (e) {
        const code = (e as { responseCode?: unknown }).responseCode;
        if (typeof code === 'number' && code >= 500 && code < 600)
          throw new PermanentMailError((e as Error).message);
        throw e;
      }
    },
    close() {
      // The pooled connection is not left open until the server's idle timeout (a stop, a shutdown).
      transport?.close();
      transport = undefined;
    },
  };
}
