-- Vulnerability index inputs and weights, neutrality pledges, open-data releases.

-- One row per import (IKP scores, case history); indicators point at their batch.
CREATE TABLE risk_import_batches (
  id          text PRIMARY KEY,
  kind        text NOT NULL CHECK (kind IN ('ikp', 'history')),
  row_count   integer NOT NULL,
  imported_at timestamptz NOT NULL,
  imported_by text
);

-- Imported indicator values per region; the newest row per (region_code, key) is the one in use.
CREATE TABLE risk_indicators (
  id          bigserial PRIMARY KEY,
  region_code text NOT NULL REFERENCES regions (code),
  key         text NOT NULL,
  value       double precision NOT NULL,
  text_value  text,
  source      text NOT NULL,
  imported_at timestamptz NOT NULL,
  batch_id    text NOT NULL REFERENCES risk_import_batches (id)
);
CREATE INDEX risk_indicators_latest_idx ON risk_indicators (region_code, key, imported_at DESC, id DESC);

-- Operator-set weights; components without a row use the published defaults.
CREATE TABLE risk_weights (
  key        text PRIMARY KEY,
  weight     double precision NOT NULL CHECK (weight >= 0 AND weight <= 1),
  updated_at timestamptz NOT NULL,
  updated_by text
);

-- Neutrality pledge (deklarasi netralitas) events, with the signed certificate payload.
CREATE TABLE pledges (
  id               text PRIMARY KEY,
  agency           text NOT NULL,
  search_agency    text NOT NULL,
  region_code      text NOT NULL REFERENCES regions (code),
  pledged_on       date NOT NULL,
  venue            text NOT NULL,
  signatory_count  integer NOT NULL CHECK (signatory_count >= 0),
  -- Names and positions of signatories; never served by public endpoints (only their count and hash).
  signatories      jsonb NOT NULL DEFAULT '[]'::jsonb,
  document_sha256  text,
  canonical        text NOT NULL,
  signature        text NOT NULL,
  key_id           text NOT NULL,
  created_by       text REFERENCES users (id),
  created_at       timestamptz NOT NULL
);
CREATE INDEX pledges_region_idx ON pledges (region_code);
CREATE INDEX pledges_agency_idx ON pledges (search_agency);

-- Every published open-data file: dataset, content hash and size, recorded when the content changes.
CREATE TABLE open_data_releases (
  id         bigserial PRIMARY KEY,
  dataset    text NOT NULL,
  sha256     text NOT NULL,
  row_count  integer NOT NULL,
  byte_count integer NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX open_data_releases_dataset_idx ON open_data_releases (dataset, id DESC);

-- Dashboard counters, kept by statement-level triggers (transition tables) on cases and
-- case_terlapor, so the public dashboard never scans a million cases: a refresh reads a few
-- thousand counter rows. A trigger is a deliberate exception to "side effects at the call
-- site": the counters must follow every writer of cases (intake, handling, transfers, imports)
-- and those live in other modules. `verifyStatsCounters` compares them with a full scan.
CREATE TABLE stats_counts (
  dimension text NOT NULL,
  key       text NOT NULL,
  n         bigint NOT NULL,
  PRIMARY KEY (dimension, key)
);

-- The counter keys of one case: region (kab/kota or province) × state × kind, stage,
-- classification, ISO week (Monday, WIB) of receipt, and each act.
CREATE FUNCTION stats_case_keys(event_region_code text, state text, kind text, stage_code text, classification text,
                                received_at timestamptz, acts text[])
RETURNS TABLE (dimension text, key text) LANGUAGE sql STABLE AS $$
  SELECT 'region_state_kind', substr(event_region_code, 1, 5) || '|' || state || '|' || kind
  UNION ALL SELECT 'stage', coalesce(stage_code, '')
  UNION ALL SELECT 'classification', coalesce(classification, '')
  UNION ALL SELECT 'week', (date_trunc('week', received_at AT TIME ZONE 'Asia/Jakarta'))::date::text
  UNION ALL SELECT 'act', a FROM unnest(acts) AS a
$$;

CREATE FUNCTION stats_cases_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stats_counts (dimension, key, n)
  SELECT k.dimension, k.key, count(*) FROM new_rows c, LATERAL stats_case_keys(c.event_region_code, c.state, c.kind, c.stage_code, c.classification, c.received_at, c.acts) k GROUP BY 1, 2
  ON CONFLICT (dimension, key) DO UPDATE SET n = stats_counts.n + EXCLUDED.n;
  RETURN NULL;
END;
$$;

CREATE FUNCTION stats_cases_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stats_counts (dimension, key, n)
  SELECT k.dimension, k.key, -count(*) FROM old_rows c, LATERAL stats_case_keys(c.event_region_code, c.state, c.kind, c.stage_code, c.classification, c.received_at, c.acts) k GROUP BY 1, 2
  ON CONFLICT (dimension, key) DO UPDATE SET n = stats_counts.n + EXCLUDED.n;
  RETURN NULL;
END;
$$;

CREATE FUNCTION stats_cases_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stats_counts (dimension, key, n)
  SELECT dimension, key, sum(delta) FROM (
    SELECT k.dimension, k.key, -1 AS delta FROM old_rows c, LATERAL stats_case_keys(c.event_region_code, c.state, c.kind, c.stage_code, c.classification, c.received_at, c.acts) k
    UNION ALL
    SELECT k.dimension, k.key, 1 AS delta FROM new_rows c, LATERAL stats_case_keys(c.event_region_code, c.state, c.kind, c.stage_code, c.classification, c.received_at, c.acts) k
  ) d GROUP BY dimension, key HAVING sum(delta) <> 0
  ON CONFLICT (dimension, key) DO UPDATE SET n = stats_counts.n + EXCLUDED.n;
  RETURN NULL;
END;
$$;

CREATE TRIGGER stats_cases_after_insert AFTER INSERT ON cases REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stats_cases_insert();
CREATE TRIGGER stats_cases_after_update AFTER UPDATE ON cases REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stats_cases_update();
CREATE TRIGGER stats_cases_after_delete AFTER DELETE ON cases REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stats_cases_delete();

CREATE FUNCTION stats_terlapor_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stats_counts (dimension, key, n)
  SELECT 'subject', subject_type, count(*) FROM new_rows GROUP BY 2
  ON CONFLICT (dimension, key) DO UPDATE SET n = stats_counts.n + EXCLUDED.n;
  RETURN NULL;
END;
$$;

CREATE FUNCTION stats_terlapor_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stats_counts (dimension, key, n)
  SELECT 'subject', subject_type, -count(*) FROM old_rows GROUP BY 2
  ON CONFLICT (dimension, key) DO UPDATE SET n = stats_counts.n + EXCLUDED.n;
  RETURN NULL;
END;
$$;

CREATE FUNCTION stats_terlapor_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stats_counts (dimension, key, n)
  SELECT 'subject', subject_type, sum(delta) FROM (
    SELECT subject_type, -1 AS delta FROM old_rows UNION ALL SELECT subject_type, 1 FROM new_rows
  ) d GROUP BY 2 HAVING sum(delta) <> 0
  ON CONFLICT (dimension, key) DO UPDATE SET n = stats_counts.n + EXCLUDED.n;
  RETURN NULL;
END;
$$;

CREATE TRIGGER stats_terlapor_after_insert AFTER INSERT ON case_terlapor REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stats_terlapor_insert();
CREATE TRIGGER stats_terlapor_after_update AFTER UPDATE ON case_terlapor REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stats_terlapor_update();
CREATE TRIGGER stats_terlapor_after_delete AFTER DELETE ON case_terlapor REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stats_terlapor_delete();

-- Counters for rows that existed before this migration.
INSERT INTO stats_counts (dimension, key, n)
SELECT k.dimension, k.key, count(*) FROM cases c, LATERAL stats_case_keys(c.event_region_code, c.state, c.kind, c.stage_code, c.classification, c.received_at, c.acts) k GROUP BY 1, 2;
INSERT INTO stats_counts (dimension, key, n)
SELECT 'subject', subject_type, count(*) FROM case_terlapor GROUP BY 2;
