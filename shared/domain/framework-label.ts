/**
 * What a score or an index is labelled with wherever it is shown or sent (dashboard, criterion page, e-mails,
 * exports): the framework's name and where its numbers come from. A framework that is not `confirmed` carries a
 * plain notice, so nobody takes sample points for official ones (docs/frameworks.md, "Provenance shown to
 * everyone").
 */
import * as z from 'zod/mini';
import { type Bilingual, droppable, storedBilingual } from './common.ts';

export interface FrameworkLabel {
  frameworkId: string;
  version: number;
  name: Bilingual;
  provenance: 'confirmed' | 'sample';
  provenanceNote?: Bilingual;
}

/** A stored version's label fields (read back from a version item, never written on its own). */
export const frameworkLabelSchema: z.ZodMiniType<FrameworkLabel> = /* @__PURE__ */ droppable(() =>
  z.object({
    frameworkId: z.string(),
    version: z.number(),
    name: storedBilingual,
    provenance: z.enum(['confirmed', 'sample']),
    provenanceNote: z.optional(storedBilingual),
  }),
);

/** The attributes a label reads from a version item (a DynamoDB projection: the nodes stay in the table). */
export const FRAMEWORK_LABEL_FIELDS = ['frameworkId', 'version', 'name', 'provenance', 'provenanceNote'];

/** Sample and provisional frameworks (anything not confirmed by an official text) get the notice. */
export const isProvisional = (f: Pick<FrameworkLabel, 'provenance'>): boolean => f.provenance !== 'confirmed';

/** The notice, word for word as the web app shows it. */
export const PROVISIONAL_NOTICE: Bilingual = {
  vi: 'Điểm mẫu, chưa xác nhận theo văn bản chính thức',
  en: 'Sample scores, not confirmed against the official text',
};

/** A framework version's label, from any object holding its fields (a version, a summary). */
export const frameworkLabelOf = (f: FrameworkLabel): FrameworkLabel => ({
  frameworkId: f.frameworkId,
  version: f.version,
  name: f.name,
  provenance: f.provenance,
  ...(f.provenanceNote ? { provenanceNote: f.provenanceNote } : {}),
});

/**
 * The label as one line of text (e-mails, exports): the framework's name and version and, when it is not
 * confirmed, the notice.
 */
export function frameworkLine(f: FrameworkLabel, l: 'vi' | 'en'): string {
  const name = f.name[l] || f.name.vi;
  const head =
    l === 'vi'
      ? `Bộ tiêu chí: ${name} (phiên bản ${f.version}).`
      : `Framework: ${name} (version ${f.version}).`;
  return isProvisional(f) ? `${head} ${PROVISIONAL_NOTICE[l]}.` : head;
}
