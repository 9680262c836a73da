/**
 * Rules about one node alone (docs/frameworks.md, "Validation"): its points, its evidence slots and its
 * scoring guide. Written against the loose view so they run even when the node failed its own schema.
 */
import {
  arr,
  EPS,
  type FrameworkProblem,
  isNum,
  type LooseNode,
  nodeField,
  num,
  problem,
} from './framework-problems.ts';

const labelOf = (code: string) => ({ vi: `Tiêu chí ${code}`, en: `Node ${code}` });

/** Every single-node rule, in the order the importer lists them: points, slots, guide. */
export function checkNode(n: LooseNode): FrameworkProblem[] {
  const code = typeof n.code === 'string' ? n.code : '?';
  return [...checkPoints(n, code), ...checkSlots(n, code), ...checkGuide(n, code)];
}

/** `points_missing` / `points_negative` / `min_above_max`: a scale from a floor to a ceiling, both ≥ 0. */
function checkPoints(n: LooseNode, code: string): FrameworkProblem[] {
  const out: FrameworkProblem[] = [];
  const label = labelOf(code);
  if (
    n.maxPoints === undefined ||
    n.maxPoints === null ||
    (typeof n.maxPoints === 'number' && Number.isNaN(n.maxPoints))
  )
    out.push(
      problem(
        'points_missing',
        code,
        nodeField(code, 'maxPoints'),
        `${label.vi}: thiếu điểm tối đa.`,
        `${label.en}: max points missing.`,
      ),
    );
  else if (isNum(n.maxPoints) && n.maxPoints < 0)
    out.push(
      problem(
        'points_negative',
        code,
        nodeField(code, 'maxPoints'),
        `${label.vi}: điểm tối đa không được âm.`,
        `${label.en}: max points must not be negative.`,
      ),
    );
  if (isNum(n.minPoints) && n.minPoints < 0)
    out.push(
      problem(
        'points_negative',
        code,
        nodeField(code, 'minPoints'),
        `${label.vi}: điểm tối thiểu không được âm.`,
        `${label.en}: min points must not be negative.`,
      ),
    );
  if (isNum(n.minPoints) && isNum(n.maxPoints) && n.minPoints > n.maxPoints)
    out.push(
      problem(
        'min_above_max',
        code,
        nodeField(code, 'minPoints'),
        `${label.vi}: điểm tối thiểu lớn hơn điểm tối đa.`,
        `${label.en}: min points exceed max points.`,
      ),
    );
  return out;
}

/**
 * `survey_with_slots`: survey points come from the survey import, never from evidence.
 * `slot_duplicate_kind`: one slot per document kind, with a minimum count, so a file fills one slot only.
 */
function checkSlots(n: LooseNode, code: string): FrameworkProblem[] {
  const out: FrameworkProblem[] = [];
  const label = labelOf(code);
  const slots = arr(n.slots);
  if (n.method === 'survey' && slots.length > 0)
    out.push(
      problem(
        'survey_with_slots',
        code,
        nodeField(code, 'slots'),
        `${label.vi}: tiêu chí điều tra xã hội học không nhận tài liệu kiểm chứng (bỏ cột tài liệu).`,
        `${label.en}: a survey node takes no evidence slots.`,
      ),
    );
  const kinds = slots.map((s) => (s as { kind?: unknown })?.kind).filter((k) => typeof k === 'string');
  for (const k of new Set(kinds.filter((k, i) => kinds.indexOf(k) !== i)))
    out.push(
      problem(
        'slot_duplicate_kind',
        code,
        nodeField(code, 'slots'),
        `${label.vi}: loại tài liệu "${k}" khai báo hai lần; gộp thành một dòng với số lượng tối thiểu.`,
        `${label.en}: slot kind "${k}" is declared twice; use one slot with a minimum count.`,
      ),
    );
  return out;
}

/** `guide_out_of_range`: every scoring level lies on the node's scale, `minPoints` (or 0) to `maxPoints`. */
function checkGuide(n: LooseNode, code: string): FrameworkProblem[] {
  if (!isNum(n.maxPoints)) return [];
  const out: FrameworkProblem[] = [];
  const label = labelOf(code);
  const floor = isNum(n.minPoints) ? n.minPoints : 0;
  for (const [i, level] of arr(n.guide).entries()) {
    const p = (level as { points?: unknown })?.points;
    if (isNum(p) && (p < floor - EPS || p > n.maxPoints + EPS))
      out.push(
        problem(
          'guide_out_of_range',
          code,
          nodeField(code, `guide.${i}`),
          `${label.vi}: mức chấm ${num(p).vi} điểm nằm ngoài thang ${num(floor).vi}–${num(n.maxPoints).vi}.`,
          `${label.en}: guide level of ${p} points is outside ${floor}–${n.maxPoints}.`,
        ),
      );
  }
  return out;
}
