// The report form's steps as an ordered list, the current one marked for assistive technology.
import { useT } from '../../i18n/store.ts';
import { STEP_KEYS } from './draft.ts';

export function Stepper({ step }: { step: number }) {
  const t = useT();
  return (
    <nav aria-label={t('lapor.stepsNav')}>
      <ol className="stepper">
        {STEP_KEYS.map((key, index) => (
          <li
            key={key}
            className={
              index === step ? 'stepper__item stepper__item--current' : index < step ? 'stepper__item stepper__item--done' : 'stepper__item'
            }
            aria-current={index === step ? 'step' : undefined}
          >
            <span className="stepper__number" aria-hidden="true">
              {index + 1}
            </span>
            <span className="stepper__label">{t(key)}</span>
          </li>
        ))}
      </ol>
    </nav>
  );
}
