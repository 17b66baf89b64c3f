-- The language the reporter used when filing (from the form's Accept-Language), so the receipt
-- and other documents addressed to the reporter are written in it. Existing reports: Indonesian.
ALTER TABLE cases ADD COLUMN reporter_language text NOT NULL DEFAULT 'id';
ALTER TABLE cases ADD CONSTRAINT cases_reporter_language_check CHECK (reporter_language IN ('id', 'en'));
