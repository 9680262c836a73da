/** The users page's filters (search, role, state), the invite button and the count. */
import { Button, Card, Input, Select } from 'antd';
import { useId } from 'react';
import { formatNumber } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { ROLE_CHOICES } from './data.ts';

export interface UserFilter {
  search: string;
  role: string | undefined;
  state: 'enabled' | 'disabled' | undefined;
}

export function UserFilters(props: {
  filter: UserFilter;
  onChange: (f: UserFilter) => void;
  onInvite: () => void;
  counts: { shown: number; total: number } | undefined;
}) {
  const { t, lang } = useI18n();
  const ids = { search: useId(), role: useId(), state: useId() };
  const { filter, onChange } = props;
  return (
    <Card size="small" className="mc-section">
      <div className="mc-filters">
        <div className="mc-filter mc-filter-search">
          <label htmlFor={ids.search}>{t('people.users.search')}</label>
          <Input
            id={ids.search}
            allowClear
            value={filter.search}
            placeholder={t('people.users.searchPlaceholder')}
            onChange={(e) => onChange({ ...filter, search: e.target.value })}
          />
        </div>
        <div className="mc-filter">
          <label htmlFor={ids.role}>{t('people.users.role')}</label>
          <Select
            id={ids.role}
            className="mc-filter-select"
            allowClear
            placeholder={t('people.all')}
            value={filter.role}
            onChange={(role) => onChange({ ...filter, role })}
            options={ROLE_CHOICES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          />
        </div>
        <div className="mc-filter">
          <label htmlFor={ids.state}>{t('people.users.state')}</label>
          <Select
            id={ids.state}
            className="mc-filter-select"
            allowClear
            placeholder={t('people.all')}
            value={filter.state}
            onChange={(state) => onChange({ ...filter, state })}
            options={[
              { value: 'enabled', label: t('people.users.enabled') },
              { value: 'disabled', label: t('people.users.disabled') },
            ]}
          />
        </div>
        <Button type="primary" className="mc-filter-count" onClick={props.onInvite}>
          {t('people.users.invite')}
        </Button>
      </div>
      {props.counts ? (
        <p className="mc-muted" aria-live="polite">
          {t('people.users.count', {
            shown: formatNumber(props.counts.shown, lang),
            total: formatNumber(props.counts.total, lang),
          })}
        </p>
      ) : null}
    </Card>
  );
}
