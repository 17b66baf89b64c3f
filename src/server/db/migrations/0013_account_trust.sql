-- Accounts turned against their owners (issue 11, item 4).
-- TOTP secrets sealed with the identity vault. A migration cannot reach the vault, so the app
-- seals any plaintext `totp_secret` left by older versions at start and clears it.
ALTER TABLE users ADD COLUMN totp_secret_sealed text;
-- A secret being enrolled: it replaces the active one only when confirmed with a code from it.
ALTER TABLE users ADD COLUMN totp_pending_sealed text;

-- Single-use recovery codes (SHA-256 of 80-bit random codes); using one deletes it.
CREATE TABLE totp_recovery_codes (
  user_id    text NOT NULL REFERENCES users (id),
  code_hash  text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, code_hash)
);

-- Sign-in failure counters, shared by every process: one per (username, source address) and one
-- per source address. Counting per address pair means an attacker elsewhere cannot lock the owner out.
CREATE TABLE login_throttle (
  scope         text NOT NULL PRIMARY KEY,
  failures      integer NOT NULL DEFAULT 0,
  blocked_until timestamptz,
  last_failure  timestamptz NOT NULL
);
CREATE INDEX login_throttle_last_failure_idx ON login_throttle (last_failure);

-- Wrong tracking PINs are counted per (code, address) and per address, no longer per code alone.
ALTER TABLE tracking_failures ADD COLUMN address text;
CREATE INDEX tracking_failures_address_idx ON tracking_failures (address, at);
