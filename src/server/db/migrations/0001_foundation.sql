-- Foundation: regions, elections, accounts, sessions, audit, jobs.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE regions (
  code          text PRIMARY KEY,
  name          text NOT NULL,
  level         text NOT NULL CHECK (level IN ('provinsi', 'kabupaten', 'kota', 'kecamatan', 'desa')),
  parent_code   text REFERENCES regions (code),
  province_code text NOT NULL,
  time_zone     text NOT NULL CHECK (time_zone IN ('WIB', 'WITA', 'WIT')),
  search_name   text NOT NULL
);
CREATE INDEX regions_parent_idx ON regions (parent_code);
CREATE INDEX regions_level_idx ON regions (level);
CREATE INDEX regions_search_trgm_idx ON regions USING gin (search_name gin_trgm_ops);

CREATE TABLE region_aliases (
  alias        text NOT NULL,
  search_alias text NOT NULL,
  code         text NOT NULL REFERENCES regions (code),
  PRIMARY KEY (search_alias, code)
);

-- What reference data is loaded, at which package version (loading is idempotent).
CREATE TABLE reference_loads (
  name      text PRIMARY KEY,
  version   text NOT NULL,
  row_count integer NOT NULL,
  loaded_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE elections (
  id          text PRIMARY KEY,
  name        text NOT NULL,
  year        integer NOT NULL,
  voting_date date NOT NULL,
  legal_basis text NOT NULL,
  source      text
);

CREATE TABLE election_stages (
  election_id text NOT NULL REFERENCES elections (id),
  code        text NOT NULL,
  name        text NOT NULL,
  name_en     text NOT NULL,
  starts_on   date NOT NULL,
  ends_on     date NOT NULL,
  sort_order  integer NOT NULL,
  PRIMARY KEY (election_id, code),
  CHECK (ends_on >= starts_on)
);

CREATE TABLE contests (
  election_id text NOT NULL REFERENCES elections (id),
  region_code text NOT NULL REFERENCES regions (code),
  kind        text NOT NULL CHECK (kind IN ('gubernur', 'bupati', 'walikota')),
  PRIMARY KEY (election_id, region_code)
);

CREATE TABLE candidate_pairs (
  id           bigserial PRIMARY KEY,
  election_id  text NOT NULL,
  region_code  text NOT NULL,
  ballot_number integer,
  head_name    text NOT NULL,
  deputy_name  text NOT NULL,
  is_incumbent boolean NOT NULL DEFAULT false,
  parties      text,
  FOREIGN KEY (election_id, region_code) REFERENCES contests (election_id, region_code),
  UNIQUE (election_id, region_code, head_name, deputy_name)
);

CREATE TABLE users (
  id             text PRIMARY KEY,
  username       text NOT NULL UNIQUE,
  display_name   text NOT NULL,
  password_hash  text NOT NULL,
  role           text NOT NULL CHECK (role IN ('admin', 'pengawas_ri', 'pengawas_provinsi', 'pengawas_kabkota',
                                             'pengawas_kecamatan', 'bkn', 'ppk', 'analyst')),
  region_code    text REFERENCES regions (code),
  agency         text,
  totp_secret    text,
  totp_enabled   boolean NOT NULL DEFAULT false,
  failed_logins  integer NOT NULL DEFAULT 0,
  locked_until   timestamptz,
  disabled       boolean NOT NULL DEFAULT false,
  created_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sessions (
  token_hash    text PRIMARY KEY,
  user_id       text NOT NULL REFERENCES users (id),
  csrf_token    text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL,
  totp_pending  boolean NOT NULL DEFAULT false
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

-- Append-only, hash-chained audit trail: each row carries the hash of the previous one.
CREATE TABLE audit_events (
  id          bigserial PRIMARY KEY,
  occurred_at timestamptz NOT NULL,
  actor_id    text,
  actor_role  text,
  action      text NOT NULL,
  entity_type text NOT NULL,
  entity_id   text,
  region_code text,
  data        jsonb NOT NULL DEFAULT '{}'::jsonb,
  prev_hash   text NOT NULL,
  hash        text NOT NULL
);
CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id);

CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only';
END;
$$;
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();

-- Postgres-backed job queue, claimed with FOR UPDATE SKIP LOCKED.
CREATE TABLE jobs (
  id           bigserial PRIMARY KEY,
  name         text NOT NULL,
  payload      jsonb NOT NULL DEFAULT '{}'::jsonb,
  state        text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed', 'dead')),
  attempts     integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 5,
  run_after    timestamptz NOT NULL DEFAULT now(),
  locked_by    text,
  locked_at    timestamptz,
  last_error   text,
  progress     jsonb,
  result       jsonb,
  dedupe_key   text UNIQUE,
  created_at   timestamptz NOT NULL DEFAULT now(),
  finished_at  timestamptz
);
CREATE INDEX jobs_claim_idx ON jobs (state, run_after);
