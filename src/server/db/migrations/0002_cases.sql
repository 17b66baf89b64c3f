-- Laporan and temuan: cases, parties, reporter identity vault, timeline, notices, clocks,
-- registration counters, idempotency, evidence.

CREATE TABLE cases (
  id                  text PRIMARY KEY,
  kind                text NOT NULL CHECK (kind IN ('laporan', 'temuan')),
  tracking_code       text UNIQUE,
  pin_hash            text,
  state               text NOT NULL,
  source              text NOT NULL DEFAULT 'publik',
  -- The Bawaslu office handling the case: a province (pilgub) or a kabupaten/kota code.
  office_code         text NOT NULL REFERENCES regions (code),
  event_region_code   text NOT NULL REFERENCES regions (code),
  event_place         text NOT NULL DEFAULT '',
  event_date          date,
  known_date          date,
  received_at         timestamptz NOT NULL,
  election_id         text REFERENCES elections (id),
  stage_code          text,
  regime_id           text NOT NULL,
  title               text NOT NULL DEFAULT '',
  narrative           text NOT NULL,
  acts                text[] NOT NULL DEFAULT '{}',
  evidence_urls       text[] NOT NULL DEFAULT '{}',
  is_late             boolean NOT NULL DEFAULT false,
  proposed_reason     text,
  registration_number text UNIQUE,
  registered_at       timestamptz,
  state_reason        text,
  classification      text,
  decision_summary    text,
  assigned_to         text REFERENCES users (id),
  created_by          text REFERENCES users (id),
  pelapor_email       text,
  search              tsvector,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cases_office_idx ON cases (office_code, state);
CREATE INDEX cases_event_region_idx ON cases (event_region_code);
CREATE INDEX cases_search_idx ON cases USING gin (search);
CREATE INDEX cases_received_idx ON cases (received_at);

CREATE TABLE case_terlapor (
  id           bigserial PRIMARY KEY,
  case_id      text NOT NULL REFERENCES cases (id),
  name         text NOT NULL,
  nip          text,
  position     text NOT NULL DEFAULT '',
  agency       text NOT NULL DEFAULT '',
  subject_type text NOT NULL,
  region_code  text REFERENCES regions (code),
  search_name  text NOT NULL
);
CREATE INDEX case_terlapor_case_idx ON case_terlapor (case_id);
CREATE INDEX case_terlapor_nip_idx ON case_terlapor (nip);
CREATE INDEX case_terlapor_name_trgm_idx ON case_terlapor USING gin (search_name gin_trgm_ops);

CREATE TABLE case_witnesses (
  id       bigserial PRIMARY KEY,
  case_id  text NOT NULL REFERENCES cases (id),
  name     text NOT NULL,
  address  text NOT NULL DEFAULT '',
  phone    text
);

-- Reporter identity, encrypted at rest (AES-256-GCM); readable only by handling staff with a reason.
CREATE TABLE reporter_identities (
  case_id    text PRIMARY KEY REFERENCES cases (id),
  ciphertext text NOT NULL,
  key_id     text NOT NULL,
  category   text NOT NULL,
  -- Keyed hash of the NIK: limits reports per person without storing the NIK in clear.
  nik_mac    text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX reporter_identities_nik_idx ON reporter_identities (nik_mac, created_at);

CREATE TABLE case_events (
  id          bigserial PRIMARY KEY,
  case_id     text NOT NULL REFERENCES cases (id),
  occurred_at timestamptz NOT NULL,
  action      text NOT NULL,
  from_state  text,
  to_state    text NOT NULL,
  actor_id    text,
  public_note text,
  internal_note text,
  data        jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX case_events_case_idx ON case_events (case_id, id);

-- Notices to the reporter (pemberitahuan status) and public announcements (without identity).
CREATE TABLE notices (
  id          bigserial PRIMARY KEY,
  case_id     text NOT NULL REFERENCES cases (id),
  created_at  timestamptz NOT NULL,
  kind        text NOT NULL,
  title       text NOT NULL,
  body        text NOT NULL,
  is_public   boolean NOT NULL DEFAULT true,
  email_state text NOT NULL DEFAULT 'none' CHECK (email_state IN ('none', 'queued', 'sent', 'failed'))
);
CREATE INDEX notices_case_idx ON notices (case_id);

-- Running and finished legal deadlines per case.
CREATE TABLE case_clocks (
  id          bigserial PRIMARY KEY,
  case_id     text NOT NULL REFERENCES cases (id),
  rule_id     text NOT NULL,
  started_at  timestamptz NOT NULL,
  due_at      timestamptz NOT NULL,
  due_local   text NOT NULL,
  zone        text NOT NULL,
  source      text NOT NULL,
  basis       text NOT NULL,
  extended    boolean NOT NULL DEFAULT false,
  stopped_at  timestamptz
);
CREATE INDEX case_clocks_open_idx ON case_clocks (due_at) WHERE stopped_at IS NULL;
CREATE INDEX case_clocks_case_idx ON case_clocks (case_id);

-- Gapless registration numbers per office, kind and month: the counter row is updated in the
-- registering transaction, so a rollback gives the number back.
CREATE TABLE registration_counters (
  office_code text NOT NULL,
  kind        text NOT NULL,
  year        integer NOT NULL,
  month       integer NOT NULL,
  last_seq    integer NOT NULL,
  PRIMARY KEY (office_code, kind, year, month)
);

CREATE TABLE idempotency_keys (
  key          text PRIMARY KEY,
  request_hash text NOT NULL,
  case_id      text REFERENCES cases (id),
  response     text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);

-- Evidence: content-addressed files, immutable originals.
CREATE TABLE evidence_files (
  sha256      text PRIMARY KEY,
  size_bytes  integer NOT NULL,
  mime_type   text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE uploads (
  id           text PRIMARY KEY,
  sha256       text NOT NULL REFERENCES evidence_files (sha256),
  original_name text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  case_id      text REFERENCES cases (id)
);

CREATE TABLE case_evidence (
  id            bigserial PRIMARY KEY,
  case_id       text NOT NULL REFERENCES cases (id),
  sha256        text NOT NULL REFERENCES evidence_files (sha256),
  original_name text NOT NULL,
  added_at      timestamptz NOT NULL,
  UNIQUE (case_id, sha256)
);

CREATE TABLE evidence_access_log (
  id        bigserial PRIMARY KEY,
  sha256    text NOT NULL,
  case_id   text,
  actor_id  text,
  at        timestamptz NOT NULL DEFAULT now(),
  purpose   text NOT NULL
);

-- Failed tracking look-ups, for rate limiting guesses at a PIN per tracking code.
CREATE TABLE tracking_failures (
  tracking_code text NOT NULL,
  at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tracking_failures_idx ON tracking_failures (tracking_code, at);
