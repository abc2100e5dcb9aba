import { describe, expect, it } from 'vitest';
import { checklistFits, defaultDurationMinutes, impliedChecklist } from './interactions.rules.js';

describe('interaction rules', () => {
  it('gives calls and e-mails a quarter of an hour and meetings an hour', () => {
    expect(defaultDurationMinutes('call')).toBe(15);
    expect(defaultDurationMinutes('email')).toBe(15);
    expect(defaultDurationMinutes('visit')).toBe(60);
    expect(defaultDurationMinutes('training')).toBe(60);
  });

  it('fits a training checklist only to a training and a merchandising checklist only to a visit', () => {
    expect(checklistFits('training', 'training')).toBe(true);
    expect(checklistFits('visit', 'merchandising')).toBe(true);
    expect(checklistFits('call', 'merchandising')).toBe(false);
    expect(checklistFits('visit', 'training')).toBe(false);
    expect(checklistFits('call', null)).toBe(true);
  });

  it('gives every training its checklist unless another was chosen', () => {
    expect(impliedChecklist('training', undefined)).toBe('training');
    expect(impliedChecklist('visit', undefined)).toBeNull();
    expect(impliedChecklist('visit', 'merchandising')).toBe('merchandising');
  });
});
