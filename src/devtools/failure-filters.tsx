import { FILTER_GROUPS, type FilterGroup } from '../core/categories';
import { t } from '../platform/i18n';

export interface FailureFiltersProps {
  groups: readonly FilterGroup[];
  counts: Record<FilterGroup, number>;
  text: string;
  onToggle: (group: FilterGroup) => void;
  onText: (text: string) => void;
  onClear: () => void;
}

/** Category chips (none pressed shows all) and a text filter over status, path, ids and meaning. */
export function FailureFilters({ groups, counts, text, onToggle, onText, onClear }: FailureFiltersProps) {
  return (
    <div class="filters" role="group" aria-label={t('panel_filters')}>
      {FILTER_GROUPS.map((g) => (
        <button key={g} type="button" class={`chip grp-${g}`} aria-pressed={groups.includes(g)} data-group={g} onClick={() => onToggle(g)}>
          <span class="swatch" aria-hidden="true" />
          {t(`panel_group_${g}`)} <span class="count">{counts[g]}</span>
        </button>
      ))}
      <input
        type="search"
        class="text-filter"
        placeholder={t('panel_filter_text')}
        aria-label={t('panel_filter_text')}
        value={text}
        onInput={(e) => onText((e.currentTarget as HTMLInputElement).value)}
      />
      {(groups.length > 0 || text) && (
        <button type="button" class="clear-filters" onClick={onClear}>
          {t('panel_filter_clear')}
        </button>
      )}
    </div>
  );
}
