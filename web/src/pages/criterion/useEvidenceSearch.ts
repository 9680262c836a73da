/**
 * The entity's evidence in this cycle matching what the user typed: searched once they pause typing (a slow
 * line gains nothing from a request per key) or press Enter, and only from two characters on.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useServices } from '../../app/context.tsx';
import { evidenceKeys } from '../../common/evidence/api.ts';

const PAUSE_MS = 400;
export const MIN_QUERY = 2;

export function useEvidenceSearch(cycleId: string, entityId: string) {
  const { api } = useServices();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');

  useEffect(() => {
    const id = setTimeout(() => setQ(typed.trim()), PAUSE_MS);
    return () => clearTimeout(id);
  }, [typed]);

  const results = useQuery({
    queryKey: evidenceKeys.search(cycleId, entityId, q),
    queryFn: ({ signal }) =>
      api.call('searchEvidence', { params: { cycleId }, query: { entityId, q, limit: 20 }, signal }),
    enabled: q.length >= MIN_QUERY,
  });

  return { typed, setTyped, q, searchNow: () => setQ(typed.trim()), results };
}
