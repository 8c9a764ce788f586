import { PatternRecognizer } from '../analyzer/pattern.recognizer.js';
import { Entities } from '../entities.js';

/** Top-level domains a bare domain name may end in; file extensions such as `.js` or `.md` are left out on purpose. */
const TLDS =
  'com|org|net|edu|gov|mil|int|info|biz|io|ai|app|dev|co|me|tv|us|uk|ca|au|nz|de|fr|es|it|nl|be|se|no|dk|fi|is|ie|pt|pl|cz|sk|hu|ro|bg|gr|cy|ee|lv|lt|ch|at|ru|ua|tr|il|in|jp|cn|kr|tw|hk|sg|br|ar|mx|cl|uy|za|eu|asia|online|site|shop|store|tech|cloud|blog|news';

/**
 * A bare domain is written in lower case after its first letter, and a one-letter name before the TLD
 * ("b.com", "B.Tech") reads as an abbreviation: it needs a context word.
 */
function bareDomain(value: string): boolean | number {
  const host = value.split('/')[0]!;
  if (/[A-Z]/.test(host.slice(1))) return /^[a-z0-9.-]+$/i.test(host) && host === host.toLowerCase() ? true : 0.3;
  return /^[a-z0-9]\./i.test(host) ? 0.3 : true;
}

/** `scheme://…` and `www.…` URLs, and bare domains with a known TLD (Presidio's DOMAIN_NAME, weaker). */
export const urlRecognizer = () =>
  new PatternRecognizer({
    name: 'url',
    entity: Entities.url,
    patterns: [
      { name: 'url-scheme', regex: /\b(?:https?|ftp|wss?):\/\/[^\s<>"'`\/.]+\.[^\s<>"'`]*[^\s<>"'`.,;:!?)\]]/gi, score: 0.6, gate: '://' },
      { name: 'url-www', regex: /(?<![\w@.\/-])www\.[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:\/[^\s<>"'`]*[^\s<>"'`.,;:!?)\]])?/gi, score: 0.6, gate: /www\./i },
      {
        name: 'domain',
        regex: new RegExp(`(?<![\\w@.\\/:-])[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9-]{1,63})*\\.(?:${TLDS})(?:\\.[a-z]{2})?(?:\\/[^\\s<>"'\`]*[^\\s<>"'\`.,;:!?)\\]])?(?![\\w@-]|\\.\\w)`, 'gi'),
        score: 0.5,
        gate: new RegExp(`\\.(?:${TLDS})(?![\\w@-]|\\.\\w)`, 'i'),
      },
    ],
    validate: (value) => (/^[a-z]+:\/\/|^www\./i.test(value) ? true : bareDomain(value)),
    context: ['url', 'website', 'link', 'site', 'domain', 'web', 'visit'],
  });
