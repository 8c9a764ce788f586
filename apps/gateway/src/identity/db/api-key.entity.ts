import { Column, Entity } from 'typeorm';
import type { Role } from '../identity.js';
import { Revocable } from './revocable.js';

/** `gateway.api_keys`: a virtual key, stored as its SHA-256 only. */
@Entity({ name: 'api_keys' })
export class ApiKeyEntity extends Revocable {
  /** Hex SHA-256 of the key; unique. */
  @Column({ type: 'text', name: 'key_sha256' })
  keySha256!: string;

  /** `hx-...abcd`: enough to recognise a key, never enough to use it. */
  @Column({ type: 'text', name: 'key_hint' })
  keyHint!: string;

  @Column({ type: 'text', nullable: true })
  name!: string | null;

  @Column({ type: 'text' })
  role!: Role;

  @Column({ type: 'uuid', name: 'user_id' })
  userId!: string;

  @Column({ type: 'uuid', name: 'team_id' })
  teamId!: string;

  @Column({ type: 'uuid', name: 'org_id' })
  orgId!: string;

  /** Models the key may use; null = every model. */
  @Column({ type: 'jsonb', nullable: true })
  models!: string[] | null;

  @Column({ type: 'integer', nullable: true })
  rpm!: number | null;

  @Column({ type: 'integer', nullable: true })
  tpm!: number | null;

  @Column({ type: 'timestamptz', name: 'expires_at', nullable: true })
  expiresAt!: Date | null;

  /** Key id of the creator (`master` for the master key). */
  @Column({ type: 'text', name: 'created_by' })
  createdBy!: string;
}
