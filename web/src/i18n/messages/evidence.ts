/** Strings of the evidence screens: vi first, en with exactly the same keys. */

export const vi = {} as const;

export const en: Record<keyof typeof vi, string> = {};
