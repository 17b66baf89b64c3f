// Referral routes: the authorities' inbox and steps (staff sessions), the agency API (Bearer
// tokens), admin token and policy management, and the public follow-up pages.
// Handlers: authenticate → validate (zod) → authorize + service → present.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requirePrincipal, requireRole } from '../../http/auth.ts';
import type { StaffRole } from '../../../domain/access/policy.ts';
import type { ReferralStep } from '../../../domain/referrals/states.ts';
import { nowOf, type CaseDeps } from '../cases/index.ts';
import {
  agencyStatusBody,
  agencyTokenBody,
  noteBody,
  notProvenBody,
  pageQuery,
  publicKeyParams,
  referralIdParams,
  referralListQuery,
  sanctionBody,
  settingBody,
  settingParams,
  siasnBlockBody,
  statsQuery,
  DOMAIN_STEP_OF,
  type ReferralListQuery,
} from './schemas.ts';
import { blockSiasn, listEscalations, listReferrals, referralDetail, referralLetter, referralLetterPdf } from './service.ts';
import { reportReferralStep } from './steps.ts';
import { assertCanAdministerReferrals, callerOfPrincipal, callerOfToken } from './policy.ts';
import { authenticateAgency, createAgencyToken, listAgencyTokens, revokeAgencyToken } from './tokens.ts';
import { publicReferral, publicReferralStats } from './publicView.ts';
import { getPolicySettings, setPolicySetting } from './settings.ts';
import { handOverKasnReferrals } from './handover.ts';
import type { ReferralFilter } from './repository.ts';
import {
  agencyTokenListSchema,
  agencyTokenSchema,
  createdAgencyTokenSchema,
  escalationListSchema,
  publicReferralSchema,
  referralDetailSchema,
  referralLetterSchema,
  referralListSchema,
  referralStatsSchema,
  kasnHandoverResultSchema,
  policySettingListSchema,
  policySettingUpdateSchema,
} from '../../../contracts/referrals.ts';

const filterOf = (q: ReferralListQuery): ReferralFilter => ({
  state: q.state,
  authority: q.authority,
  region: q.region,
  caseId: q.caseId,
  limit: q.limit,
  offset: q.offset,
  overdue: q.overdue === undefined ? undefined : q.overdue === 'true',
});

const tags = ['referrals'];
const agencyTags = ['agency-api'];

export function registerReferralRoutes(app: FastifyInstance, deps: CaseDeps) {
  inboxRoutes(app, deps);
  bknStepRoutes(app, deps);
  ppkStepRoutes(app, deps);
  adminRoutes(app, deps);
  agencyRoutes(app, deps);
  publicRoutes(app, deps);
}

/** The authorities' inbox, one referral, its letter data and PDF, and the escalations. */
function inboxRoutes(app: FastifyInstance, deps: CaseDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  r.get(
    '/api/v1/referrals',
    {
      schema: {
        response: { 200: referralListSchema },
        tags,
        summary: 'Kotak masuk rekomendasi / referral inbox',
        querystring: referralListQuery,
      },
    },
    async (request) => listReferrals(db, callerOfPrincipal(requirePrincipal(request)), filterOf(request.query), nowOf(deps)),
  );

  r.get('/api/v1/referrals/:id', { schema: { response: { 200: referralDetailSchema }, tags, params: referralIdParams } }, async (request) =>
    referralDetail(db, callerOfPrincipal(requirePrincipal(request)), request.params.id, nowOf(deps)),
  );

  r.get(
    '/api/v1/referrals/:id/letter',
    {
      schema: {
        response: { 200: referralLetterSchema },
        tags,
        summary: 'Data surat rekomendasi / recommendation letter data',
        params: referralIdParams,
      },
    },
    async (request) => referralLetter(db, callerOfPrincipal(requirePrincipal(request)), request.params.id),
  );

  r.get(
    '/api/v1/referrals/:id/letter.pdf',
    { schema: { tags, summary: 'Surat rekomendasi (PDF) / recommendation letter (PDF)', params: referralIdParams } },
    async (request, reply) => {
      const rendered = await referralLetterPdf(db, callerOfPrincipal(requirePrincipal(request)), request.params.id, nowOf(deps));
      reply
        .header('Content-Type', 'application/pdf')
        .header('Content-Disposition', `attachment; filename="surat-rekomendasi-${request.params.id}.pdf"`)
        .header('Cache-Control', 'private, no-store')
        .header('X-Document-SHA256', rendered.dataSha256);
      return Buffer.from(rendered.bytes);
    },
  );

  r.get(
    '/api/v1/referral-escalations',
    {
      schema: {
        response: { 200: escalationListSchema },
        tags,
        summary: 'Eskalasi tenggat terlewati / overdue escalations',
        querystring: pageQuery,
      },
    },
    async (request) => listEscalations(db, callerOfPrincipal(requirePrincipal(request)), request.query.limit, request.query.offset),
  );
}

/** A step reported with an optional note: these routes differ only in path, summary, step and who reports it. */
function noteStepRoute(
  app: FastifyInstance,
  deps: CaseDeps,
  route: { path: string; summary: string; step: ReferralStep; roles: readonly StaffRole[] },
) {
  app.withTypeProvider<ZodTypeProvider>().post(
    route.path,
    {
      schema: {
        response: { 200: referralDetailSchema },
        tags,
        summary: route.summary,
        params: referralIdParams,
        body: noteBody,
      },
    },
    async (request) =>
      reportReferralStep(
        deps.db,
        callerOfPrincipal(requireRole(request, route.roles)),
        request.params.id,
        { step: route.step, ...(request.body ?? {}) },
        nowOf(deps),
      ),
  );
}

/** BKN: verification, forwarding to the PPK, the SIASN block. */
function bknStepRoutes(app: FastifyInstance, deps: CaseDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  noteStepRoute(app, deps, {
    path: '/api/v1/referrals/:id/verify',
    summary: 'Verifikasi BKN / BKN verification',
    step: 'verified',
    roles: ['bkn'],
  });

  noteStepRoute(app, deps, {
    path: '/api/v1/referrals/:id/forward-to-ppk',
    summary: 'BKN meneruskan ke PPK / BKN forwards to the PPK',
    step: 'forwarded_to_ppk',
    roles: ['bkn'],
  });

  r.post(
    '/api/v1/referrals/:id/siasn-block',
    {
      schema: {
        response: { 200: referralDetailSchema },
        tags,
        summary: 'Blokir data SIASN / block SIASN data',
        params: referralIdParams,
        body: siasnBlockBody,
      },
    },
    async (request) =>
      blockSiasn(db, callerOfPrincipal(requireRole(request, ['bkn'])), request.params.id, request.body.reason, nowOf(deps)),
  );
}

/** The PPK (and BKN for not proven): the sanction decision and its execution. */
function ppkStepRoutes(app: FastifyInstance, deps: CaseDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  r.post(
    '/api/v1/referrals/:id/sanction',
    {
      schema: {
        response: { 200: referralDetailSchema },
        tags,
        summary: 'PPK mencatat keputusan sanksi / PPK records the sanction',
        params: referralIdParams,
        body: sanctionBody,
      },
    },
    async (request) =>
      reportReferralStep(
        db,
        callerOfPrincipal(requireRole(request, ['ppk'])),
        request.params.id,
        { step: 'sanction', ...request.body },
        nowOf(deps),
      ),
  );

  noteStepRoute(app, deps, {
    path: '/api/v1/referrals/:id/sanction-applied',
    summary: 'Sanksi dilaksanakan / sanction applied',
    step: 'sanction_applied',
    roles: ['ppk'],
  });

  r.post(
    '/api/v1/referrals/:id/not-proven',
    {
      schema: {
        response: { 200: referralDetailSchema },
        tags,
        summary: 'Tidak terbukti / not proven',
        params: referralIdParams,
        body: notProvenBody,
      },
    },
    async (request) =>
      reportReferralStep(
        db,
        callerOfPrincipal(requireRole(request, ['bkn', 'ppk'])),
        request.params.id,
        { step: 'not_proven', ...(request.body ?? {}) },
        nowOf(deps),
      ),
  );
}

/** Admin: tokens for the authorities' systems, the KASN handover, policy settings. */
function adminRoutes(app: FastifyInstance, deps: CaseDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  r.post(
    '/api/v1/agency-tokens',
    {
      schema: {
        response: { 201: createdAgencyTokenSchema },
        tags,
        summary: 'Buat token API instansi / create an agency API token',
        body: agencyTokenBody,
      },
    },
    async (request, reply) => {
      reply.status(201);
      return createAgencyToken(db, requirePrincipal(request), request.body, nowOf(deps));
    },
  );
  r.get('/api/v1/agency-tokens', { schema: { response: { 200: agencyTokenListSchema }, tags } }, async (request) =>
    listAgencyTokens(db, requirePrincipal(request)),
  );
  r.post(
    '/api/v1/agency-tokens/:id/revoke',
    { schema: { response: { 200: agencyTokenSchema }, tags, params: referralIdParams } },
    async (request) => revokeAgencyToken(db, requirePrincipal(request), request.params.id, nowOf(deps)),
  );

  // KASN → BKN (25 Aug 2024): open KASN referrals taken over by BKN in one audited step. The
  // 'referrals.kasn_handover' job does the same hourly; this lets an admin run it now.
  r.post(
    '/api/v1/referrals/kasn-handover',
    { schema: { response: { 200: kasnHandoverResultSchema }, tags, summary: 'Pengalihan rekomendasi KASN ke BKN / KASN → BKN handover' } },
    async (request) => {
      const principal = requirePrincipal(request);
      assertCanAdministerReferrals(principal);
      return handOverKasnReferrals(db, { id: principal.id, role: principal.role }, nowOf(deps));
    },
  );

  r.get(
    '/api/v1/policy-settings',
    { schema: { response: { 200: policySettingListSchema }, tags, summary: 'Pengaturan kebijakan / policy settings' } },
    async (request) => getPolicySettings(db, requirePrincipal(request)),
  );
  r.put(
    '/api/v1/policy-settings/:key',
    {
      schema: {
        response: { 200: policySettingUpdateSchema },
        tags,
        summary: 'Ubah pengaturan kebijakan / change a policy setting',
        params: settingParams,
        body: settingBody,
      },
    },
    async (request) => setPolicySetting(db, requirePrincipal(request), request.params.key, request.body.value, nowOf(deps)),
  );
}

/** Agency API: Authorization: Bearer <token>; same rules and validation as the staff routes. */
function agencyRoutes(app: FastifyInstance, deps: CaseDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  r.get(
    '/api/v1/agency/referrals',
    {
      schema: {
        response: { 200: referralListSchema },
        tags: agencyTags,
        summary: 'Rekomendasi dalam cakupan token / referrals in the token’s scope',
        querystring: referralListQuery,
      },
    },
    async (request) => {
      const token = await authenticateAgency(db, request, nowOf(deps));
      return listReferrals(db, callerOfToken(token), filterOf(request.query), nowOf(deps));
    },
  );
  r.get(
    '/api/v1/agency/referrals/:id',
    { schema: { response: { 200: referralDetailSchema }, tags: agencyTags, params: referralIdParams } },
    async (request) =>
      referralDetail(db, callerOfToken(await authenticateAgency(db, request, nowOf(deps))), request.params.id, nowOf(deps)),
  );
  r.post(
    '/api/v1/agency/referrals/:id/status',
    {
      schema: {
        response: { 200: referralDetailSchema },
        tags: agencyTags,
        summary: 'Laporkan tindak lanjut / report a follow-up step',
        params: referralIdParams,
        body: agencyStatusBody,
      },
    },
    async (request) => {
      const token = await authenticateAgency(db, request, nowOf(deps));
      return reportReferralStep(
        db,
        callerOfToken(token),
        request.params.id,
        { ...request.body, step: DOMAIN_STEP_OF[request.body.step] },
        nowOf(deps),
      );
    },
  );
}

/** Public follow-up: no personal data. */
function publicRoutes(app: FastifyInstance, deps: CaseDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  r.get(
    '/api/v1/public/referrals/:key',
    {
      schema: {
        response: { 200: publicReferralSchema },
        tags: ['public'],
        summary: 'Perkembangan tindak lanjut rekomendasi / referral progress',
        params: publicKeyParams,
      },
    },
    async (request) => publicReferral(db, request.params.key, nowOf(deps)),
  );
  r.get(
    '/api/v1/public/referral-stats',
    {
      schema: {
        response: { 200: referralStatsSchema },
        tags: ['public'],
        summary: 'Kepatuhan tindak lanjut / follow-up compliance',
        querystring: statsQuery,
      },
    },
    async (request) => publicReferralStats(db, nowOf(deps), { electionId: request.query.electionId }),
  );
}
