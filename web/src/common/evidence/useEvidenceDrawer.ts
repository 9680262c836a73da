/**
 * The evidence panel's state: the evidence with its revisions (polled while a file is checked), its cycle,
 * the metadata form (loaded from each stored version unless the user is typing; a 409 reloads it) and the
 * link / bin mutations. Every change puts the new evidence in the cache and refreshes the lists behind.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Form } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import type { Evidence, FieldIssue } from '../../api/types.ts';
import { useServices } from '../../app/context.tsx';
import { queryKeys } from '../../app/queries.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { type EditBody, type EvidenceRef, evidenceKeys, refreshEvidence } from './api.ts';
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

const checking = (r: { state: string }) => r.state === 'pending_upload' || r.state === 'scanning';

/** The evidence and its cycle; `onSent` after a new file, so the lists refresh once it has been checked. */
export function useEvidenceDetail(target: DrawerTarget | null) {
  const { api } = useServices();
  const queryClient = useQueryClient();
  const ref: EvidenceRef | undefined = target
    ? { cycleId: target.cycleId, entityId: target.entityId, evidenceId: target.evidenceId }
    : undefined;
  const detail = useQuery({
    queryKey: ref ? evidenceKeys.detail(ref) : ['evidence-detail', 'none'],
    queryFn: () => api.call('getEvidence', { params: { ...ref! } }),
    enabled: !!ref,
    // While a new revision is being uploaded or checked, look again every few seconds.
    refetchInterval: (q) => (q.state.data?.revisions.some(checking) ? 2500 : false),
  });
  const cycle = useQuery({
    queryKey: queryKeys.cycle(target?.cycleId ?? ''),
    queryFn: () => api.call('getCycle', { params: { cycleId: target!.cycleId } }),
    enabled: !!target,
  });
  // When a file sent from here has been checked, the lists and readiness behind the panel change too.
  const inProgress = detail.data?.revisions.filter(checking).length ?? 0;
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
  const changed = (e: Evidence) => {
    if (ref)
      queryClient.setQueryData(evidenceKeys.detail(ref), (old: typeof detail.data) =>
        old ? { ...old, evidence: e } : old,
      );
    if (target) refreshEvidence(queryClient, target.cycleId, target.entityId);
  };
  return { ref, detail, cycle, onSent, changed };
}

type Detail = ReturnType<typeof useEvidenceDetail>;

/** The metadata form: follows the stored evidence, saves what changed at the loaded version. */
export function useMetadataForm(target: DrawerTarget | null, { ref, detail, changed }: Detail) {
  const { t, pick } = useI18n();
  const { api } = useServices();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [conflict, setConflict] = useState(false);
  const [formIssues, setFormIssues] = useState<FieldIssue[]>([]);
  const base = useRef<Evidence>(undefined);
  const ev = detail.data?.evidence;

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

  const save = useMutation({
    mutationFn: (body: EditBody) => api.call('editEvidence', { params: { ...ref! }, body }),
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
  return { form, conflict, setConflict, formIssues, save, onFinish };
}

/** Unlink, confirm a carried-forward link, bin, restore, and the duplicate's "use the original". */
export function useEvidenceActions(
  target: DrawerTarget | null,
  onClose: () => void,
  { ref, changed }: Detail,
) {
  const { t } = useI18n();
  const { api } = useServices();
  const { message } = App.useApp();
  const unlink = useMutation({
    mutationFn: (code: string) => api.call('unlinkEvidence', { params: { ...ref!, criterionCode: code } }),
    onSuccess: (e, code) => {
      changed(e);
      void message.success(t('ev.link.unlinked', { code }));
    },
  });
  const confirmLink = useMutation({
    mutationFn: (code: string) => api.call('linkEvidence', { params: { ...ref!, criterionCode: code } }),
    onSuccess: (e, code) => {
      changed(e);
      void message.success(t('ev.link.confirmed', { code }));
    },
  });
  const remove = useMutation({
    mutationFn: () => api.call('deleteEvidence', { params: { ...ref! } }),
    onSuccess: (e) => {
      changed(e);
      void message.success(t('ev.bin.deleted', { title: e.title }));
      onClose();
    },
  });
  // The duplicate's way out: link the evidence that already holds the file, then bin this copy.
  const adoptOriginal = useMutation({
    mutationFn: async (originalId: string) => {
      await api.call('linkEvidence', {
        params: { ...ref!, evidenceId: originalId, criterionCode: target!.criterionCode! },
      });
      return api.call('deleteEvidence', { params: { ...ref! } });
    },
    onSuccess: (e) => {
      changed(e);
      void message.success(t('ev.duplicate.done'));
      onClose();
    },
  });
  const restore = useMutation({
    mutationFn: () => api.call('restoreEvidence', { params: { ...ref! } }),
    onSuccess: (e) => {
      changed(e);
      void message.success(t('ev.bin.restored', { title: e.title }));
    },
  });
  return { unlink, confirmLink, remove, adoptOriginal, restore };
}

export type MetadataForm = ReturnType<typeof useMetadataForm>;
export type EvidenceActions = ReturnType<typeof useEvidenceActions>;
