-- Evidence uploads: the sniffed kind and declared image size of each stored file, and the
-- metadata-free public copy derived from an original (both content-addressed by SHA-256).

ALTER TABLE evidence_files ADD COLUMN kind text;
ALTER TABLE evidence_files ADD COLUMN width integer;
ALTER TABLE evidence_files ADD COLUMN height integer;

CREATE TABLE evidence_derivatives (
  original_sha256 text NOT NULL REFERENCES evidence_files (sha256),
  variant         text NOT NULL CHECK (variant IN ('public')),
  derived_sha256  text NOT NULL REFERENCES evidence_files (sha256),
  method          text NOT NULL,
  removed         text[] NOT NULL DEFAULT '{}',
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (original_sha256, variant)
);

ALTER TABLE evidence_access_log ADD COLUMN variant text NOT NULL DEFAULT 'public';
CREATE INDEX evidence_access_log_case_idx ON evidence_access_log (case_id, at);
CREATE INDEX uploads_unclaimed_idx ON uploads (created_at) WHERE case_id IS NULL;
