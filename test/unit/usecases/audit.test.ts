/** The audit trail is read only after the same access checks as the entity or criterion it belongs to. */
import { describe, expect, it } from 'vitest';
import { ForbiddenError, NotFoundError, ValidationError } from '#domain/errors.ts';
import type { AuditEntry, AuditRepository } from '#ports.ts';
import { listCriterionAudit, listEntityAudit } from '#usecases/audit.ts';
import { actors, assignmentOf, memoryPorts, rejection, world } from './support.ts';

const entry = (n: number, subject: string): AuditEntry => ({
  auditId: `a${n}`,
  at: `2026-02-0${n}T00:00:00.000Z`,
  actor: { userId: 'u-leader-a', role: 'leader' },
  action: 'score.self',
  subject,
});

function setup() {
  const w = world();
  w.assignments.push(assignmentOf({ assignmentId: 'KH-01', unitId: 'phong-1' }));
  const calls: unknown[][] = [];
  const audit: AuditRepository = {
    listByEntity: async (...args) => {
      calls.push(['entity', ...args]);
      return { items: [entry(1, 'criterion/1.1'), entry(2, 'evidence/e1')], next: 'n1' };
    },
    listByCriterion: async (...args) => {
      calls.push(['criterion', ...args]);
      return { items: [entry(1, 'criterion/1.1')] };
    },
  };
  return { deps: { ...memoryPorts(w), audit }, calls };
}

describe('listEntityAudit', () => {
  it('passes order, limit and cursor through and returns the page as stored', async () => {
    const { deps, calls } = setup();
    const page = await listEntityAudit(
      deps,
      actors.memberA2,
      { cycleId: 'c-2026', entityId: 'so-a' },
      {
        order: 'desc',
        limit: 2,
        cursor: 'c0',
      },
    );
    expect(page.items.map((a) => a.auditId)).toEqual(['a1', 'a2']);
    expect(page.next).toBe('n1');
    expect(calls).toEqual([['entity', 'c-2026', 'so-a', 'desc', 2, 'c0']]);
  });

  it("another entity's trail is refused; a province-scoped reviewer elsewhere too; nothing is read", async () => {
    const { deps, calls } = setup();
    const ref = { cycleId: 'c-2026', entityId: 'so-b' };
    expect(
      (await rejection(listEntityAudit(deps, actors.memberA1, ref, { order: 'asc', limit: 5 }))).reason,
    ).toBe('OTHER_ENTITY');
    expect(
      await rejection(listEntityAudit(deps, actors.reviewerHN, ref, { order: 'asc', limit: 5 })),
    ).toBeInstanceOf(ForbiddenError);
    expect(calls).toEqual([]);
  });

  it('an unknown cycle is not found', async () => {
    const { deps } = setup();
    const e = await rejection(
      listEntityAudit(deps, actors.admin, { cycleId: 'nope', entityId: 'so-a' }, { order: 'asc', limit: 5 }),
    );
    expect(e).toBeInstanceOf(NotFoundError);
  });
});

describe('listCriterionAudit', () => {
  const ref = { cycleId: 'c-2026', entityId: 'so-a', criterionCode: '1.1' };

  it("any member of the entity reads a criterion's trail, even one another unit answers for", async () => {
    const { deps, calls } = setup();
    const page = await listCriterionAudit(deps, actors.memberA2, ref, { order: 'asc', limit: 10 });
    expect(page.items.map((a) => a.subject)).toEqual(['criterion/1.1']);
    expect(calls).toEqual([['criterion', 'c-2026', 'so-a', '1.1', 'asc', 10, undefined]]);
  });

  it('a group code is a validation error; an unknown code is not found', async () => {
    const { deps } = setup();
    expect(
      await rejection(
        listCriterionAudit(deps, actors.admin, { ...ref, criterionCode: '1' }, { order: 'asc', limit: 1 }),
      ),
    ).toBeInstanceOf(ValidationError);
    expect(
      await rejection(
        listCriterionAudit(deps, actors.admin, { ...ref, criterionCode: '42.1' }, { order: 'asc', limit: 1 }),
      ),
    ).toBeInstanceOf(NotFoundError);
  });
});
