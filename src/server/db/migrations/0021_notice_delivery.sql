-- Mail delivery per notice (issue 17): every e-mailed notice is one job with retries and backoff;
-- its state, attempts and last error are kept on the notice so staff see a notice that failed.
-- 'retrying' = a transient refusal (SMTP 4xx, connection lost); 'failed' = refused for good (5xx)
-- or out of attempts.
ALTER TABLE notices DROP CONSTRAINT notices_email_state_check;
ALTER TABLE notices ADD CONSTRAINT notices_email_state_check CHECK (email_state IN ('none', 'queued', 'retrying', 'sent', 'failed'));
ALTER TABLE notices ADD COLUMN email_attempts integer NOT NULL DEFAULT 0;
ALTER TABLE notices ADD COLUMN email_last_error text;
ALTER TABLE notices ADD COLUMN email_updated_at timestamptz;
-- The notice in English for a reporter who filed in English (the Indonesian text stays the record).
ALTER TABLE notices ADD COLUMN title_en text;
ALTER TABLE notices ADD COLUMN body_en text;

-- Whether the reporter gave an e-mail address (known without decrypting the identity), so a
-- notice is queued for mail only when there is somewhere to send it. NULL: filed before this
-- column; the mail job then looks inside the sealed identity.
ALTER TABLE reporter_identities ADD COLUMN has_email boolean;

-- Notices queued under the old periodic sweep become one job each; the sweep's own jobs go.
DELETE FROM jobs WHERE name = 'notices.email' AND state IN ('queued', 'failed');
INSERT INTO jobs (name, payload, run_after, max_attempts, dedupe_key)
  SELECT 'notices.email', jsonb_build_object('noticeId', id), now(), 10, 'notices.email:' || id FROM notices WHERE email_state = 'queued'
  ON CONFLICT (dedupe_key) DO NOTHING;
