/**
 * Writing a framework version (docs/frameworks.md): the version, its head and the audit entry in one
 * transaction, conditional on the revisions read. Import and publish both end here.
 */
import { type Actor, actorRef } from '#domain/actor.ts';
import { type Framework, type FrameworkDocument, frameworkTotals } from '#domain/framework.ts';
import type { AuditEntry, Clock, FrameworkHead, FrameworkRepository, IdGenerator } from '#ports.ts';

export async function saveVersion(
  deps: { frameworks: FrameworkRepository; clock: Clock; ids: IdGenerator },
  actor: Actor,
  doc: FrameworkDocument,
  status: 'draft' | 'published',
  existing: Framework | undefined,
  head: FrameworkHead | undefined,
  action: string,
) {
  const now = deps.clock.now().toISOString();
  const framework: Framework = {
    ...doc,
    status,
    revision: (existing?.revision ?? 0) + 1,
    createdAt: existing?.createdAt ?? now,
    createdBy: existing?.createdBy ?? actor.userId,
    ...(status === 'published' ? { publishedAt: now, publishedBy: actor.userId } : {}),
  };
  const nextHead: FrameworkHead = {
    frameworkId: doc.frameworkId,
    name: doc.name,
    index: doc.index,
    provenance: doc.provenance,
    latestVersion: Math.max(head?.latestVersion ?? 0, doc.version),
    ...(status === 'published'
      ? { latestPublishedVersion: Math.max(head?.latestPublishedVersion ?? 0, doc.version) }
      : head?.latestPublishedVersion
        ? { latestPublishedVersion: head.latestPublishedVersion }
        : {}),
    updatedAt: now,
    revision: (head?.revision ?? 0) + 1,
  };
  const audit: AuditEntry = {
    auditId: deps.ids.next(),
    at: now,
    actor: actorRef(actor),
    action,
    subject: `framework/${doc.frameworkId}/v${doc.version}`,
    before: existing && {
      status: existing.status,
      revision: existing.revision,
      nodes: existing.nodes.length,
    },
    after: { status, revision: framework.revision, nodes: doc.nodes.length, totals: frameworkTotals(doc) },
  };
  await deps.frameworks.save(
    framework,
    nextHead,
    { revision: existing?.revision, headRevision: head?.revision },
    audit,
  );
  return framework;
}
