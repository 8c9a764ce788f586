/** A timestamp as OpenAI sends them: Unix seconds, or null. */
export function unix(date: Date | null): number | null {
  return date ? Math.floor(date.getTime() / 1000) : null;
}

/** Creation, update and revocation fields of every admin entity. */
export function lifecycle(e: { createdAt: Date; updatedAt: Date; revokedAt: Date | null; revokedBy: string | null }) {
  return { created_at: unix(e.createdAt), updated_at: unix(e.updatedAt), revoked_at: unix(e.revokedAt), revoked_by: e.revokedBy };
}

/** OpenAI's list shape. */
export interface ListView<T> {
  object: 'list';
  data: T[];
  first_id: string | null;
  last_id: string | null;
  has_more: boolean;
}

export function listView<T extends { id: string }>(data: T[], hasMore: boolean): ListView<T> {
  return { object: 'list', data, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null, has_more: hasMore };
}
