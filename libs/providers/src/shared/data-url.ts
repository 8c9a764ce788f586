/** A `data:` URL's media type and base64 payload; undefined for anything else. */
export function parseDataUrl(url: string): { mediaType: string; data: string } | undefined {
  const match = /^data:([^;,]*)((?:;[^;,]*)*),(.*)$/s.exec(url);
  if (!match) return undefined;
  const mediaType = match[1].toLowerCase() || 'text/plain';
  const base64 = match[2].split(';').includes('base64');
  const data = base64 ? match[3] : Buffer.from(decodeURIComponent(match[3]), 'utf8').toString('base64');
  return { mediaType, data };
}
