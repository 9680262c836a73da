/**
 * In the export drawer, under the report part: "Soạn nội dung báo cáo" (leaders of the entity, admins) or
 * "Xem nội dung báo cáo" (reviewers), with when the texts were last saved, and the editor it opens.
 */
import { EditOutlined, EyeOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import type { ReportTexts } from '../../api/types.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ReportTextsEditor } from './ReportTextsEditor.tsx';
import { useReportTexts } from './useReportEditor.ts';

export function ReportTextsEntry(props: {
  cycleId: string;
  entityId: string;
  entityName: string;
  canWrite: boolean;
  onSaved?: (t: ReportTexts) => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const texts = useReportTexts(props.cycleId, props.entityId, !open);
  const status = texts.data
    ? texts.data.texts
      ? t('report.status.saved', { time: formatDateTime(texts.data.texts.updatedAt) })
      : t('report.status.never')
    : undefined;
  return (
    <div className="mc-report-entry">
      <Button
        icon={props.canWrite ? <EditOutlined aria-hidden /> : <EyeOutlined aria-hidden />}
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        data-testid="report-texts-open"
      >
        {t(props.canWrite ? 'report.compose' : 'report.view')}
      </Button>
      {status ? (
        <span className="mc-muted" data-testid="report-texts-status">
          {status}
        </span>
      ) : null}
      <ReportTextsEditor {...props} open={open} onClose={() => setOpen(false)} />
    </div>
  );
}
