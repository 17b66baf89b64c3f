// Sending mail. With NETRA_SMTP_URL the message goes to that relay through nodemailer
// (smtp:// upgrades with STARTTLS when the relay offers it — add `?requireTLS=true` to insist —
// and smtps:// is TLS from the first byte). Without it, the same MIME message is written as an
// .eml file to the drop folder (<data dir>/outbox) for an MTA or an operator to pick up.
// Either way nodemailer builds the message: multipart/alternative (text/plain + text/html),
// quoted-printable or base64 bodies as the content needs, RFC 2047 UTF-8 subject.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';

export interface OutgoingMail {
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  language: 'id' | 'en';
  /** Stable per message (e.g. per notice), so a retried delivery is recognisably the same mail. */
  messageId: string;
  /** Name of the .eml file in the drop folder (no directory part). */
  fileName: string;
}

export interface Mailer {
  readonly kind: 'smtp' | 'outbox';
  send(mail: OutgoingMail): Promise<{ response: string }>;
  close(): void;
}

/** An SMTP 5xx answer: the relay refuses the message for good, so retrying cannot help. */
export function isPermanentMailError(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/**
 * The error as staff read it: the relay's answer when there is one, never a stack. Relays quote
 * the recipient ("550 5.1.1 <siti@…>: Recipient address rejected"); the address is the reporter's
 * identity, which staff may only see through the audited reveal, so every address is masked.
 */
export function describeMailError(error: unknown): string {
  const e = error as { response?: unknown; message?: unknown; code?: unknown } | null;
  const text = typeof e?.response === 'string' ? e.response : typeof e?.message === 'string' ? e.message : String(error);
  const described = typeof e?.code === 'string' && !text.includes(e.code) ? `${e.code}: ${text}` : text;
  return described.replace(/[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/g, '[alamat pelapor]').slice(0, 500);
}

function messageOptions(mail: OutgoingMail) {
  return {
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: mail.messageId,
    headers: { 'Content-Language': mail.language, 'Auto-Submitted': 'auto-generated' },
  };
}

export function createMailer(options: { smtpUrl?: string; outbox: string }): Mailer {
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl);
    return {
      kind: 'smtp',
      async send(mail) {
        const info = await transport.sendMail(messageOptions(mail));
        return { response: String(info.response ?? '') };
      },
      close: () => transport.close(),
    };
  }
  const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    kind: 'outbox',
    async send(mail) {
      const info = await builder.sendMail(messageOptions(mail));
      mkdirSync(options.outbox, { recursive: true });
      // Written beside, then renamed: whoever watches the folder never reads half a message.
      const target = join(options.outbox, mail.fileName);
      const partial = `${target}.${process.pid}.tmp`;
      writeFileSync(partial, info.message as Buffer, { mode: 0o600 });
      renameSync(partial, target);
      return { response: `written ${mail.fileName}` };
    },
    close: () => builder.close(),
  };
}
