/** Strings of the admin screens for frameworks and cycles (prefix `setup.`): vi first, en with the same keys. */

export const vi = {
  'setup.fw.title': 'Bộ chỉ số',
} as const;

export const en: Record<keyof typeof vi, string> = {
  'setup.fw.title': 'Frameworks',
};
