/**
 * A NATS subject filter as a predicate: tokens split on `.`, `*` matches one
 * token, a final `>` matches one or more.
 */
export function subjectMatcher(filter: string): (subject: string) => boolean {
  if (!filter.includes('*') && !filter.includes('>')) return (s) => s === filter;
  if (filter.endsWith('.>') && !filter.includes('*')) {
    const prefix = filter.slice(0, -1);
    return (s) => s.length > prefix.length && s.startsWith(prefix);
  }
  const want = filter.split('.');
  return (subject) => {
    const got = subject.split('.');
    for (let i = 0; i < want.length; i++) {
      const w = want[i];
      if (w === '>') return got.length > i;
      if (i >= got.length || (w !== '*' && w !== got[i])) return false;
    }
    return got.length === want.length;
  };
}
