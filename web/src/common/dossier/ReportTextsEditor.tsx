/**
 * "Soạn nội dung báo cáo": a drawer over the export drawer with the parts of the self-assessment report the
 * entity writes (four long texts with their character counts) and the document's header. Save sends the
 * version read; a 409 loads the texts someone else saved (what this user typed can be brought back and saved
 * again), a 400 marks its fields. Closing with unsaved changes asks first; so does leaving the page.
 * Reviewers read the same drawer without a way to change it.
 */
import { HistoryOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Drawer, Form, Grid } from 'antd';
import { useEffect, useRef } from 'react';
import type { ReportTexts } from '../../api/types.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ErrorState, Loading } from '../states.tsx';
import { ReportHeaderFields } from './ReportHeaderFields.tsx';
import { ReportSectionFields } from './ReportSectionFields.tsx';
import { type ReportEditorState, useReportEditor } from './useReportEditor.ts';

interface Props {
  cycleId: string;
  entityId: string;
  entityName: string;
  /** Leaders of the entity and admins; reviewers only read. */
  canWrite: boolean;
  onClose: () => void;
  onSaved?: (t: ReportTexts) => void;
}

/** Mounted only while open: each opening reads the texts afresh and starts a clean form. */
export function ReportTextsEditor({ open, ...props }: Props & { open: boolean }) {
  return open ? <EditorDrawer {...props} /> : null;
}

function EditorDrawer({ cycleId, entityId, entityName, canWrite, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const screens = Grid.useBreakpoint();
  const state = useReportEditor(cycleId, entityId, onSaved);
  const { dirty } = state;

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const close = () => {
    if (!dirty) return onClose();
    modal.confirm({
      title: t('report.leave.title'),
      content: t('report.leave.body'),
      okText: t('report.leave.ok'),
      okButtonProps: { danger: true },
      cancelText: t('report.leave.cancel'),
      onOk: onClose,
    });
  };

  return (
    <Drawer
      open
      onClose={close}
      placement="right"
      size={screens.md ? 760 : '100%'}
      title={<span className="mc-wrap">{`${t('report.title')} — ${entityName}`}</span>}
      closable={{ 'aria-label': t('report.close') }}
      data-testid="report-editor"
      footer={state.ready && canWrite ? <Footer state={state} /> : null}
    >
      {state.query.isError && !state.ready ? (
        <ErrorState error={state.query.error} onRetry={() => void state.query.refetch()} />
      ) : !state.ready ? (
        <Loading rows={8} />
      ) : (
        <Body state={state} canWrite={canWrite} />
      )}
    </Drawer>
  );
}

/** The form, top to bottom: what a save answered, last year's texts, the four parts, the header. */
function Body({ state, canWrite }: { state: ReportEditorState; canWrite: boolean }) {
  const { t } = useI18n();
  return (
    <Form layout="vertical" component="div" className="mc-report-form">
      <p className="mc-muted">{t('report.intro')}</p>
      {canWrite ? null : <Alert type="info" showIcon title={t('report.readOnly')} />}
      <SaveAlerts state={state} />
      <PreviousYear state={state} canWrite={canWrite} />
      <ReportSectionFields state={state} readOnly={!canWrite} />
      <ReportHeaderFields state={state} readOnly={!canWrite} />
      {canWrite ? null : <SavedLine state={state} />}
    </Form>
  );
}

/** What a refused save says — a 409, the fields marked, another error — at the top, brought into view. */
function SaveAlerts({ state }: { state: ReportEditorState }) {
  const { t } = useI18n();
  const alerts = useRef<HTMLDivElement>(null);
  const marked = Object.values(state.issues.fields).some(Boolean) || state.issues.rest.length > 0;
  // A refused save is said at the top of a long form: bring it into view.
  useEffect(() => {
    if (state.conflict || marked) alerts.current?.scrollIntoView({ block: 'nearest' });
  }, [state.conflict, marked]);
  return (
    <div ref={alerts} className="mc-report-alerts">
      {state.conflict ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          data-testid="report-conflict"
          title={t('report.conflict')}
          description={t('report.conflict.detail', {
            time: state.conflict.current ? formatDateTime(state.conflict.current.updatedAt) : '—',
          })}
          action={
            <Button size="small" onClick={state.restoreMine} data-testid="report-restore-mine">
              {t('report.conflict.restore')}
            </Button>
          }
        />
      ) : null}
      {marked ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('report.issues')}
          description={state.issues.rest.length ? state.issues.rest.join(' ') : undefined}
        />
      ) : null}
      {state.saveError ? <ErrorState error={state.saveError} /> : null}
    </div>
  );
}

/** Last year's texts for the blank fields (offered to writers while some would be filled), and how many were. */
function PreviousYear({ state, canWrite }: { state: ReportEditorState; canWrite: boolean }) {
  const { t } = useI18n();
  return (
    <>
      {canWrite && state.fillable.length ? (
        <div className="mc-report-previous">
          <Button
            icon={<HistoryOutlined aria-hidden />}
            onClick={state.fillFromPrevious}
            data-testid="report-previous"
          >
            {t('report.previous')}
          </Button>
          <span className="mc-muted">{t('report.previous.hint')}</span>
        </div>
      ) : null}
      {state.filledFromPrevious ? (
        <Alert
          type="success"
          showIcon
          title={t('report.previous.filled', { count: state.filledFromPrevious })}
        />
      ) : null}
    </>
  );
}

function Footer({ state }: { state: ReportEditorState }) {
  const { t } = useI18n();
  return (
    <div className="mc-report-footer">
      <Button
        type="primary"
        icon={<SaveOutlined aria-hidden />}
        loading={state.saving}
        onClick={state.save}
        data-testid="report-save"
      >
        {t('report.save')}
      </Button>
      <SavedLine state={state} />
    </div>
  );
}

function SavedLine({ state }: { state: ReportEditorState }) {
  const { t } = useI18n();
  const text = state.dirty
    ? t('report.unsaved')
    : state.savedAt
      ? t('report.saved', { time: formatDateTime(state.savedAt) })
      : state.texts
        ? t('report.lastSaved', { time: formatDateTime(state.texts.updatedAt) })
        : t('report.never');
  return (
    <span
      className={state.dirty ? 'mc-report-unsaved' : 'mc-muted'}
      aria-live="polite"
      data-testid="report-save-status"
      data-dirty={state.dirty}
    >
      {text}
    </span>
  );
}
