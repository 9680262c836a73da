/**
 * `npm run admin -- export-dossier | export-council`: the same use cases as the API — the job is keyed, audited
 * and stored the same way — with the worker run in this process instead of an asynchronous Lambda, then the
 * file read back from the store. Imported after the CLI has set the environment.
 */
import { reportDocx } from '#adapters/docx/report-docx.ts';
import { exportRepository } from '#adapters/dynamo/export-repository.ts';
import { reportTextsRepository } from '#adapters/dynamo/report-texts-repository.ts';
import { ulidIds } from '#adapters/runtime.ts';
import { objectStore } from '#adapters/s3/object-store.ts';
import { dossierSheets } from '#adapters/xlsx/dossier-sheets.ts';
import { readinessDeps } from '#composition/readiness-deps.ts';
import type { Actor } from '#domain/actor.ts';
import { ConflictError } from '#domain/errors.ts';
import { buildExport, requestCycleExport, requestEntityExport } from '#usecases/dossier.ts';

const base = {
  ...readinessDeps,
  exports: exportRepository,
  reports: reportTextsRepository,
  ids: ulidIds,
};

export async function exportWith(
  actor: Actor,
  scope: { cycleId: string; entityId?: string; unitId?: string },
): Promise<{ bytes: Uint8Array; readAt: string }> {
  // The worker runs here; a package too large for one run simply continues here too.
  const runner = { start: async (jobId: string) => void (await buildExport(build, jobId)) };
  const build = { ...base, store: objectStore, sheets: dossierSheets, reportWriter: reportDocx, runner };
  const deps = { ...base, runner };
  const view = scope.entityId
    ? await requestEntityExport(
        deps,
        actor,
        { cycleId: scope.cycleId, entityId: scope.entityId },
        {
          parts: ['score-table'],
          ...(scope.unitId ? { unitId: scope.unitId } : {}),
        },
      )
    : await requestCycleExport(deps, actor, scope.cycleId, { parts: ['council-table'] });
  // A reused job is done already, or still running elsewhere: build it here (idempotent) to be sure.
  const job = (await buildExport(build, view.job.jobId)) ?? view.job;
  const file = job.files[0];
  if (job.state !== 'done' || !file)
    throw new ConflictError(
      job.error ?? { vi: 'Không lập được hồ sơ.', en: 'The export could not be built.' },
    );
  const chunks: Uint8Array[] = [];
  for await (const chunk of await objectStore.stream(file.key)) chunks.push(chunk);
  return { bytes: Buffer.concat(chunks), readAt: job.readAt ?? '' };
}
