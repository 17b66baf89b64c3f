-- Media monitoring: where articles come from (feeds, pushes, imports, pasted text), the
-- archived articles with their near-duplicate signatures and clusters, and the triaged leads
-- that supervisors review, dismiss or promote to informasi awal.

CREATE TABLE lead_sources (
  id             text PRIMARY KEY,
  kind           text NOT NULL CHECK (kind IN ('rss', 'atom', 'push', 'import', 'manual')),
  url            text,
  name           text NOT NULL,
  enabled        boolean NOT NULL DEFAULT true,
  poll_minutes   integer NOT NULL DEFAULT 30 CHECK (poll_minutes BETWEEN 5 AND 1440),
  -- Conditional GET state of the last successful poll (RFC 9110 §13.1).
  etag           text,
  last_modified  text,
  next_poll_at   timestamptz,
  last_polled_at timestamptz,
  failures       integer NOT NULL DEFAULT 0,
  last_error     text,
  created_by     text,
  created_at     timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL,
  CHECK (kind NOT IN ('rss', 'atom') OR url IS NOT NULL)
);
CREATE INDEX lead_sources_due_idx ON lead_sources (next_poll_at) WHERE enabled AND kind IN ('rss', 'atom');

-- Push tokens for scrapers and social-media tools, one source each. Only the SHA-256 is kept.
CREATE TABLE ingest_tokens (
  id           text PRIMARY KEY,
  source_id    text NOT NULL REFERENCES lead_sources (id),
  token_hash   text NOT NULL UNIQUE,
  created_by   text,
  created_at   timestamptz NOT NULL,
  revoked_at   timestamptz,
  last_used_at timestamptz
);

CREATE TABLE article_clusters (
  id                        text PRIMARY KEY,
  state                     text NOT NULL DEFAULT 'suggested' CHECK (state IN ('suggested', 'confirmed')),
  representative_article_id text,
  created_at                timestamptz NOT NULL,
  updated_at                timestamptz NOT NULL
);

CREATE TABLE articles (
  id                 text PRIMARY KEY,
  source_id          text NOT NULL REFERENCES lead_sources (id),
  -- The item's identity within its source (feed guid, import id, URL, or the text's hash).
  external_id        text NOT NULL,
  url                text,
  title              text,
  -- Cleaned main text (title + blank line + body) as the triage read it, null until processed.
  text               text,
  -- The raw fetched/received bytes, kept in the evidence store.
  raw_sha256         text NOT NULL CHECK (raw_sha256 ~ '^[0-9a-f]{64}$'),
  raw_content_type   text NOT NULL,
  text_sha256        text CHECK (text_sha256 ~ '^[0-9a-f]{64}$'),
  fetched_at         timestamptz NOT NULL,
  published_at       timestamptz,
  language           text,
  -- MinHash over word 5-shingles (64 values) and its LSH band keys (src/domain/leads/nearDuplicates.ts).
  minhash            bigint[],
  lsh_bands          text[],
  cluster_id         text REFERENCES article_clusters (id),
  -- Set when staff moved the article out of a cluster: it is not re-clustered automatically.
  cluster_pinned     boolean NOT NULL DEFAULT false,
  processed_at       timestamptz,
  UNIQUE (source_id, external_id)
);
CREATE INDEX articles_bands_idx ON articles USING gin (lsh_bands);
CREATE INDEX articles_recent_idx ON articles (fetched_at);
CREATE INDEX articles_cluster_idx ON articles (cluster_id);

ALTER TABLE article_clusters ADD CONSTRAINT article_clusters_representative_fk
  FOREIGN KEY (representative_article_id) REFERENCES articles (id);

CREATE TABLE leads (
  id               text PRIMARY KEY,
  article_id       text NOT NULL UNIQUE REFERENCES articles (id),
  score            double precision NOT NULL,
  relevant         boolean NOT NULL,
  kind             text NOT NULL,
  regions          jsonb NOT NULL DEFAULT '[]'::jsonb,
  actors           text[] NOT NULL DEFAULT '{}',
  acts             text[] NOT NULL DEFAULT '{}',
  numbers          jsonb NOT NULL DEFAULT '[]'::jsonb,
  date             date,
  people           jsonb NOT NULL DEFAULT '[]'::jsonb,
  -- Character spans of the extracted facts in articles.text: [{start, end, kind, label}].
  highlights       jsonb NOT NULL DEFAULT '[]'::jsonb,
  -- Region codes of `regions`, for jurisdiction filtering.
  region_codes     text[] NOT NULL DEFAULT '{}',
  state            text NOT NULL DEFAULT 'baru' CHECK (state IN ('baru', 'ditinjau', 'diabaikan', 'dipromosikan')),
  promoted_case_id text REFERENCES cases (id),
  decided_by       text,
  decided_at       timestamptz,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL
);
CREATE INDEX leads_inbox_idx ON leads (state, score DESC);
CREATE INDEX leads_regions_idx ON leads USING gin (region_codes);
