-- Informasi awal sent by the public without identity (source 'informasi_publik'). fold_key is the
-- normalised narrative, compared by trigram similarity with recent submissions in the same region
-- so a repeated message folds onto the first instead of filling the queue.
ALTER TABLE cases ADD COLUMN fold_key text;
CREATE INDEX cases_public_informasi_idx ON cases (event_region_code, received_at) WHERE source = 'informasi_publik';
