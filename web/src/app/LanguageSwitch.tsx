/** VI / EN: the language of the whole app, in the header and on the sign-in page. */
import { Segmented } from 'antd';
import { type Lang, useI18n } from '../i18n/i18n.tsx';

export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { lang, setLang, t } = useI18n();
  return (
    <Segmented<Lang>
      aria-label={t('lang.label')}
      size={compact ? 'small' : 'middle'}
      value={lang}
      onChange={setLang}
      options={[
        { value: 'vi', label: <span title={t('lang.vi')}>VI</span> },
        { value: 'en', label: <span title={t('lang.en')}>EN</span> },
      ]}
    />
  );
}
