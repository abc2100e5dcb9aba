import { describe, expect, it } from 'vitest';
import { mayAssign } from './tasks.rules.js';

const line = new Set(['junior1', 'junior2']);

describe('who may give a task to whom (B2, B4)', () => {
  it('lets anyone give a task to themselves', () => {
    for (const role of ['kam', 'hr', 'department', 'senior_kam'] as const)
      expect(mayAssign({ id: 'me', role }, { id: 'me', role }, new Set())).toBe(true);
  });
  it('lets a senior KAM give tasks to their reporting line only', () => {
    const senior = { id: 's', role: 'senior_kam' as const };
    expect(mayAssign(senior, { id: 'junior1', role: 'kam' }, line)).toBe(true);
    expect(mayAssign(senior, { id: 'stranger', role: 'kam' }, line)).toBe(false);
    expect(mayAssign(senior, { id: 'boss', role: 'head' }, line)).toBe(false);
  });
  it('lets a KAM give tasks to nobody else', () => {
    expect(mayAssign({ id: 'k', role: 'kam' }, { id: 'junior1', role: 'kam' }, line)).toBe(false);
  });
  it('lets the head and an administrator give tasks to anyone in the department, not outside it', () => {
    for (const role of ['head', 'admin'] as const) {
      expect(mayAssign({ id: 'h', role }, { id: 'x', role: 'kam' }, new Set())).toBe(true);
      expect(mayAssign({ id: 'h', role }, { id: 'x', role: 'senior_kam' }, new Set())).toBe(true);
      expect(mayAssign({ id: 'h', role }, { id: 'x', role: 'hr' }, new Set())).toBe(false);
    }
  });
  it('gives no tasks to a disabled user', () => {
    expect(mayAssign({ id: 'h', role: 'head' }, { id: 'x', role: 'kam', disabled: true }, new Set())).toBe(false);
  });
});
