/** A criterion's comment thread (oldest first, with a box to add one) and its audit trail (newest first). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Input, List, Tag } from 'antd';
import { useId, useState } from 'react';
import type { CriterionRef } from '../api/client.ts';
import { useServices } from '../app/context.tsx';
import { queryKeys } from '../app/queries.ts';
import { formatDateTime } from '../i18n/format.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { type MessageKey, vi } from '../i18n/messages.ts';
import { EmptyState, ErrorState, Loading } from './states.tsx';

export function CommentThread({ criterionRef }: { criterionRef: CriterionRef }) {
  const { t } = useI18n();
  const { api } = useServices();
  const queryClient = useQueryClient();
  const { cycleId, entityId, criterionCode } = criterionRef;
  const key = queryKeys.comments(cycleId, entityId, criterionCode);
  const comments = useQuery({
    queryKey: key,
    queryFn: () => api.call('listComments', { params: { ...criterionRef }, query: { limit: 100 } }),
  });
  const [body, setBody] = useState('');
  const inputId = useId();
  const add = useMutation({
    mutationFn: () => api.call('addComment', { params: { ...criterionRef }, body: { body: body.trim() } }),
    onSuccess: () => {
      setBody('');
      void queryClient.invalidateQueries({ queryKey: key });
    },
  });

  return (
    <Card size="small" title={t('comments.title')} className="mc-section" data-testid="comments">
      {comments.isPending ? (
        <Loading rows={2} />
      ) : comments.isError ? (
        <ErrorState error={comments.error} onRetry={() => void comments.refetch()} />
      ) : comments.data.items.length === 0 ? (
        <EmptyState>{t('comments.empty')}</EmptyState>
      ) : (
        <List
          size="small"
          dataSource={comments.data.items}
          renderItem={(c) => (
            <List.Item key={c.commentId} data-testid="comment">
              <div className="mc-comment">
                <div className="mc-muted">
                  <strong>{c.author.name ?? c.author.userId}</strong> ·{' '}
                  {t(`role.${c.author.role}` as MessageKey)} · {formatDateTime(c.at)}{' '}
                  {c.kind !== 'comment' ? (
                    <Tag color={c.kind === 'accepted' ? 'green' : 'orange'}>
                      {t(`comments.kind.${c.kind}`)}
                    </Tag>
                  ) : null}
                </div>
                <div className="mc-wrap mc-comment-body">{c.body}</div>
              </div>
            </List.Item>
          )}
        />
      )}
      <form
        className="mc-comment-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (body.trim()) add.mutate();
        }}
      >
        <label htmlFor={inputId}>{t('comments.new')}</label>
        <Input.TextArea
          id={inputId}
          rows={2}
          maxLength={4000}
          value={body}
          onChange={(e) => setBody(e.target.value)}
        />
        {add.isError ? <ErrorState error={add.error} /> : null}
        <Button htmlType="submit" loading={add.isPending} disabled={!body.trim()}>
          {t('comments.send')}
        </Button>
      </form>
    </Card>
  );
}

/** "Thẩm định" alone says little: an appraisal names its outcome (the state it left the criterion in). */
function actionLabel(entry: { action: string; after?: unknown }, t: (k: MessageKey) => string): string {
  const key = `audit.action.${entry.action}`;
  const label = key in vi ? t(key as MessageKey) : entry.action;
  const state = (entry.after as { state?: unknown } | undefined)?.state;
  const stateKey = `review.state.${String(state)}`;
  return entry.action === 'review.appraise' && stateKey in vi
    ? `${label}: ${t(stateKey as MessageKey)}`
    : label;
}

export function AuditTrail({ criterionRef }: { criterionRef: CriterionRef }) {
  const { t } = useI18n();
  const { api } = useServices();
  const { cycleId, entityId, criterionCode } = criterionRef;
  const audit = useQuery({
    queryKey: queryKeys.audit(cycleId, entityId, criterionCode),
    queryFn: () =>
      api.call('listCriterionAudit', { params: { ...criterionRef }, query: { limit: 50, order: 'desc' } }),
  });
  return (
    <Card size="small" title={t('audit.title')} className="mc-section" data-testid="audit">
      {audit.isPending ? (
        <Loading rows={2} />
      ) : audit.isError ? (
        <ErrorState error={audit.error} onRetry={() => void audit.refetch()} />
      ) : audit.data.items.length === 0 ? (
        <EmptyState>{t('audit.empty')}</EmptyState>
      ) : (
        <ul className="mc-audit">
          {audit.data.items.map((a) => (
            <li key={a.auditId} data-testid="audit-entry">
              <span className="mc-muted">{formatDateTime(a.at)}</span> <strong>{actionLabel(a, t)}</strong>{' '}
              <span className="mc-muted">
                · {a.actor.name ?? a.actor.userId} ({t(`role.${a.actor.role}` as MessageKey)})
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
