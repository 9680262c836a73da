/**
 * The report texts editor's state: the record the form started from (its `version` goes with the save), the
 * form, and what a save answered — saved (the time), a 409 (the stored record loaded, what the user typed kept
 * aside to bring back), or 400 issues on their fields. The form is filled once, from a reading made after the
 * editor opened, so a background refetch never overwrites what is being typed.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { type ApiClient, ApiError } from '../../api/client.ts';
import type { ReportTexts, ReportTextsView } from '../../api/types.ts';
import { useServices } from '../../app/context.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import {
  bodyOf,
  emptyForm,
  type FieldKey,
  fillableFromPrevious,
  fillFromPrevious,
  formOf,
  isDirty,
  isReportTexts,
  placeIssues,
  type ReportForm,
} from './report-model.ts';

export const reportTextsKey = (cycleId: string, entityId: string) =>
  ['report-texts', cycleId, entityId] as const;

/** The report texts of an entity (shared by the export drawer's status line and the editor). */
export function useReportTexts(cycleId: string, entityId: string, enabled = true) {
  const { api } = useServices();
  return useQuery({
    queryKey: reportTextsKey(cycleId, entityId),
    queryFn: () => api.call('getReportTexts', { params: { cycleId, entityId } }),
    enabled,
    staleTime: 0,
  });
}

interface Conflict {
  /** The record another person saved, now in the form. */
  current: ReportTexts | null;
  /** What this user had typed, to bring back. */
  mine: ReportForm;
}

/**
 * The record the form is based on (undefined until the first reading made after the editor opened) and the
 * form, filled once from it. `remember` makes a saved or reloaded record the new base, for the drawer too.
 */
function useFormBase(cycleId: string, entityId: string) {
  const queryClient = useQueryClient();
  const query = useReportTexts(cycleId, entityId);
  const [base, setBase] = useState<{ texts: ReportTexts | null }>();
  const [form, setForm] = useState<ReportForm>(emptyForm);

  const fresh = query.isFetchedAfterMount ? query.data : undefined;
  useEffect(() => {
    if (fresh && !base) {
      setBase({ texts: fresh.texts });
      setForm(formOf(fresh.texts));
    }
  }, [fresh, base]);

  const remember = (texts: ReportTexts | null) => {
    setBase({ texts });
    queryClient.setQueryData<ReportTextsView>(reportTextsKey(cycleId, entityId), (old) =>
      old ? { ...old, texts } : old,
    );
  };
  return { query, fresh, base, form, setForm, remember };
}

/** The record stored when a save met a 409: the answer's `current` if it is one, else read again. */
async function storedAfterConflict(
  api: ApiClient,
  e: ApiError,
  cycleId: string,
  entityId: string,
): Promise<ReportTexts | null> {
  if (isReportTexts(e.current)) return e.current;
  const view = await api.call('getReportTexts', { params: { cycleId, entityId } }).catch(() => undefined);
  return view?.texts ?? null;
}

/** A save's error with nothing to place on a field (network, 403, 5xx); a 409 or issues are shown in place. */
const unplacedError = (error: Error | null): Error | undefined =>
  error && !(error instanceof ApiError && (error.status === 409 || error.issues.length)) ? error : undefined;

export function useReportEditor(cycleId: string, entityId: string, onSaved?: (t: ReportTexts) => void) {
  const { api } = useServices();
  const { pick } = useI18n();
  const { query, fresh, base, form, setForm, remember } = useFormBase(cycleId, entityId);
  const [savedAt, setSavedAt] = useState<string>();
  const [conflict, setConflict] = useState<Conflict>();
  const [issues, setIssues] = useState<ReturnType<typeof placeIssues>>({ fields: {}, rest: [] });
  const [filledFromPrevious, setFilled] = useState<number>();

  const save = useMutation({
    mutationFn: (sent: ReportForm) =>
      api.call('saveReportTexts', {
        params: { cycleId, entityId },
        body: bodyOf(sent, base?.texts?.version),
      }),
    onSuccess: (saved, sent) => {
      remember(saved);
      // Shown as stored (trimmed), unless the user typed on while it was being saved.
      setForm((now) => (now === sent ? formOf(saved) : now));
      setSavedAt(saved.updatedAt);
      setConflict(undefined);
      setIssues({ fields: {}, rest: [] });
      setFilled(undefined);
      onSaved?.(saved);
    },
    onError: async (e, sent) => {
      if (!(e instanceof ApiError)) return;
      if (e.status === 409) {
        const current = await storedAfterConflict(api, e, cycleId, entityId);
        remember(current);
        setForm(formOf(current));
        setConflict({ current, mine: sent });
        setSavedAt(undefined);
        setIssues({ fields: {}, rest: [] });
      } else if (e.issues.length) setIssues(placeIssues(e.issues, pick));
    },
  });

  const saved = base ? formOf(base.texts) : undefined;
  return {
    query,
    ready: Boolean(base),
    texts: base?.texts ?? null,
    previous: fresh?.previous ?? null,
    defaults: fresh?.defaults,
    form,
    setField: (k: FieldKey, v: string) => {
      setForm((f) => ({ ...f, [k]: v }));
      if (issues.fields[k]) setIssues((i) => ({ ...i, fields: { ...i.fields, [k]: undefined } }));
    },
    dirty: Boolean(saved && isDirty(form, saved)),
    /** Blank fields last year's texts would fill. */
    fillable: fillableFromPrevious(form, fresh?.previous),
    fillFromPrevious: () => {
      const out = fillFromPrevious(form, fresh?.previous);
      setForm(out.form);
      setFilled(out.filled.length);
    },
    filledFromPrevious,
    save: () => save.mutate(form),
    saving: save.isPending,
    /** Set once this user saved in this editor. */
    savedAt,
    conflict,
    restoreMine: () => {
      if (conflict) setForm(conflict.mine);
      setConflict(undefined);
    },
    issues,
    /** An error with nothing to place on a field (network, 403, 5xx). */
    saveError: unplacedError(save.error),
  };
}

export type ReportEditorState = ReturnType<typeof useReportEditor>;
