/**
 * Importing a framework from the one-sheet .xlsx (or JSON): drop or choose a file, the server's PREVIEW shows
 * what would be stored (tree, totals, warnings) and every problem with its sheet row, column and node code —
 * a table to work down in Excel, also downloadable as CSV. Nothing is written until "Nhập" (commit, stored as
 * a draft); publishing is a separate, confirmed step.
 */
import { Card } from 'antd';
import { useRef } from 'react';
import { DropZone } from '../../../common/DropZone.tsx';
import { SHEET_ACCEPT } from '../../../common/spreadsheet-files.ts';
import { formatBytes } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { MAX_IMPORT_FILE_BYTES } from './files.ts';
import { ImportPreview } from './ImportPreview.tsx';
import { ImportStatus } from './ImportStatus.tsx';
import { useImport } from './useImport.ts';

// The problem table lives in its own module; still importable from here.
export { ProblemTable } from './ProblemTable.tsx';

export function ImportPanel() {
  const { t, lang } = useI18n();
  const inputRef = useRef<HTMLInputElement>(null);
  const state = useImport();
  const plan = state.preview.data;
  return (
    <Card size="small" className="mc-section" data-testid="import-panel">
      <DropZone
        onFiles={(files) => {
          const file = files[0];
          if (file) void state.choose(file);
        }}
        labels={{ drop: t('setup.import.drop'), or: t('setup.import.or'), choose: t('setup.import.choose') }}
        hint={t('setup.import.hint', { max: formatBytes(MAX_IMPORT_FILE_BYTES, lang) })}
        accept={`${SHEET_ACCEPT},.json,application/json`}
        loading={state.preview.isPending}
        testId="import-dropzone"
        inputTestId="import-file-input"
        inputRef={inputRef}
      />
      <ImportStatus state={state} />
      {plan && state.chosen ? (
        <ImportPreview
          plan={plan}
          chosen={state.chosen}
          commit={state.commit}
          onAnother={() => inputRef.current?.click()}
        />
      ) : null}
    </Card>
  );
}
