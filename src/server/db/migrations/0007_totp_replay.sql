-- The last TOTP time step accepted per user: a code cannot be replayed within its window.
ALTER TABLE users ADD COLUMN totp_last_step bigint;
