// The statements that register one laporan. Hot path (benchmarked, docs/BENCHMARKS.md "Report
// intake"): one read before the transaction; inside it the reporter lock (with the Idempotency-Key
// claim), then ONE statement writing every row (data-modifying CTEs, one INSERT per table, lists
// through unnest), then the audit append. Raw SQL: Kysely would obscure the CTEs.
import type { Queryable, Tx } from '../../../db/client.ts';
import type { Deadline } from '../../../../domain/legal-clock/compute.ts';

export interface IntakeContext {
  /** The codes among the asked ones that exist. */
  knownRegionCodes: string[];
  officeRegionName: string | null;
  /** The election whose stages (plus 90 days after the last) cover the event date. */
  electionId: string | null;
  stages: { code: string; starts_on: string; ends_on: string }[];
}

/** Everything intake reads before its transaction: regions, the office's name, the election and its stages. */
export async function readIntakeContext(
  db: Queryable,
  q: { regionCodes: string[]; officeCode: string; eventDate: string },
): Promise<IntakeContext> {
  const row = (
    await db.query<{ known: string[]; office_region_name: string | null; election_id: string | null; stages: IntakeContext['stages'] }>(
      `WITH election AS (
         SELECT e.id FROM elections e JOIN election_stages s ON s.election_id = e.id
         GROUP BY e.id HAVING min(s.starts_on) <= $3::date AND max(s.ends_on) + 90 >= $3::date ORDER BY e.id LIMIT 1)
       SELECT ARRAY(SELECT code FROM regions WHERE code = ANY($1::text[])) AS known,
              (SELECT name FROM regions WHERE code = $2) AS office_region_name,
              (SELECT id FROM election) AS election_id,
              (SELECT coalesce(json_agg(json_build_object('code', code, 'starts_on', starts_on, 'ends_on', ends_on) ORDER BY sort_order), '[]')
                 FROM election_stages WHERE election_id = (SELECT id FROM election)) AS stages`,
      // This runs before the date checks: a year PostgreSQL has no date for (0000) must reach them, not fail here.
      [q.regionCodes, q.officeCode, q.eventDate.startsWith('0000') ? null : q.eventDate],
      { prepare: 'intake_context' },
    )
  ).rows[0];
  return { knownRegionCodes: row.known, officeRegionName: row.office_region_name, electionId: row.election_id, stages: row.stages };
}

/**
 * Takes the reporter's advisory lock (held until the transaction ends, so two reports of one
 * reporter queue here), claiming the Idempotency-Key first when there is one. False when another
 * request holds the key. The next statement's snapshot is taken once the lock is held.
 */
export async function lockReporter(tx: Tx, nikMac: string, claim: { key: string; requestHash: string; sealedResponse: string } | null) {
  if (!claim) {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`reporter:${nikMac}`], { prepare: 'lock_reporter' });
    return true;
  }
  const claimed = await tx.query<{ claimed: boolean }>(
    `WITH claim AS (INSERT INTO idempotency_keys (key, request_hash, response) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING RETURNING key)
     SELECT k.n > 0 AS claimed, pg_advisory_xact_lock(hashtext($4)) FROM (SELECT count(*) AS n FROM claim) k`,
    [claim.key, claim.requestHash, claim.sealedResponse, `reporter:${nikMac}`],
    { prepare: 'claim_lock_reporter' },
  );
  return claimed.rows[0].claimed;
}

/** Every row one laporan writes (besides evidence and the audit row). */
export interface LaporanRows {
  case: {
    id: string;
    trackingCode: string;
    pinHash: string;
    officeCode: string;
    regionCode: string;
    place: string;
    eventDate: string;
    knownDate: string;
    receivedAt: Date;
    electionId: string | null;
    stageCode: string | null;
    regimeId: string;
    title: string;
    narrative: string;
    acts: string[];
    evidenceUrls: string[];
    late: boolean;
    proposedReason: string | null;
    language: 'id' | 'en';
    searchText: string;
  };
  identity: { ciphertext: string; keyId: string; category: string; nikMac: string; hasEmail: boolean };
  /** The reporter's hourly limit: the case is written only while fewer than `max` reports since `since`. */
  limit: { since: Date; max: number };
  terlapor: {
    name: string;
    nip: string | null;
    position: string;
    agency: string;
    subjectType: string;
    regionCode: string | null;
    searchName: string;
  }[];
  sealedWitnesses: string[];
  event: { publicNote: string; data: Record<string, unknown> };
  clocks: Deadline[];
  /** `email`: queue it for mail when the reporter gave an address (the notices module's rule). */
  notice: { kind: string; title: string; body: string; en?: { title: string; body: string }; email: boolean; emailAttempts: number };
  /** run_after of the cases.suggest_links job (enqueueJob's default: the wall clock). */
  jobAt: Date;
}

// With the limit reached `c` inserts nothing, and every other INSERT reads from `c`: nothing is
// written. The count's snapshot is this statement's, taken after lockReporter returned. CTEs see
// the same snapshot, so the notice's e-mail state reads the identity from `i`, not the table.
const WRITE_LAPORAN = named(`
  WITH under AS (
    SELECT count(*) < $limit::int AS ok FROM reporter_identities WHERE nik_mac = $nikMac AND created_at > $since::timestamptz),
  c AS (
    INSERT INTO cases (id, kind, tracking_code, pin_hash, state, source, office_code, event_region_code, event_place,
      event_date, known_date, received_at, election_id, stage_code, regime_id, title, narrative, acts, evidence_urls,
      is_late, proposed_reason, reporter_language, search)
    SELECT $id::text, 'laporan', $trackingCode::text, $pinHash::text, 'diterima', 'publik', $officeCode::text, $regionCode::text, $place::text,
      $eventDate::date, $knownDate::date, $receivedAt::timestamptz, $electionId::text, $stageCode::text, $regimeId::text, $title::text,
      $narrative::text, $acts::text[], $evidenceUrls::text[], $late::boolean, $proposedReason::text, $language::text,
      to_tsvector('indonesian', $searchText::text)
    FROM under WHERE under.ok
    RETURNING id),
  i AS (
    INSERT INTO reporter_identities (case_id, ciphertext, key_id, category, nik_mac, created_at, has_email)
    SELECT c.id, $ciphertext::text, $keyId::text, $category::text, $nikMac::text, $receivedAt::timestamptz, $hasEmail::boolean FROM c
    RETURNING has_email),
  t AS (
    INSERT INTO case_terlapor (case_id, name, nip, position, agency, subject_type, region_code, search_name)
    SELECT c.id, t.name, t.nip, t.position, t.agency, t.subject_type, t.region_code, t.search_name
    FROM c, unnest($tName::text[], $tNip::text[], $tPosition::text[], $tAgency::text[], $tSubjectType::text[], $tRegionCode::text[],
      $tSearchName::text[]) WITH ORDINALITY AS t(name, nip, position, agency, subject_type, region_code, search_name, n)
    ORDER BY t.n),
  w AS (
    INSERT INTO case_witnesses (case_id, sealed, key_id)
    SELECT c.id, w.sealed, $keyId::text FROM c, unnest($witnesses::text[]) WITH ORDINALITY AS w(sealed, n) ORDER BY w.n),
  e AS (
    INSERT INTO case_events (case_id, occurred_at, action, from_state, to_state, actor_id, public_note, internal_note, data, recorded_at)
    SELECT c.id, $receivedAt::timestamptz, 'terima', NULL, 'diterima', NULL, $publicNote::text, NULL, $eventData::jsonb, $receivedAt::timestamptz
    FROM c),
  k AS (
    INSERT INTO case_clocks (case_id, rule_id, started_at, due_at, due_local, zone, source, basis, extended)
    SELECT c.id, k.rule_id, k.started_at, k.due_at, k.due_local, k.zone, k.source, k.basis, k.extended
    FROM c, unnest($kRuleId::text[], $kStartedAt::timestamptz[], $kDueAt::timestamptz[], $kDueLocal::text[], $kZone::text[], $kSource::text[],
      $kBasis::text[], $kExtended::boolean[]) WITH ORDINALITY AS k(rule_id, started_at, due_at, due_local, zone, source, basis, extended, n)
    ORDER BY k.n),
  n AS (
    INSERT INTO notices (case_id, created_at, kind, title, body, title_en, body_en, email_state)
    SELECT c.id, $receivedAt::timestamptz, $noticeKind::text, $noticeTitle::text, $noticeBody::text, $noticeTitleEn::text, $noticeBodyEn::text,
      CASE WHEN $noticeEmail::boolean AND EXISTS (SELECT 1 FROM i WHERE i.has_email IS NOT FALSE) THEN 'queued' ELSE 'none' END
    FROM c
    RETURNING id, email_state),
  j AS (
    INSERT INTO jobs (name, payload, run_after, max_attempts, dedupe_key)
    SELECT 'notices.email', jsonb_build_object('noticeId', n.id), $receivedAt::timestamptz, $emailAttempts::int, 'notices.email:' || n.id
    FROM n WHERE n.email_state = 'queued'
    UNION ALL
    SELECT 'cases.suggest_links', jsonb_build_object('caseId', c.id), $jobAt::timestamptz, 5, NULL FROM c
    ON CONFLICT (dedupe_key) DO NOTHING)
  SELECT (SELECT ok FROM under) AS under_limit`);

/** Writes the laporan's rows in one statement; false (and nothing written) when the reporter's hourly limit is reached. */
export async function insertLaporanRows(tx: Tx, r: LaporanRows): Promise<boolean> {
  const { case: c, identity, terlapor, clocks, notice } = r;
  const written = await tx.query<{ under_limit: boolean }>(
    WRITE_LAPORAN.text,
    WRITE_LAPORAN.values({
      ...c,
      ...identity,
      since: r.limit.since,
      limit: r.limit.max,
      tName: terlapor.map((t) => t.name),
      tNip: terlapor.map((t) => t.nip),
      tPosition: terlapor.map((t) => t.position),
      tAgency: terlapor.map((t) => t.agency),
      tSubjectType: terlapor.map((t) => t.subjectType),
      tRegionCode: terlapor.map((t) => t.regionCode),
      tSearchName: terlapor.map((t) => t.searchName),
      witnesses: r.sealedWitnesses,
      publicNote: r.event.publicNote,
      eventData: JSON.stringify(r.event.data),
      kRuleId: clocks.map((d) => d.ruleId),
      kStartedAt: clocks.map((d) => d.startAt.toISOString()),
      kDueAt: clocks.map((d) => d.dueAt.toISOString()),
      kDueLocal: clocks.map((d) => d.dueLocal),
      kZone: clocks.map((d) => d.zone),
      kSource: clocks.map((d) => d.source),
      kBasis: clocks.map((d) => d.basis),
      kExtended: clocks.map((d) => d.extended),
      noticeKind: notice.kind,
      noticeTitle: notice.title,
      noticeBody: notice.body,
      noticeTitleEn: notice.en?.title ?? null,
      noticeBodyEn: notice.en?.body ?? null,
      noticeEmail: notice.email,
      emailAttempts: notice.emailAttempts,
      jobAt: r.jobAt,
    }),
    // Large to parse and plan, and sent once per report: prepared once per connection.
    { prepare: 'write_laporan' },
  );
  return written.rows[0].under_limit;
}

/** `$name` placeholders to positional ones; `values` then lists a record's fields in that order. */
function named(text: string) {
  const names: string[] = [];
  const positional = text.replace(/\$([a-zA-Z]\w*)/g, (_, name: string) => {
    const at = names.indexOf(name);
    return `$${at >= 0 ? at + 1 : names.push(name)}`;
  });
  return {
    text: positional,
    values(record: Record<string, unknown>) {
      return names.map((name) => {
        if (!(name in record)) throw new Error(`no value for $${name}`);
        return record[name];
      });
    },
  };
}
