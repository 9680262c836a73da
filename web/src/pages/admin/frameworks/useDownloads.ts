/** The template and export downloads, with a message when they fail (busy state per file). */
import { App } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../api/client.ts';
import { useServices } from '../../../app/context.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { saveBlob } from './files.ts';
import { safeFileName } from './model.ts';

export function useDownloads() {
  const { api } = useServices();
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string>();

  const run = async (key: string, get: () => Promise<Blob>, fileName: string) => {
    setBusy(key);
    try {
      saveBlob(await get(), safeFileName(fileName));
    } catch (e) {
      void message.error(
        `${t('setup.download.failed')} ${e instanceof ApiError ? pick(e.text) : t('error.network')}`,
      );
    } finally {
      setBusy(undefined);
    }
  };

  return {
    busy,
    template: () =>
      run(
        'template',
        () => api.file('downloadTemplate', { params: { kind: 'framework' } }),
        'mau-bo-tieu-chi.xlsx',
      ),
    exportVersion: (frameworkId: string, version: number, format: 'xlsx' | 'json') =>
      run(
        `${frameworkId}@${version}.${format}`,
        () =>
          api.file('exportFramework', {
            params: { frameworkId, version: String(version) },
            query: { format },
          }),
        `${frameworkId}-v${version}.${format}`,
      ),
  };
}
