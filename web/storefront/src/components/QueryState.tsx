import type { ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { useRouteError } from 'react-router';
import { appErrors, ErrorState, fieldError, Spinner, type AppError } from '@purra/web-shared';
import { useI18n, type MessageKey } from '../i18n';

/** The shopper-facing words for an error: by reason, then by code, then the server's own. */
export function useErrorText(): (e: AppError) => string {
  const { t } = useI18n();
  return (e) => {
    const byReason = e.reason ? (`error.reason.${e.reason}` as MessageKey) : null;
    const r = byReason ? t(byReason) : null;
    if (r && r !== byReason) return r;
    if (e.code === 'BAD_USER_INPUT' || e.code === 'CONFLICT') return e.message; // the server's precise words
    const byCode = `error.${e.code}` as MessageKey;
    const c = t(byCode);
    return c !== byCode ? c : e.message;
  };
}

/** The words for the error about one input field, if there is one (shown at that field). */
export function useFieldErrorText(errors: AppError[]): (field: string) => string | undefined {
  const text = useErrorText();
  return (field) => {
    const e = fieldError(errors, field);
    return e && text(e);
  };
}

/** Loading, a failure with a retry, or the data. */
export function QueryState<T>({ fetching, error, data, retry, children }: { fetching: boolean; error?: CombinedError; data?: T; retry: () => void; children: (data: T) => ReactNode }) {
  const { t } = useI18n();
  const text = useErrorText();
  if (data !== undefined && data !== null) return <>{children(data)}</>;
  if (error) {
    const first = appErrors(error)[0];
    return <ErrorState message={first ? text(first) : t('error.generic')} retryLabel={t('action.retry')} onRetry={retry} />;
  }
  if (fetching) return <div className="py-12"><Spinner label={t('state.loading')} /></div>;
  return null;
}

export function RouteError() {
  const err = useRouteError();
  const { t } = useI18n();
  console.error(err);
  return <ErrorState message={t('error.generic')} retryLabel={t('action.retry')} onRetry={() => window.location.reload()} />;
}
