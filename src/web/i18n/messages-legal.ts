// Strings for the law's guards on case actions and for back-dated actions (effectiveAt).
export const legalId = {
  'legal.blockedTitle': 'Tindakan yang belum atau tidak lagi tersedia',
  'legal.until': 'tersedia setelah {at}',
  'legal.since': 'batas waktu berakhir {at}',
  'legal.overrideReason': 'Alasan pengecualian batas waktu',
  'legal.overrideHint': 'Wajib, minimal 10 karakter yang bermakna. Dicatat dalam jejak audit dan dicetak pada kajian.',
  'legal.effectiveAt': 'Waktu kejadian (jika berbeda)',
  'legal.effectiveAtHint':
    'Isi bila tindakan sudah terjadi lebih dahulu, mis. registrasi di buku atau pleno malam hari (waktu perangkat Anda). Paling jauh 7 hari ke belakang, tidak sebelum langkah sebelumnya.',
  'legal.effectiveAtReason': 'Alasan pencatatan mundur',
  'legal.effectiveAtReasonHint': 'Wajib bila lebih dari beberapa jam ke belakang.',
  'legal.recordedAt': 'dicatat {at}',
} as const;

export const legalEn: Record<keyof typeof legalId, string> = {
  'legal.blockedTitle': 'Actions not yet (or no longer) available',
  'legal.until': 'available after {at}',
  'legal.since': 'the deadline ended {at}',
  'legal.overrideReason': 'Reason for overriding the deadline',
  'legal.overrideHint': 'Required, at least 10 meaningful characters. Written to the audit trail and printed on the assessment.',
  'legal.effectiveAt': 'When it happened (if different)',
  'legal.effectiveAtHint':
    'Fill in when the action took place earlier, e.g. registered in the paper book or a plenary at night (your device’s time). At most 7 days back, not before the previous step.',
  'legal.effectiveAtReason': 'Reason for dating back',
  'legal.effectiveAtReasonHint': 'Required when more than a few hours back.',
  'legal.recordedAt': 'entered {at}',
};
