/** Framework queries and links shared by the framework and cycle screens (keys invalidated by import and publish). */
import { useQuery } from '@tanstack/react-query';
import type { Output } from '../../api/types.ts';
import { useServices } from '../../app/context.tsx';

type FrameworkHead = Output<'listFrameworks'>['items'][number];

/** The admin screen of one framework version. */
export const versionLink = (frameworkId: string, version: number) =>
  `/admin/frameworks?fw=${encodeURIComponent(frameworkId)}&v=${version}`;

export const frameworkKeys = {
  heads: ['admin', 'frameworks'] as const,
  versions: (frameworkId: string) => ['admin', 'framework-versions', frameworkId] as const,
};

/** Every framework (all pages), by code. */
export function useFrameworkHeads() {
  const { api } = useServices();
  return useQuery({
    queryKey: frameworkKeys.heads,
    queryFn: async () => {
      const out: FrameworkHead[] = await api.all('listFrameworks');
      return out.sort((a, b) => a.frameworkId.localeCompare(b.frameworkId));
    },
  });
}

/** A framework's versions, newest first. */
export function useFrameworkVersions(frameworkId: string | undefined) {
  const { api } = useServices();
  return useQuery({
    queryKey: frameworkKeys.versions(frameworkId ?? ''),
    queryFn: () =>
      api.call('listFrameworkVersions', {
        params: { frameworkId: frameworkId! },
        query: { limit: 100 },
      }),
    enabled: Boolean(frameworkId),
  });
}
