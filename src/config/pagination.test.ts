import { describe, expect, it } from 'vitest';
import { categoryInfo } from '../data/categories.ts';
import { paginationLabel } from './pagination.ts';

describe('paginationLabel', () => {
  it("names a category's overview page after the category", () => {
    for (const category of categoryInfo) {
      expect(paginationLabel(`/categories/${category.id}/`, 'Overview')).toBe(`Category: ${category.title}`);
    }
  });

  it('finds the category under a base path', () => {
    expect(paginationLabel('/guide/categories/memory/', 'Overview', '/guide/')).toBe('Category: Memory');
  });

  it('keeps the sidebar label of every other page', () => {
    expect(paginationLabel('/errors/task-timed-out/', 'Task timed out after N seconds')).toBe(
      'Task timed out after N seconds',
    );
    expect(paginationLabel('/categories/no-such-category/', 'Overview')).toBe('Overview');
  });
});
