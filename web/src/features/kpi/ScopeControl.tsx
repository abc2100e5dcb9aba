import { Group, SegmentedControl, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { KpiScope } from './search';

interface Person {
  email: string;
  name: string;
}

interface Props {
  scopes: KpiScope[];
  scope: KpiScope;
  onScope: (s: KpiScope) => void;
  /** "My team" for a senior KAM, "Team" (with a choice of senior) for the department */
  teamIsMine: boolean;
  leads?: Person[];
  lead?: string;
  onLead: (email: string | undefined) => void;
  people?: Person[];
  manager?: string;
  onManager: (email: string | undefined) => void;
}

/** Whose figures: me, a team, the department or one manager; with the choice of senior or manager. */
export function ScopeControl({ scopes, scope, onScope, teamIsMine, leads, lead, onLead, people, manager, onManager }: Props) {
  const { t } = useTranslation();
  const label = (s: KpiScope) => (s === 'team' ? t(teamIsMine ? 'kpi.scope.team' : 'kpi.scope.teamOf') : t(`kpi.scope.${s}`));
  const options = (list: Person[] | undefined, current: string | undefined) => {
    const data = (list ?? []).map((p) => ({ value: p.email, label: p.name }));
    // a shared link may name someone without figures in this period: keep them choosable
    if (current && !data.some((d) => d.value === current)) data.unshift({ value: current, label: current });
    return data;
  };
  return (
    <Group gap="xs" wrap="wrap">
      {scopes.length > 1 && (
        <SegmentedControl
          size="sm"
          value={scope}
          onChange={(v) => onScope(v as KpiScope)}
          aria-label={t('kpi.scope.label')}
          data={scopes.map((s) => ({ value: s, label: label(s) }))}
          data-testid="kpi-scope"
        />
      )}
      {scope === 'team' && !teamIsMine && (
        <Select
          value={lead ?? null}
          onChange={(v) => onLead(v ?? undefined)}
          data={options(leads, lead)}
          placeholder={t('kpi.scope.leadPlaceholder')}
          aria-label={t('kpi.scope.lead')}
          searchable
          w={240}
          data-testid="kpi-lead"
        />
      )}
      {scope === 'manager' && (
        <Select
          value={manager ?? null}
          onChange={(v) => onManager(v ?? undefined)}
          data={options(people, manager)}
          placeholder={t('kpi.scope.personPlaceholder')}
          aria-label={t('kpi.scope.person')}
          searchable
          w={240}
          data-testid="kpi-manager"
        />
      )}
    </Group>
  );
}
