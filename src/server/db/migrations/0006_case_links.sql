-- Suggested and confirmed links between cases about the same person and event (duplicates).
-- Merging is a link state, never a deletion, so it can be undone.
CREATE TABLE case_links (
  id          bigserial PRIMARY KEY,
  case_id     text NOT NULL REFERENCES cases (id),
  other_id    text NOT NULL REFERENCES cases (id),
  reason      text NOT NULL,
  score       real NOT NULL,
  state       text NOT NULL DEFAULT 'suggested' CHECK (state IN ('suggested', 'merged', 'rejected', 'unmerged')),
  decided_by  text REFERENCES users (id),
  decided_at  timestamptz,
  created_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (case_id < other_id),
  UNIQUE (case_id, other_id)
);
CREATE INDEX case_links_other_idx ON case_links (other_id);
CREATE INDEX case_terlapor_agency_trgm_idx ON case_terlapor USING gin (lower(agency) gin_trgm_ops);
