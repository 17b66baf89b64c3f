// Strings of the first-run setup page (/staf/setup). Merged into messages.ts; `setupEn` is typed
// against `setupId`.

export const setupId = {
  'setup.title': 'Buat admin pertama',
  'setup.lead': 'Tautan ini dicetak server saat dijalankan tanpa admin. Tautan hanya berlaku sekali dan kedaluwarsa setelah 1 jam.',
  'setup.noToken': 'Tautan setup tidak lengkap. Buka tautan persis seperti yang dicetak server saat mulai (…/staf/setup?token=…).',
  'setup.username': 'Nama pengguna admin',
  'setup.displayName': 'Nama tampilan (opsional)',
  'setup.password': 'Kata sandi (minimal 10 karakter)',
  'setup.passwordRepeat': 'Ulangi kata sandi',
  'setup.mismatch': 'Kedua kata sandi tidak sama.',
  'setup.submit': 'Buat admin',
  'setup.creating': 'Membuat…',
  'setup.done': 'Admin {username} dibuat. Silakan masuk dengan akun ini.',
  'setup.alreadyDone': 'Setup pertama sudah selesai. Silakan masuk.',
  'setup.toSignIn': 'Ke halaman masuk',
};

export const setupEn: Record<keyof typeof setupId, string> = {
  'setup.title': 'Create the first admin',
  'setup.lead': 'The server printed this link because it started without an admin. The link works once and expires after 1 hour.',
  'setup.noToken': 'The setup link is incomplete. Open the link exactly as the server printed it at start (…/staf/setup?token=…).',
  'setup.username': 'Admin username',
  'setup.displayName': 'Display name (optional)',
  'setup.password': 'Password (at least 10 characters)',
  'setup.passwordRepeat': 'Repeat the password',
  'setup.mismatch': 'The two passwords differ.',
  'setup.submit': 'Create admin',
  'setup.creating': 'Creating…',
  'setup.done': 'Admin {username} created. Please sign in with this account.',
  'setup.alreadyDone': 'First-run setup is already done. Please sign in.',
  'setup.toSignIn': 'Go to sign-in',
};
