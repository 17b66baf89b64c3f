-- History as data: cases imported from offices' recap sheets (Pilkada 2020, 2024, …) and the
-- figures Bawaslu published per region, each with its source and date.

-- Set only on imported cases: { source, fileName, fileSha256, importedBy, importedAt, line, cycle,
-- decidedOn, referredTo, followUp }. Imported cases are read-only history: no clocks, no notices.
ALTER TABLE cases ADD COLUMN imported_from jsonb;
CREATE INDEX cases_imported_idx ON cases ((imported_from->>'cycle'), event_region_code) WHERE imported_from IS NOT NULL;

-- Published figures per region (reference/figures/*.json): a category, a score, or both, as
-- published. A region without a row has no published value ('belum ada data').
CREATE TABLE published_figures (
  series       text NOT NULL,
  region_code  text NOT NULL REFERENCES regions (code),
  value        double precision,
  category     text CHECK (category IN ('tinggi', 'sedang', 'rendah')),
  published_on date NOT NULL,
  publisher    text NOT NULL,
  title        text NOT NULL,
  source       text NOT NULL,
  partial      boolean NOT NULL,
  note         text,
  PRIMARY KEY (series, region_code),
  CHECK (value IS NOT NULL OR category IS NOT NULL)
);

-- Dashboard counters: imported cases count in their own dimension ('imported': cycle|region|
-- kind|state), never in the live ones, so the live dashboard and the live-cases component of the
-- risk index stay about this cycle while history feeds the cycle comparison and past cases.
CREATE FUNCTION stats_case_keys(event_region_code text, state text, kind text, stage_code text, classification text,
                                received_at timestamptz, acts text[], imported_from jsonb)
RETURNS TABLE (dimension text, key text) LANGUAGE sql STABLE AS $$
  SELECT k.dimension, k.key FROM stats_case_keys(event_region_code, state, kind, stage_code, classification, received_at, acts) k
  WHERE imported_from IS NULL
  UNION ALL SELECT 'imported', (imported_from->>'cycle') || '|' || substr(event_region_code, 1, 5) || '|' || kind || '|' || state
  WHERE imported_from IS NOT NULL
$$;

CREATE OR REPLACE FUNCTION stats_cases_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stats_counts (dimension, key, n)
  SELECT k.dimension, k.key, count(*) FROM new_rows c, LATERAL stats_case_keys(c.event_region_code, c.state, c.kind, c.stage_code, c.classification, c.received_at, c.acts, c.imported_from) k GROUP BY 1, 2
  ON CONFLICT (dimension, key) DO UPDATE SET n = stats_counts.n + EXCLUDED.n;
  RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION stats_cases_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stats_counts (dimension, key, n)
  SELECT k.dimension, k.key, -count(*) FROM old_rows c, LATERAL stats_case_keys(c.event_region_code, c.state, c.kind, c.stage_code, c.classification, c.received_at, c.acts, c.imported_from) k GROUP BY 1, 2
  ON CONFLICT (dimension, key) DO UPDATE SET n = stats_counts.n + EXCLUDED.n;
  RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION stats_cases_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stats_counts (dimension, key, n)
  SELECT dimension, key, sum(delta) FROM (
    SELECT k.dimension, k.key, -1 AS delta FROM old_rows c, LATERAL stats_case_keys(c.event_region_code, c.state, c.kind, c.stage_code, c.classification, c.received_at, c.acts, c.imported_from) k
    UNION ALL
    SELECT k.dimension, k.key, 1 AS delta FROM new_rows c, LATERAL stats_case_keys(c.event_region_code, c.state, c.kind, c.stage_code, c.classification, c.received_at, c.acts, c.imported_from) k
  ) d GROUP BY dimension, key HAVING sum(delta) <> 0
  ON CONFLICT (dimension, key) DO UPDATE SET n = stats_counts.n + EXCLUDED.n;
  RETURN NULL;
END;
$$;

-- Terlapor of imported cases are not live subjects (the case row is written first, so the join sees it).
CREATE OR REPLACE FUNCTION stats_terlapor_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stats_counts (dimension, key, n)
  SELECT 'subject', t.subject_type, count(*) FROM new_rows t JOIN cases c ON c.id = t.case_id WHERE c.imported_from IS NULL GROUP BY 2
  ON CONFLICT (dimension, key) DO UPDATE SET n = stats_counts.n + EXCLUDED.n;
  RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION stats_terlapor_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stats_counts (dimension, key, n)
  SELECT 'subject', t.subject_type, -count(*) FROM old_rows t JOIN cases c ON c.id = t.case_id WHERE c.imported_from IS NULL GROUP BY 2
  ON CONFLICT (dimension, key) DO UPDATE SET n = stats_counts.n + EXCLUDED.n;
  RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION stats_terlapor_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stats_counts (dimension, key, n)
  SELECT 'subject', subject_type, sum(delta) FROM (
    SELECT t.subject_type, -1 AS delta FROM old_rows t JOIN cases c ON c.id = t.case_id WHERE c.imported_from IS NULL
    UNION ALL SELECT t.subject_type, 1 FROM new_rows t JOIN cases c ON c.id = t.case_id WHERE c.imported_from IS NULL
  ) d GROUP BY 1 HAVING sum(delta) <> 0
  ON CONFLICT (dimension, key) DO UPDATE SET n = stats_counts.n + EXCLUDED.n;
  RETURN NULL;
END;
$$;
