/** Paths of the API: the route map's templates with their placeholders filled (pure, tested on its own). */

/** `/v1/cycles/{cycleId}` + `{ cycleId: 'a b' }` → `/v1/cycles/a%20b`. */
export function buildPath(template: string, params: Record<string, string> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(v);
  });
}
