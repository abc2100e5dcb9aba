import { Tooltip } from '@mantine/core';
import { type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TargetMetric } from './targetsApi';
import { parseInput } from './gridModel';
import { formatPlan } from './format';
import classes from './plans.module.css';

interface Props {
  value: string | null;
  metric: TargetMetric;
  editable: boolean;
  edited: boolean;
  label: string;
  /** "row:col" for moving between cells with Enter */
  position: string;
  onCommit: (value: string | null) => void;
  onValidity: (valid: boolean) => void;
  testId?: string;
}

/** Moves the focus to the cell `rows` rows down (Enter) or up (Shift+Enter). */
function focusCell(position: string, rows: number) {
  const [row = 0, col = 0] = position.split(':').map(Number);
  const next = document.querySelector<HTMLInputElement>(`[data-cell="${row + rows}:${col}"]`);
  next?.focus();
  next?.select();
}

/** One plan cell: the formatted figure, and the exact number while it is being typed. */
export function PlanCell({ value, metric, editable, edited, label, position, onCommit, onValidity, testId }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const [draft, setDraft] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const shown = value === null ? '' : formatPlan(value, metric, lang);
  if (!editable)
    return (
      <span className={classes.readValue} data-testid={testId}>
        {value === null ? '—' : shown}
      </span>
    );

  const raw = (v: string | null) => (v === null ? '' : lang === 'ru' ? v.replace('.', ',') : v);
  const commit = (text: string) => {
    const parsed = parseInput(text, metric, lang);
    if (parsed === undefined) {
      setInvalid(true);
      onValidity(false);
      return false;
    }
    setInvalid(false);
    onValidity(true);
    setDraft(null);
    if (parsed !== value) onCommit(parsed);
    return true;
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      if (commit(e.currentTarget.value)) focusCell(position, e.shiftKey ? -1 : 1);
    } else if (e.key === 'Escape') {
      setDraft(null);
      setInvalid(false);
      onValidity(true);
      e.currentTarget.blur();
    }
  };
  const input = (
    <input
      className={`${classes.input} ${edited ? classes.edited : ''} ${invalid ? classes.invalid : ''}`}
      value={draft ?? shown}
      inputMode={metric === 'revenue' ? 'decimal' : 'numeric'}
      aria-label={label}
      aria-invalid={invalid || undefined}
      data-cell={position}
      data-testid={testId}
      data-edited={edited || undefined}
      placeholder="—"
      onFocus={(e) => {
        if (draft === null) setDraft(raw(value));
        const el = e.currentTarget;
        requestAnimationFrame(() => el.select());
      }}
      onChange={(e) => setDraft(e.currentTarget.value)}
      onBlur={(e) => {
        if (draft !== null) commit(e.currentTarget.value);
      }}
      onKeyDown={onKeyDown}
    />
  );
  return invalid ? (
    <Tooltip label={metric === 'revenue' ? t('targets.invalid') : t('targets.invalidCount')} color="red" opened withinPortal>
      {input}
    </Tooltip>
  ) : (
    input
  );
}
