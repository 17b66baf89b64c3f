// The stages of an election (tahapan, PKPU 2/2024 for Pilkada 2024) with voting day and the
// current stage marked; used by the region browser and the region profile.
import type { ElectionStage } from '../api/types.ts';
import { formatDateRange } from '../i18n/format.ts';
import { useT } from '../i18n/store.ts';

export function StageTable({
  title,
  stages,
  votingDate,
  language,
}: {
  title: string;
  stages: ElectionStage[];
  votingDate: string;
  language: 'id' | 'en';
}) {
  const t = useT();
  // The browser may read the clock (src/domain may not); "today" only decorates the table.
  const today = new Date().toISOString().slice(0, 10);
  return (
    <div className="table-wrap" tabIndex={0}>
      <table className="stages">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('elections.stages')}</th>
            <th scope="col">{t('elections.stageDates')}</th>
          </tr>
        </thead>
        <tbody>
          {stages.map((stage) => {
            const isVoting = stage.startsOn <= votingDate && votingDate <= stage.endsOn && stage.startsOn === stage.endsOn;
            const isCurrent = stage.startsOn <= today && today <= stage.endsOn;
            return (
              <tr key={stage.code} className={isVoting ? 'stages__voting' : undefined}>
                <th scope="row">
                  {language === 'en' ? stage.nameEn : stage.name}
                  {isCurrent && <span className="badge badge--live">{t('elections.stageCurrent')}</span>}
                </th>
                <td>{formatDateRange(stage.startsOn, stage.endsOn, language)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
