/**
 * Source text for a bench's child script (`node --input-type=module -e …`): defines `peakRssKb()`, the process's
 * peak resident set in KB from `/proc/self/status` (VmHWM). Not `process.resourceUsage().maxRSS`: Linux keeps
 * `ru_maxrss` across `execve`, so a child started by a big bench process reports the parent's peak.
 */
export const PEAK_RSS_SNIPPET = `
const { readFileSync: readProcFile } = await import('node:fs');
const peakRssKb = () => Number(/VmHWM:\\s+(\\d+)/.exec(readProcFile('/proc/self/status', 'utf8'))?.[1]);
`;
