-- Unclaimed uploads expire: the policy period (hours an upload may wait for its laporan, temuan or
-- informasi), and indexes for the "is this file still referenced?" checks made before a file is
-- deleted from the evidence store.

INSERT INTO policy_settings (key, value) VALUES ('evidence.unclaimed_upload_hours', '48'::jsonb)
  ON CONFLICT (key) DO NOTHING;

CREATE INDEX uploads_sha256_idx ON uploads (sha256);
CREATE INDEX case_evidence_sha256_idx ON case_evidence (sha256);
CREATE INDEX evidence_derivatives_derived_idx ON evidence_derivatives (derived_sha256);
CREATE INDEX articles_raw_sha256_idx ON articles (raw_sha256);
CREATE INDEX articles_text_sha256_idx ON articles (text_sha256) WHERE text_sha256 IS NOT NULL;
