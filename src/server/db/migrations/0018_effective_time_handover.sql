-- Time as it happened: case_events.occurred_at is when a staff action took effect (its
-- effectiveAt, e.g. the pleno on paper); recorded_at is when it was entered on the server.
-- NULL on rows from before 0018: they were entered when they took effect.
ALTER TABLE case_events ADD COLUMN recorded_at timestamptz;

-- KASN → BKN: referrals still open on 25 Aug 2024 were taken over by BKN (SE MenPANRB 4/2024).
-- The authority becomes BKN; these columns keep where the file came from and when.
ALTER TABLE referrals ADD COLUMN handed_over_from text;
ALTER TABLE referrals ADD COLUMN handed_over_at timestamptz;
