// Strings of the incident-first report form, the identity-free informasi path, 'use my
// location', and the report receipt additions (issue 13). Merged into messages.ts; `laporEn` is
// typed against `laporId`.

export const laporId = {
  'nav.announcements': 'Pengumuman',

  'lapor.anonymousLead':
    'Tidak ingin memberi identitas? Isi dulu apa yang terjadi; di langkah Pelapor Anda dapat memilih mengirimnya sebagai informasi tanpa identitas.',
  'lapor.identityWhy':
    'Mengapa identitas diminta? Perbawaslu 9/2024 mensyaratkan identitas pelapor (nama, NIK, alamat, dan lain-lain) agar laporan dapat diregistrasi dan pelapor dapat dimintai klarifikasi. Netra menyimpannya terenkripsi; hanya pengawas yang menangani laporan ini yang dapat membukanya, dengan alasan yang dicatat, dan identitas Anda tidak pernah diumumkan atau diberikan kepada terlapor.',
  'lapor.keepNik': 'Simpan NIK di perangkat ini',
  'lapor.keepNikHint':
    'Isian lain disimpan sementara di perangkat ini agar tidak hilang bila halaman termuat ulang. NIK hanya ikut disimpan bila Anda mencentang ini. Semua isian dihapus setelah laporan terkirim.',
  'lapor.useLocation': 'Gunakan lokasi saya',
  'lapor.locating': 'Mencari lokasi…',
  'lapor.located': 'Lokasi Anda berada di {name}. Persempit ke kecamatan atau desa bila Anda tahu.',
  'lapor.locationDenied': 'Lokasi tidak dapat dibaca (izin ditolak atau tidak tersedia). Pilih wilayah secara manual.',
  'lapor.locationOutside': 'Lokasi Anda tidak berada di wilayah yang dikenal. Pilih wilayah secara manual.',

  'informasi.title': 'Kirim informasi tanpa identitas',
  'informasi.lead':
    'Anda boleh tidak memberi identitas. Bawaslu dapat menindaklanjuti informasi ini melalui pengawasannya sendiri (informasi awal yang dapat menjadi temuan).',
  'informasi.giveUp':
    'Yang Anda lepaskan: informasi ini bukan laporan, jadi Anda tidak mendapat PIN, tidak menerima kabar perkembangan, dan tidak berkedudukan sebagai pelapor.',
  'informasi.submit': 'Kirim informasi tanpa identitas',
  'informasi.submitting': 'Mengirim informasi…',
  'informasi.receiptTitle': 'Informasi diterima',
  'informasi.code': 'Kode tanda terima',
  'informasi.codeHint': 'Kode ini hanya bukti bahwa informasi terkirim; tidak dapat dipakai untuk melacak.',
  'informasi.folded': 'Informasi yang sama sudah kami terima sebelumnya.',
  'informasi.again': 'Kirim laporan atau informasi lain',
  'informasi.gone': 'Tanda terima tidak lagi tersedia di halaman ini.',

  'receipt.about': 'Tentang',

  'bukti.maxSize': 'Batas ukuran: foto {image} MB, PDF {pdf} MB, video {video} MB per berkas.',
  'bukti.tooLarge': '{name} berukuran {size}, melebihi batas {limit} MB untuk jenis berkas ini. Perkecil atau pilih berkas lain.',

  'dismiss.button': 'Abaikan',
  'dismiss.label': 'Abaikan informasi publik: {title}',
  'dismiss.confirm':
    'Abaikan informasi ini? Informasi dihentikan dengan alasan “tidak dapat ditindaklanjuti/spam” dan tercatat di jejak audit.',
  'dismiss.done': 'Informasi diabaikan.',
  'dismiss.public': 'Informasi publik',
};

export const laporEn: Record<keyof typeof laporId, string> = {
  'nav.announcements': 'Announcements',

  'lapor.anonymousLead':
    'Rather not give your identity? Describe what happened first; at the Reporter step you can choose to send it as information without identity.',
  'lapor.identityWhy':
    'Why is identity needed? Perbawaslu 9/2024 requires the reporter’s identity (name, NIK, address and more) so the report can be registered and the reporter can be asked for clarification. Netra stores it encrypted; only the supervisor handling this report can open it, with a logged reason, and your identity is never published or given to the reported person.',
  'lapor.keepNik': 'Keep my NIK on this device',
  'lapor.keepNikHint':
    'Other entries are kept on this device for now so a reload does not lose them. Your NIK is kept only if you tick this. Everything is removed once the report is sent.',
  'lapor.useLocation': 'Use my location',
  'lapor.locating': 'Finding your location…',
  'lapor.located': 'Your location is in {name}. Narrow it to a sub-district or village if you know it.',
  'lapor.locationDenied': 'Your location could not be read (permission denied or unavailable). Choose the region by hand.',
  'lapor.locationOutside': 'Your location is not inside a known region. Choose the region by hand.',

  'informasi.title': 'Send information without identity',
  'informasi.lead':
    'You may leave out your identity. Bawaslu can act on this information through its own supervision (initial information that may become a finding).',
  'informasi.giveUp': 'What you give up: this is not a report, so you get no PIN, no progress updates, and no standing as a reporter.',
  'informasi.submit': 'Send information without identity',
  'informasi.submitting': 'Sending information…',
  'informasi.receiptTitle': 'Information received',
  'informasi.code': 'Receipt code',
  'informasi.codeHint': 'This code only shows the information was sent; it cannot be used for tracking.',
  'informasi.folded': 'We had already received the same information.',
  'informasi.again': 'Send another report or information',
  'informasi.gone': 'The receipt is no longer available on this page.',

  'receipt.about': 'About',

  'bukti.maxSize': 'Size limit: photos {image} MB, PDF {pdf} MB, video {video} MB per file.',
  'bukti.tooLarge': '{name} is {size}, over the {limit} MB limit for this kind of file. Make it smaller or choose another file.',

  'dismiss.button': 'Dismiss',
  'dismiss.label': 'Dismiss public information: {title}',
  'dismiss.confirm': 'Dismiss this information? It is stopped with the reason “cannot be acted on / spam” and recorded in the audit trail.',
  'dismiss.done': 'Information dismissed.',
  'dismiss.public': 'Public information',
};
