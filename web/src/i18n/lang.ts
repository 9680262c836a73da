/** The two languages of the app; Vietnamese first. */
export type Lang = 'vi' | 'en';
export type Bilingual = { vi: string; en: string };
/** Values substituted into a message's `{name}` placeholders. */
export type Vars = Record<string, string | number>;
