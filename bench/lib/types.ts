/**
 * The seam between `bench/run.ts` and the benches it runs. A bench is a module exporting a `Bench`; add it to
 * the list in `run.ts` and `npm run bench` runs it as its own section (`--only <name>` runs just that one).
 * Benches print figures; they never assert them (performance is measured, not asserted).
 */
export interface BenchContext {
  /** Measured runs per figure (`--runs N`); each bench takes medians over them. */
  runs: number;
  /** Repository root (absolute). */
  root: string;
  /** Git-ignored scratch folder for this bench: `bench/out/<bench name>/`, created empty. */
  outDir: string;
  /** Prints a line of the report. */
  log: (line?: string) => void;
}

export interface Bench {
  /** Short id used by `--only` and as the output folder name. */
  name: string;
  /** Section heading. */
  title: string;
  run(ctx: BenchContext): Promise<void>;
}
