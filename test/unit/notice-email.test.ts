// The e-mail text of a notice (issue 17 item 3): the reporter's language, the English wording
// where the notice has one, a plain-text part that says everything the HTML says, no markup
// injected through a notice's free text (reasons written by staff, office names).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderNoticeEmail } from '../../src/domain/cases/noticeEmail.ts';
import { noticeForAction, noticeForReceipt } from '../../src/domain/cases/notices.ts';
import { referralNotice } from '../../src/domain/referrals/notices.ts';

const base = { trackingCode: 'NTR-AB12-CD34', publicUrl: 'https://netra.bawaslu.go.id/' };

test('Indonesian: the notice as recorded, the tracking link, the PIN warning; no English', () => {
  const notice = noticeForReceipt({
    kind: 'laporan',
    trackingCode: 'NTR-AB12-CD34',
    registrationNumber: null,
    state: 'diterima',
    officeName: 'Bawaslu Kota Palembang',
    late: false,
  });
  const mail = renderNoticeEmail({ ...base, language: 'id', ...notice });
  assert.equal(mail.subject, 'Laporan NTR-AB12-CD34 diterima');
  assert.match(mail.text, /Laporan Anda telah diterima oleh Bawaslu Kota Palembang/);
  assert.match(mail.text, /https:\/\/netra\.bawaslu\.go\.id\/lacak /);
  assert.match(mail.text, /Jangan berikan PIN/);
  assert.match(mail.html, /<html lang="id">/);
  assert.match(mail.html, /<a href="https:\/\/netra\.bawaslu\.go\.id\/lacak">/);
  assert.doesNotMatch(mail.text, /Your report/);
});

test('English: the English wording of receipt, step and referral notices', () => {
  const receipt = noticeForReceipt({
    kind: 'laporan',
    trackingCode: 'NTR-AB12-CD34',
    registrationNumber: null,
    state: 'diterima',
    officeName: 'Bawaslu Kota Palembang',
    late: true,
  });
  const mail = renderNoticeEmail({ ...base, language: 'en', ...receipt });
  assert.equal(mail.subject, 'Report NTR-AB12-CD34 received');
  assert.match(mail.text, /Article 134\(4\)/);
  assert.match(mail.text, /Tracking code: NTR-AB12-CD34/);
  assert.doesNotMatch(mail.text, /no English version/);

  const step = noticeForAction('teruskan', {
    kind: 'laporan',
    trackingCode: 'NTR-AB12-CD34',
    registrationNumber: '001/Reg/LP/PB/Kab/06.02/X/2024',
    state: 'diteruskan',
    officeName: 'Bawaslu OKI',
    classificationLabel: 'Pelanggaran hukum lainnya',
    classificationLabelEn: 'Other legal violation',
  });
  assert.ok(step?.en);
  assert.match(renderNoticeEmail({ ...base, language: 'en', ...step! }).text, /Outcome of the review: Other legal violation proven/);

  const referral = referralNotice('forwarded_to_ppk', {
    caseRef: '001/Reg',
    recommendationNumber: 'R-7',
    authorityName: 'BKN',
    dueLocal: '1 November 2024',
  });
  assert.match(renderNoticeEmail({ ...base, language: 'en', ...referral }).subject, /^Follow-up 001\/Reg: forwarded to the PPK$/);
});

test('English for a notice without an English text says so and gives the official Indonesian', () => {
  const mail = renderNoticeEmail({ ...base, language: 'en', title: 'Penelusuran dihentikan', body: 'Alasan: -' });
  assert.equal(mail.subject, 'Penelusuran dihentikan');
  assert.match(mail.text, /This notice has no English version; the official Indonesian text follows\./);
});

test('free text cannot inject markup into the HTML part; the text part keeps it verbatim', () => {
  const mail = renderNoticeEmail({
    ...base,
    language: 'id',
    title: 'Laporan <b>x</b> diterima',
    body: 'Alasan: <script>alert(1)</script> & "kutip"',
  });
  assert.doesNotMatch(mail.html, /<script>|<b>x<\/b>/);
  assert.match(mail.html, /&lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; &quot;kutip&quot;/);
  assert.match(mail.text, /Alasan: <script>alert\(1\)<\/script> & "kutip"/);
});
