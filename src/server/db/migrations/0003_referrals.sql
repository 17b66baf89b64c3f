-- Referrals (penerusan/rekomendasi) to the competent authority, their timeline, sanctions,
-- escalations of overdue steps, agency API tokens and policy settings.

-- Gapless recommendation-letter numbers per office and year: the counter row is updated in the
-- forwarding transaction, so a rollback gives the number back.
CREATE TABLE recommendation_counters (
  office_code text NOT NULL,
  year        integer NOT NULL,
  last_seq    integer NOT NULL,
  PRIMARY KEY (office_code, year)
);

-- One referral per terlapor per forwarded case.
CREATE TABLE referrals (
  id                    text PRIMARY KEY,
  case_id               text NOT NULL REFERENCES cases (id),
  terlapor_id           bigint NOT NULL REFERENCES case_terlapor (id),
  office_code           text NOT NULL REFERENCES regions (code),
  election_id           text REFERENCES elections (id),
  -- The terlapor's region (kabupaten/kota or province): PPK scope, statistics, conflict check.
  region_code           text REFERENCES regions (code),
  authority             text NOT NULL CHECK (authority IN ('KASN', 'BKN', 'BUPATI_WALIKOTA', 'PPK_DAERAH', 'GAKKUMDU', 'KPU', 'DKPP',
                                                           'TNI', 'POLRI', 'INSTANSI_BERWENANG')),
  authority_name        text NOT NULL,
  authority_level       text,
  authority_region_code text,
  routing_rule_id       text NOT NULL,
  routing_source        text NOT NULL,
  -- The PPK's agency key (the terlapor's instansi; "Pemerintah Kabupaten X" for desa/honorer).
  agency                text NOT NULL,
  terlapor_agency       text NOT NULL,
  terlapor_position     text NOT NULL,
  subject_type          text NOT NULL,
  classification        text NOT NULL,
  act_ids               text[] NOT NULL DEFAULT '{}',
  proposed_regime       text NOT NULL,
  proposed_track        text CHECK (proposed_track IN ('kode_etik', 'disiplin')),
  proposed_level        text,
  proposed_item_id      text,
  proposed_citation     text NOT NULL,
  proposed_stage        text,
  recommendation_number text NOT NULL UNIQUE,
  recommended_at        timestamptz NOT NULL,
  -- The letter's data as sent (number, date, addressee, kajian summary, proposed track).
  letter                jsonb NOT NULL,
  state                 text NOT NULL CHECK (state IN ('direkomendasikan', 'diverifikasi', 'diteruskan_ppk', 'diputus',
                                                       'sanksi_dilaksanakan', 'tidak_terbukti')),
  siasn_blocked         boolean NOT NULL DEFAULT false,
  siasn_blocked_at      timestamptz,
  conflict_of_interest  boolean NOT NULL DEFAULT false,
  conflict_region_code  text,
  verification_due_at   timestamptz,
  ppk_due_at            timestamptz,
  verified_at           timestamptz,
  forwarded_at          timestamptz,
  decided_at            timestamptz,
  sanction_applied_at   timestamptz,
  created_by            text,
  created_at            timestamptz NOT NULL,
  updated_at            timestamptz NOT NULL,
  UNIQUE (case_id, terlapor_id)
);
CREATE INDEX referrals_authority_idx ON referrals (authority, state);
CREATE INDEX referrals_agency_idx ON referrals (lower(agency));
CREATE INDEX referrals_office_idx ON referrals (office_code);
CREATE INDEX referrals_region_idx ON referrals (region_code);

-- The timeline: one row per step, with its legal due date (null = none) and completion.
CREATE TABLE referral_steps (
  id          bigserial PRIMARY KEY,
  referral_id text NOT NULL REFERENCES referrals (id),
  step        text NOT NULL,
  rule_id     text,
  started_at  timestamptz NOT NULL,
  due_at      timestamptz,
  due_local   text,
  basis       text,
  done_at     timestamptz,
  done_by     text,
  overdue     boolean NOT NULL DEFAULT false,
  UNIQUE (referral_id, step)
);
CREATE INDEX referral_steps_open_idx ON referral_steps (due_at) WHERE done_at IS NULL;

CREATE TABLE sanctions (
  id              bigserial PRIMARY KEY,
  referral_id     text NOT NULL UNIQUE REFERENCES referrals (id),
  sanction_key    text NOT NULL,
  regime          text NOT NULL,
  level           text NOT NULL,
  decree_number   text,
  decree_date     date,
  document_sha256 text CHECK (document_sha256 ~ '^[0-9a-f]{64}$'),
  lighter_than_proposed boolean NOT NULL DEFAULT false,
  note            text,
  recorded_at     timestamptz NOT NULL,
  recorded_by     text NOT NULL,
  applied_at      timestamptz
);

-- API tokens for authorities' systems (BKN, a PPK's agency, Gakkumdu, …); only the hash is kept.
CREATE TABLE agency_tokens (
  id           text PRIMARY KEY,
  token_hash   text NOT NULL UNIQUE,
  label        text NOT NULL,
  authority    text NOT NULL,
  agency       text,
  region_code  text REFERENCES regions (code),
  created_by   text,
  created_at   timestamptz NOT NULL,
  revoked_at   timestamptz,
  last_used_at timestamptz
);

-- One escalation per overdue step, addressed to BKN (ASN referrals) and the forwarding office.
CREATE TABLE escalations (
  id          bigserial PRIMARY KEY,
  referral_id text NOT NULL REFERENCES referrals (id),
  step_id     bigint NOT NULL UNIQUE REFERENCES referral_steps (id),
  office_code text NOT NULL,
  notify_bkn  boolean NOT NULL,
  recipients  text[] NOT NULL,
  message     text NOT NULL,
  created_at  timestamptz NOT NULL
);
CREATE INDEX escalations_referral_idx ON escalations (referral_id);

CREATE TABLE policy_settings (
  key        text PRIMARY KEY,
  value      jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text
);
INSERT INTO policy_settings (key, value) VALUES
  ('public.show_terlapor_names', 'false'::jsonb),
  ('ppk.follow_up_days', '14'::jsonb);
