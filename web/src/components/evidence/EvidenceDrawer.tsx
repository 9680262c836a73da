/**
 * One evidence in a side panel (full width on a phone): its document metadata as a form, its files with every
 * revision (preview any available one, upload a new revision or another file), the criteria it is linked to
 * (unlink, confirm a carried-forward link), and the bin. Edits send the `version` the form was loaded at; a 409
 * (someone else saved first) reloads the evidence and says so. The API's field issues show on their fields.
 */
import { DeleteOutlined, EyeOutlined, RollbackOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Form, Grid, Input, Popconfirm, Select, Space, Tag } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { evidenceRights, evidenceView, filesOf } from '../../api/evidence-view.ts';
import type { Evidence, FieldIssue } from '../../api/types.ts';
import { useServices, useSession } from '../../app/context.tsx';
import { queryKeys } from '../../app/queries.ts';
import { formatBytes, formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { COMMON_DOC_TYPES, docTypeLabel } from '../labels.ts';
import { ErrorState, Loading } from '../states.tsx';
import { type EditBody, type EvidenceRef, evidenceApi, evidenceKeys, refreshEvidence } from './api.ts';
import type { PreviewTarget } from './EvidencePreview.tsx';
import { VerdictLine } from './EvidenceVerdict.tsx';
import { FileRevisionUpload } from './FileRevisionUpload.tsx';
import {
  METADATA_FIELD_OF as FIELD_OF,
  type MetadataValues as FormValues,
  type MetadataProblem,
  metadataEdit,
  toMetadataValues as toForm,
} from './metadata-form.ts';

const PROBLEM_KEY: Record<MetadataProblem, MessageKey> = {
  titleRequired: 'ev.edit.titleRequired',
  dateFormat: 'ev.edit.dateFormat',
  fromRequired: 'ev.edit.fromRequired',
  toBeforeFrom: 'ev.edit.toBeforeFrom',
};

export interface DrawerTarget {
  cycleId: string;
  entityId: string;
  evidenceId: string;
  /** The criterion page it was opened from (its own link is named first). */
  criterionCode?: string;
}

export function EvidenceDrawer({
  target,
  onClose,
  onPreview,
  slotKinds = [],
}: {
  target: DrawerTarget | null;
  onClose: () => void;
  onPreview: (p: PreviewTarget) => void;
  slotKinds?: string[];
}) {
  const { t, lang, pick } = useI18n();
  const { api } = useServices();
  const { message } = App.useApp();
  const user = useSession()?.user;
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<FormValues>();
  const [conflict, setConflict] = useState(false);
  const [formIssues, setFormIssues] = useState<FieldIssue[]>([]);
  const base = useRef<Evidence>(undefined);

  const ref: EvidenceRef | undefined = target
    ? { cycleId: target.cycleId, entityId: target.entityId, evidenceId: target.evidenceId }
    : undefined;
  const detail = useQuery({
    queryKey: ref ? evidenceKeys.detail(ref) : ['evidence-detail', 'none'],
    queryFn: () => evidenceApi.get(api, ref!),
    enabled: !!ref,
    // While a new revision is being uploaded or checked, look again every few seconds.
    refetchInterval: (q) =>
      q.state.data?.revisions.some((r) => r.state === 'pending_upload' || r.state === 'scanning')
        ? 2500
        : false,
  });
  const cycle = useQuery({
    queryKey: queryKeys.cycle(target?.cycleId ?? ''),
    queryFn: () => api.getCycle(target!.cycleId),
    enabled: !!target,
  });
  const ev = detail.data?.evidence;
  // When a file sent from here has been checked, the lists and readiness behind the panel change too.
  const inProgress =
    detail.data?.revisions.filter((r) => r.state === 'pending_upload' || r.state === 'scanning').length ?? 0;
  const sentAt = useRef<number | undefined>(undefined);
  const onSent = () => {
    sentAt.current = Date.now();
    void detail.refetch();
  };
  useEffect(() => {
    const since = sentAt.current;
    if (since === undefined || inProgress > 0 || detail.dataUpdatedAt < since || !target) return;
    sentAt.current = undefined;
    refreshEvidence(queryClient, target.cycleId, target.entityId);
  }, [inProgress, detail.dataUpdatedAt, target, queryClient]);
  const rights = evidenceRights(user, ev ?? {});

  // The form follows the stored evidence unless the user is typing (then a save meets the 409 path).
  const load = (e: Evidence, force = false) => {
    if (!force && base.current?.evidenceId === e.evidenceId && form.isFieldsTouched()) return;
    base.current = e;
    form.resetFields();
    form.setFieldsValue(toForm(e));
  };
  // A new target starts clean (before loading: a cached evidence arrives in the same render as its target),
  // then the form loads each version that arrives.
  const openedFor = useRef<string | undefined>(undefined);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload when another evidence or version arrives
  useEffect(() => {
    if (openedFor.current !== target?.evidenceId) {
      openedFor.current = target?.evidenceId;
      setConflict(false);
      setFormIssues([]);
      base.current = undefined;
    }
    if (ev) load(ev, base.current?.evidenceId !== ev.evidenceId);
  }, [target?.evidenceId, ev?.evidenceId, ev?.version]);

  const changed = (e: Evidence) => {
    if (ref)
      queryClient.setQueryData(evidenceKeys.detail(ref), (old: typeof detail.data) =>
        old ? { ...old, evidence: e } : old,
      );
    if (target) refreshEvidence(queryClient, target.cycleId, target.entityId);
  };

  const save = useMutation({
    mutationFn: (body: EditBody) => evidenceApi.edit(api, ref!, body),
    onSuccess: (e) => {
      setConflict(false);
      load(e, true);
      changed(e);
      void message.success(t('ev.edit.saved'));
    },
    onError: async (e) => {
      if (e instanceof ApiError && e.status === 409) {
        setConflict(true);
        const fresh = await detail.refetch();
        if (fresh.data) load(fresh.data.evidence, true);
        return;
      }
      if (e instanceof ApiError && e.issues.length) {
        const onFields = e.issues.filter((i) => FIELD_OF[i.field]);
        form.setFields(onFields.map((i) => ({ name: FIELD_OF[i.field]!, errors: [pick(i.message)] })));
        setFormIssues(e.issues.filter((i) => !FIELD_OF[i.field]));
      }
    },
  });

  const onFinish = (values: FormValues) => {
    if (!base.current) return;
    setFormIssues([]);
    const r = metadataEdit(base.current, values);
    if ('problems' in r)
      return form.setFields(r.problems.map((p) => ({ name: p.field, errors: [t(PROBLEM_KEY[p.problem])] })));
    if (Object.keys(r.body).length === 0) return void message.info(t('ev.edit.nothing'));
    save.mutate({ version: base.current.version, ...r.body });
  };

  const unlink = useMutation({
    mutationFn: (code: string) => evidenceApi.unlink(api, ref!, code),
    onSuccess: (e, code) => {
      changed(e);
      void message.success(t('ev.link.unlinked', { code }));
    },
  });
  const confirmLink = useMutation({
    mutationFn: (code: string) => evidenceApi.link(api, ref!, code),
    onSuccess: (e, code) => {
      changed(e);
      void message.success(t('ev.link.confirmed', { code }));
    },
  });
  const remove = useMutation({
    mutationFn: () => evidenceApi.remove(api, ref!),
    onSuccess: (e) => {
      changed(e);
      void message.success(t('ev.bin.deleted', { title: e.title }));
      onClose();
    },
  });
  // The duplicate's way out: link the evidence that already holds the file, then bin this copy.
  const adoptOriginal = useMutation({
    mutationFn: async (originalId: string) => {
      await evidenceApi.link(api, { ...ref!, evidenceId: originalId }, target!.criterionCode!);
      return evidenceApi.remove(api, ref!);
    },
    onSuccess: (e) => {
      changed(e);
      void message.success(t('ev.duplicate.done'));
      onClose();
    },
  });
  const restore = useMutation({
    mutationFn: () => evidenceApi.restore(api, ref!),
    onSuccess: (e) => {
      changed(e);
      void message.success(t('ev.bin.restored', { title: e.title }));
    },
  });

  const docTypes = [
    ...new Set([
      ...slotKinds.filter((k) => k !== '*'),
      ...COMMON_DOC_TYPES,
      ...(ev?.documentType ? [ev.documentType] : []),
    ]),
  ];
  const criterionLink = (code: string) =>
    `/cycles/${encodeURIComponent(target!.cycleId)}/entities/${encodeURIComponent(target!.entityId)}/criteria/${encodeURIComponent(code)}`;
  const readOnly = !rights.edit || !!ev?.deletedAt || cycle.data?.status === 'closed';

  const content = () => {
    if (detail.isPending) return <Loading rows={6} />;
    if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
    const e = detail.data.evidence;
    const files = filesOf(e);
    const revisions = detail.data.revisions;
    const verdict = evidenceView(e).review;
    return (
      <div className="mc-evidence-drawer" data-testid="evidence-drawer">
        {e.deletedAt ? (
          <Alert
            type="warning"
            showIcon
            title={t('ev.bin.isDeleted', { date: formatDateTime(e.deletedAt) })}
            action={
              rights.restore ? (
                <Button
                  size="small"
                  icon={<RollbackOutlined />}
                  loading={restore.isPending}
                  onClick={() => restore.mutate()}
                >
                  {t('ev.bin.restore')}
                </Button>
              ) : undefined
            }
          />
        ) : null}
        {e.duplicateOf ? (
          <Alert
            className="mc-section"
            type="info"
            showIcon
            title={t('ev.duplicateOf', { title: e.duplicateOf.title })}
            action={
              target?.criterionCode && rights.link && rights.delete && !e.deletedAt ? (
                <Button
                  size="small"
                  loading={adoptOriginal.isPending}
                  onClick={() => adoptOriginal.mutate(e.duplicateOf!.evidenceId)}
                >
                  {t('ev.duplicate.useOriginal', { code: target.criterionCode })}
                </Button>
              ) : undefined
            }
          />
        ) : null}

        {verdict && (e.state === 'accepted' || e.state === 'rejected') ? (
          <Alert
            className="mc-section"
            type={e.state === 'rejected' ? 'warning' : 'success'}
            showIcon
            data-testid="ev-verdict"
            title={t(e.state === 'rejected' ? 'evr.rejectedTitle' : 'evr.acceptedTitle')}
            description={
              <VerdictLine
                review={verdict}
                hint={e.state === 'rejected' && !readOnly ? t('evr.resubmitHintDrawer') : undefined}
              />
            }
          />
        ) : null}
        <section aria-labelledby="ev-meta-title" className="mc-section">
          <h3 id="ev-meta-title" className="mc-subsection-title">
            {t('ev.edit.title')}
          </h3>
          {conflict ? (
            <Alert
              className="mc-section"
              type="warning"
              showIcon
              role="alert"
              title={t('ev.edit.conflict')}
              data-testid="ev-conflict"
            />
          ) : null}
          {!rights.edit ? <p className="mc-muted">{t('ev.edit.readOnly')}</p> : null}
          <Form<FormValues>
            form={form}
            name="ev-edit"
            layout="vertical"
            disabled={readOnly}
            onFinish={onFinish}
            onValuesChange={() => setConflict(false)}
            data-testid="ev-edit-form"
          >
            <Form.Item name="title" label={t('ev.field.title')} required>
              <Input maxLength={500} />
            </Form.Item>
            <div className="mc-form-row">
              <Form.Item name="documentNumber" label={t('ev.field.documentNumber')}>
                <Input maxLength={100} placeholder={t('ev.field.documentNumberHint')} />
              </Form.Item>
              <Form.Item name="documentType" label={t('ev.field.documentType')}>
                <Select allowClear options={docTypes.map((k) => ({ value: k, label: docTypeLabel(k, t) }))} />
              </Form.Item>
            </div>
            <div className="mc-form-row">
              <Form.Item name="issueDate" label={t('ev.field.issueDate')}>
                <Input inputMode="numeric" placeholder="dd/mm/yyyy" maxLength={10} />
              </Form.Item>
              <Form.Item name="issuer" label={t('ev.field.issuer')}>
                <Input maxLength={300} />
              </Form.Item>
            </div>
            <div className="mc-form-row">
              <Form.Item name="effectiveFrom" label={t('ev.field.effectiveFrom')}>
                <Input inputMode="numeric" placeholder="dd/mm/yyyy" maxLength={10} />
              </Form.Item>
              <Form.Item name="effectiveTo" label={t('ev.field.effectiveTo')}>
                <Input inputMode="numeric" placeholder="dd/mm/yyyy" maxLength={10} />
              </Form.Item>
            </div>
            <Form.Item name="note" label={t('ev.field.note')}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
            {formIssues.length ? (
              <ul className="mc-issues" role="alert">
                {formIssues.map((i) => (
                  <li key={i.field} className="mc-error-text">
                    {pick(i.message)}
                  </li>
                ))}
              </ul>
            ) : null}
            {save.isError &&
            !(save.error instanceof ApiError && (save.error.status === 409 || save.error.issues.length)) ? (
              <ErrorState error={save.error} />
            ) : null}
            {readOnly ? null : (
              <Button type="primary" htmlType="submit" loading={save.isPending}>
                {t('ev.edit.save')}
              </Button>
            )}
          </Form>
        </section>

        <section aria-labelledby="ev-files-title" className="mc-section">
          <h3 id="ev-files-title" className="mc-subsection-title">
            {t('ev.files.title')}
          </h3>
          <ul className="mc-file-list">
            {files.map((f) => {
              const history = revisions
                .filter((r) => r.fileId === f.fileId)
                .sort((a, b) => b.revision - a.revision);
              return (
                <li key={f.fileId} className="mc-file-item" data-testid="ev-file">
                  <div className="mc-wrap">
                    <strong>{f.fileName}</strong>{' '}
                    <span className="mc-muted">
                      {formatBytes(f.sizeBytes, lang)} · {f.kind.toUpperCase()}
                    </span>
                  </div>
                  <ol className="mc-revisions" aria-label={t('ev.files.history', { name: f.fileName })}>
                    {history.map((r) => (
                      <li key={r.revision} data-testid="ev-revision" data-state={r.state}>
                        <span className="mc-wrap">
                          {t('ev.revision', { n: r.revision })} · {formatDateTime(r.createdAt)} ·{' '}
                          <Tag
                            color={
                              r.state === 'available'
                                ? 'blue'
                                : r.state === 'quarantined'
                                  ? 'red'
                                  : r.state === 'upload_expired'
                                    ? 'orange'
                                    : 'processing'
                            }
                          >
                            {t(`evidence.state.${r.state}` as MessageKey)}
                          </Tag>
                          {r.revision === f.revision ? (
                            <Tag color="green">{t('ev.files.current')}</Tag>
                          ) : null}
                        </span>
                        {(r.state === 'quarantined' || r.state === 'upload_expired') && r.quarantineReason ? (
                          <div className="mc-error-text">{pick(r.quarantineReason)}</div>
                        ) : null}
                        {r.state === 'available' ? (
                          <Button
                            size="small"
                            type="link"
                            icon={<EyeOutlined />}
                            aria-label={t('ev.files.previewRevision', { n: r.revision, name: r.fileName })}
                            onClick={() =>
                              onPreview({
                                cycleId: e.cycleId,
                                entityId: e.entityId,
                                evidence: e,
                                fileId: f.fileId,
                                revision: r.revision,
                              })
                            }
                          >
                            {t('ev.preview.open')}
                          </Button>
                        ) : null}
                      </li>
                    ))}
                  </ol>
                  {!readOnly && cycle.data ? (
                    <FileRevisionUpload
                      evidenceRef={ref!}
                      cycle={cycle.data}
                      replacesFileId={f.fileId}
                      label={t('ev.files.newRevision')}
                      onSent={onSent}
                    />
                  ) : null}
                </li>
              );
            })}
          </ul>
          {!readOnly && cycle.data ? (
            <FileRevisionUpload
              evidenceRef={ref!}
              cycle={cycle.data}
              label={t('ev.files.addFile')}
              onSent={onSent}
            />
          ) : null}
        </section>

        <section aria-labelledby="ev-links-title" className="mc-section">
          <h3 id="ev-links-title" className="mc-subsection-title">
            {t('ev.links.title')}
          </h3>
          {e.criterionCodes.length + e.unconfirmedCodes.length === 0 ? (
            <p className="mc-muted">{t('ev.links.none')}</p>
          ) : (
            <ul className="mc-link-list" data-testid="ev-links">
              {[...e.criterionCodes, ...e.unconfirmedCodes].map((code) => {
                const pending = e.unconfirmedCodes.includes(code);
                return (
                  <li key={code}>
                    <Link to={criterionLink(code)} onClick={onClose}>
                      {t('ev.links.criterion', { code })}
                    </Link>
                    {pending ? <Tag color="orange">{t('ev.links.unconfirmed')}</Tag> : null}
                    {rights.link && !e.deletedAt ? (
                      <Space size={4} wrap>
                        {pending ? (
                          <Button
                            size="small"
                            loading={confirmLink.isPending}
                            onClick={() => confirmLink.mutate(code)}
                          >
                            {t('ev.links.confirm')}
                          </Button>
                        ) : null}
                        <Popconfirm
                          title={t('ev.unlink.confirm', { code })}
                          okText={t('ev.unlink.ok')}
                          cancelText={t('ev.cancel')}
                          onConfirm={() => unlink.mutateAsync(code)}
                        >
                          <Button size="small" type="link" danger>
                            {t('ev.unlink.short')}
                          </Button>
                        </Popconfirm>
                      </Space>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          )}
          {unlink.isError ? <ErrorState error={unlink.error} /> : null}
          {confirmLink.isError ? <ErrorState error={confirmLink.error} /> : null}
        </section>

        {rights.delete && !e.deletedAt ? (
          <section className="mc-section">
            <Popconfirm
              title={t('ev.bin.confirm')}
              description={t('ev.bin.confirmHint')}
              okText={t('ev.bin.delete')}
              okButtonProps={{ danger: true }}
              cancelText={t('ev.cancel')}
              onConfirm={() => remove.mutateAsync()}
            >
              <Button danger icon={<DeleteOutlined />}>
                {t('ev.bin.delete')}
              </Button>
            </Popconfirm>
            {remove.isError ? <ErrorState error={remove.error} /> : null}
          </section>
        ) : null}
        {restore.isError ? <ErrorState error={restore.error} /> : null}
        {adoptOriginal.isError ? <ErrorState error={adoptOriginal.error} /> : null}
      </div>
    );
  };

  return (
    <Drawer
      open={!!target}
      onClose={onClose}
      placement="right"
      size={screens.md ? 640 : '100%'}
      destroyOnHidden
      title={<span className="mc-wrap">{ev?.title ?? t('ev.drawer.title')}</span>}
    >
      {content()}
    </Drawer>
  );
}
