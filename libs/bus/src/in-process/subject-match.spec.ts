import { describe, expect, it } from 'vitest';
import { subjectMatcher } from './subject-match.js';

describe('subjectMatcher', () => {
  it.each([
    ['helix.events.a.v1', 'helix.events.a.v1', true],
    ['helix.events.a.v1', 'helix.events.b.v1', false],
    ['helix.events.>', 'helix.events.a.v1', true],
    ['helix.events.>', 'helix.events', false],
    ['helix.events.>', 'helix.eventsX.a', false],
    ['helix.*.a.v1', 'helix.events.a.v1', true],
    ['helix.*.a.v1', 'helix.events.b.v1', false],
    ['helix.*.>', 'helix.events.a.v1', true],
    ['helix.*', 'helix.events.a', false],
    ['>', 'anything.at.all', true],
  ])('%s matches %s: %s', (filter, subject, want) => {
    expect(subjectMatcher(filter)(subject)).toBe(want);
  });
});
