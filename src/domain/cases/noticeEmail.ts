// The e-mail a reporter receives for a notice, in the language they filed in. The Indonesian
// text is the record; an English e-mail carries the English wording of the same notice and falls
// back to the Indonesian text (saying so) where a notice has no English version. Never the PIN,
// never the reporter's identity: only what the tracking page shows.

export interface NoticeEmailInput {
  language: 'id' | 'en';
  title: string;
  body: string;
  en?: { title: string; body: string } | null;
  trackingCode: string | null;
  /** Public base URL (NETRA_PUBLIC_URL) for the tracking page link. */
  publicUrl: string;
}

export interface NoticeEmail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

export function renderNoticeEmail(input: NoticeEmailInput): NoticeEmail {
  const trackUrl = `${input.publicUrl.replace(/\/+$/, '')}/lacak`;
  const english = input.language === 'en';
  const translated = english && input.en ? input.en : null;
  const title = translated?.title ?? input.title;
  const body = translated?.body ?? input.body;
  const lines = english
    ? {
        greeting: 'This is a status notice about your report to Bawaslu.',
        untranslated: 'This notice has no English version; the official Indonesian text follows.',
        code: input.trackingCode ? `Tracking code: ${input.trackingCode}` : null,
        track: `Follow your report at ${trackUrl} with the tracking code and the PIN on your receipt. Never share the PIN; Bawaslu never asks for it by e-mail.`,
        footer: 'Netra sent this message automatically; replies are not read.',
      }
    : {
        greeting: 'Ini pemberitahuan status laporan Anda kepada Bawaslu.',
        untranslated: null,
        code: input.trackingCode ? `Kode pelacakan: ${input.trackingCode}` : null,
        track: `Lacak laporan Anda di ${trackUrl} dengan kode pelacakan dan PIN pada tanda bukti. Jangan berikan PIN kepada siapa pun; Bawaslu tidak pernah memintanya melalui e-mail.`,
        footer: 'Pesan ini dikirim otomatis oleh Netra; balasan tidak dibaca.',
      };
  const note = english && !translated ? lines.untranslated : null;
  const paragraphs = [lines.greeting, note, title, body, lines.code, lines.track].filter((p): p is string => Boolean(p));
  const text = [...paragraphs, '--', lines.footer].join('\n\n') + '\n';
  const html = [
    '<!doctype html>',
    `<html lang="${input.language}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>`,
    '<body style="font-family:sans-serif;line-height:1.5;max-width:40em">',
    `<p>${escapeHtml(lines.greeting)}</p>`,
    note ? `<p><em>${escapeHtml(note)}</em></p>` : '',
    `<h1 style="font-size:1.2em">${escapeHtml(title)}</h1>`,
    `<p>${escapeHtml(body)}</p>`,
    lines.code ? `<p><strong>${escapeHtml(lines.code)}</strong></p>` : '',
    `<p>${escapeHtml(lines.track).replace(escapeHtml(trackUrl), `<a href="${escapeHtml(trackUrl)}">${escapeHtml(trackUrl)}</a>`)}</p>`,
    `<hr><p style="color:#555;font-size:.9em">${escapeHtml(lines.footer)}</p>`,
    '</body></html>',
  ]
    .filter(Boolean)
    .join('\n');
  return { subject: title, text, html };
}
