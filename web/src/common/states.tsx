/** Loading, empty and error states, the same everywhere. */
import { Alert, Button, Card, Empty, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { ApiError } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';

export function Loading({ rows = 3, label }: { rows?: number; label?: string }) {
  const { t } = useI18n();
  return (
    <div role="status" aria-live="polite" aria-busy="true" className="mc-loading">
      <span className="mc-visually-hidden">{label ?? t('state.loading')}</span>
      <Skeleton active paragraph={{ rows }} title={false} />
    </div>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, pick } = useI18n();
  const description =
    error instanceof ApiError ? (
      <>
        {pick(error.text)}
        {error.requestId ? (
          <div className="mc-muted">{t('state.requestId', { id: error.requestId })}</div>
        ) : null}
      </>
    ) : (
      t('error.network')
    );
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={t('state.error')}
      description={description}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('state.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}

export function EmptyState({ children }: { children?: ReactNode }) {
  const { t } = useI18n();
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={children ?? t('state.empty')} />;
}

/** The part of a TanStack query the states read. */
export interface QueryLike<T> {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: T | undefined;
  refetch(): unknown;
}

/**
 * One query's three states, the same everywhere: `Loading` while pending, `ErrorState` (retry, request id)
 * when it failed, `EmptyState` (in a card) when `isEmpty` says so, else `children` with the data.
 */
export function QueryState<T>({
  query,
  rows,
  isEmpty,
  empty,
  children,
}: {
  query: QueryLike<T>;
  rows?: number;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Loading rows={rows} />;
  if (query.isError || query.data === undefined)
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (isEmpty?.(query.data))
    return (
      <Card>
        <EmptyState>{empty}</EmptyState>
      </Card>
    );
  return <>{children(query.data)}</>;
}
