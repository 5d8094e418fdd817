import { useI18n } from '../i18n';

export function Stars({ average, count }: { average: number; count: number }) {
  const { t } = useI18n();
  const label = t('rating.label', { average: average.toFixed(1), count });
  return (
    <span className="flex items-center gap-1 text-sm" aria-label={label} role="img">
      <span aria-hidden="true" className="text-amber-700">
        {'★'.repeat(Math.round(average))}
        <span className="text-slate-400">{'★'.repeat(5 - Math.round(average))}</span>
      </span>
      <span aria-hidden="true" className="text-slate-700">
        {average.toFixed(1)} ({count})
      </span>
    </span>
  );
}
