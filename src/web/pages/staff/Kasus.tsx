// One case as Bawaslu staff handle it: facts, terlapor, evidence, deadlines, timeline, notices,
// duplicate suggestions, documents, the audited reporter-identity reveal, assignment, notes, and
// the handling actions the server offers (availableActions) with the inputs each one needs.
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading, Notice, PageTitle } from '../../components/Layout.tsx';
import { pick, useLanguage, useT } from '../../i18n/store.ts';
import { ActionsSection } from '../../features/cases/ActionsSection.tsx';
import { AssignSection, DocumentsSection, LinksSection, NoteSection, ReferralsSection } from '../../features/cases/CaseSide.tsx';
import type { CaseDetail } from '../../features/cases/types.ts';
import { CaseFacts, TerlaporSection } from '../../features/cases/CaseFacts.tsx';
import { DeadlinesSection, TimelineSection } from '../../features/cases/CaseTimeline.tsx';
import { IdentitySection } from '../../features/cases/IdentitySection.tsx';
import { EvidenceSection } from '../../features/cases/EvidenceSection.tsx';

export default function Kasus() {
  const { id = '' } = useParams();
  const t = useT();
  const language = useLanguage();
  const detail = useApi((signal) => api.get<CaseDetail>(`/cases/${encodeURIComponent(id)}`, undefined, signal), [id]);
  const [flash, setFlash] = useState<string | null>(null);

  if (detail.status === 'loading')
    return (
      <div className="page">
        <Loading />
      </div>
    );
  if (detail.status === 'error')
    return (
      <div className="page">
        <ErrorNotice error={detail.error} onRetry={detail.reload} />
      </div>
    );
  const c = detail.data;
  const done = (message: string) => {
    setFlash(message);
    detail.reload();
  };

  return (
    <div className="page kasus">
      <Breadcrumbs
        items={[
          { to: '/staf', label: t('staff.title') },
          { to: '/staf/antrian', label: t('staff.queue') },
          { label: c.registrationNumber ?? c.trackingCode ?? t('case.title') },
        ]}
      />
      <PageTitle>{c.title}</PageTitle>
      <p className="kasus__status">
        <span className={`state-badge state-badge--${c.state}`} data-testid="case-state">
          {pick(c.stateLabel, language)}
        </span>
        <span className="badge">{t(c.kind === 'temuan' ? 'queue.kindTemuan' : 'queue.kindLaporan')}</span>
        {c.late && <span className="badge badge--live">{t('queue.lateFiled')}</span>}
      </p>
      {flash && <Notice kind="success">{flash}</Notice>}

      <div className="kasus__layout">
        <div className="kasus__actions">
          <ActionsSection c={c} onDone={done} />
        </div>
        <div className="kasus__main">
          <CaseFacts c={c} />
          <TerlaporSection c={c} />

          <EvidenceSection c={c} />
          <DeadlinesSection c={c} />
          <TimelineSection c={c} />
        </div>

        <aside className="kasus__side">
          <AssignSection c={c} onDone={done} />
          <ReferralsSection c={c} />
          <DocumentsSection c={c} />
          {c.kind === 'laporan' && c.availableActions.length + 1 > 0 && <IdentitySection c={c} />}
          <LinksSection c={c} onDone={done} />
          <NoteSection c={c} onDone={done} />
        </aside>
      </div>
    </div>
  );
}
