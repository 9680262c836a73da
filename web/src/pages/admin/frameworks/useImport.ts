/**
 * The import's steps: a chosen file is checked and read in the browser, then PREVIEWED by the server (nothing
 * written); "Nhập" commits the same source as a draft, after which the framework's lists are refreshed and the
 * committed version is offered for publishing. Choosing another file starts over.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useServices } from '../../../app/context.tsx';
import { frameworkKeys } from '../../../common/admin/frameworks.ts';
import { formatBytes } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { fileToBase64, MAX_IMPORT_FILE_BYTES } from './files.ts';
import { type ChosenFile, checkImportFile, type ImportSource, jsonFile } from './import-file.ts';
import type { ImportBody, ImportPlan } from './model.ts';
import { usePublish } from './usePublish.tsx';

/** Reads a checked file into what the import route takes: an .xlsx as base64, a JSON file parsed. */
async function readImportFile(file: File, format: ImportSource['format']): Promise<ChosenFile> {
  if (format === 'json') return jsonFile(file, await file.text());
  return { name: file.name, size: file.size, source: { format, fileBase64: await fileToBase64(file) } };
}

export function useImport() {
  const { t, lang } = useI18n();
  const { api } = useServices();
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<ChosenFile>();
  const [localError, setLocalError] = useState<string>();
  const [committed, setCommitted] = useState<ImportPlan>();
  const publish = usePublish(() => setCommitted(undefined));
  const send = (mode: 'preview' | 'commit') => (source: ImportSource) =>
    api.call('importFramework', { body: { ...source, mode, publish: false } as ImportBody });

  const preview = useMutation({ mutationFn: send('preview') });
  const commit = useMutation({
    mutationFn: send('commit'),
    onSuccess: (plan) => {
      setCommitted(plan);
      setChosen(undefined);
      preview.reset();
      if (!plan.framework) return;
      const { frameworkId, version } = plan.framework;
      void queryClient.invalidateQueries({ queryKey: frameworkKeys.heads });
      void queryClient.invalidateQueries({ queryKey: frameworkKeys.versions(frameworkId) });
      void queryClient.invalidateQueries({ queryKey: ['framework', frameworkId, version] });
    },
  });

  const choose = async (file: File) => {
    setLocalError(undefined);
    setCommitted(undefined);
    preview.reset();
    commit.reset();
    setChosen(undefined);
    const checked = checkImportFile(file, MAX_IMPORT_FILE_BYTES);
    if ('refused' in checked)
      return setLocalError(
        checked.refused === 'wrongType'
          ? t('setup.import.wrongType', { name: file.name })
          : t('setup.import.tooLarge', { name: file.name, max: formatBytes(MAX_IMPORT_FILE_BYTES, lang) }),
      );
    let next: ChosenFile;
    try {
      next = await readImportFile(file, checked.format);
    } catch (e) {
      return setLocalError(t('setup.import.unreadable', { name: file.name, detail: (e as Error).message }));
    }
    setChosen(next);
    preview.mutate(next.source);
  };

  return { chosen, localError, committed, publish, preview, commit, choose };
}

export type ImportState = ReturnType<typeof useImport>;
