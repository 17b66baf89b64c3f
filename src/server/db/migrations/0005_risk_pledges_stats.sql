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
