import { describe, expect, it } from '@jest/globals';
import { matchesTagFilter } from './tag-filter.js';

const tags = { owner: 'growth', pii: 'false', regions: ['US', 'EU'] };

describe('matchesTagFilter', () => {
  it('matches a string value exactly', () => {
    expect(matchesTagFilter(tags, { owner: 'growth' })).toBe(true);
    expect(matchesTagFilter(tags, { owner: 'Growth' })).toBe(false);
  });

  it('ANDs across keys', () => {
    expect(matchesTagFilter(tags, { owner: 'growth', pii: 'false' })).toBe(true);
    expect(matchesTagFilter(tags, { owner: 'growth', pii: 'true' })).toBe(false);
  });

  it('treats null as "has the tag"', () => {
    expect(matchesTagFilter(tags, { pii: null })).toBe(true);
    expect(matchesTagFilter(tags, { missing: null })).toBe(false);
    expect(matchesTagFilter({}, { owner: null })).toBe(false);
  });

  it('treats an array as any-of', () => {
    expect(matchesTagFilter(tags, { owner: ['finance', 'growth'] })).toBe(true);
    expect(matchesTagFilter(tags, { owner: ['finance'] })).toBe(false);
    expect(matchesTagFilter(tags, { owner: [] })).toBe(false);
  });

  it('matches multi-valued tags when any of their values is wanted', () => {
    expect(matchesTagFilter(tags, { regions: 'EU' })).toBe(true);
    expect(matchesTagFilter(tags, { regions: ['APAC', 'US'] })).toBe(true);
    expect(matchesTagFilter(tags, { regions: 'APAC' })).toBe(false);
  });

  // Regression: `key in tags` saw Object.prototype, so { constructor: 'x' } threw a TypeError.
  it('only looks at own tag keys', () => {
    expect(matchesTagFilter(tags, { constructor: null })).toBe(false);
    expect(matchesTagFilter(tags, { constructor: 'x', toString: ['y'] })).toBe(false);
    expect(matchesTagFilter({ constructor: 'x' }, { constructor: 'x' })).toBe(true);
  });

  it('passes everything through an empty filter', () => {
    expect(matchesTagFilter({}, {})).toBe(true);
  });
});
