import { Column, Entity, PrimaryColumn } from 'typeorm';

/** `gateway.audit_log`: one admin change, with the entity before and after (never a key or its hash). */
@Entity({ name: 'audit_log' })
export class AuditEntryEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  /** Key id of who did it (`master` for the master key). */
  @Column({ type: 'text', name: 'actor_key_id' })
  actorKeyId!: string;

  @Column({ type: 'text' })
  action!: 'create' | 'update' | 'revoke';

  @Column({ type: 'text', name: 'entity_type' })
  entityType!: 'org' | 'team' | 'user' | 'key';

  @Column({ type: 'uuid', name: 'entity_id' })
  entityId!: string;

  /** Tenant of the entity, so an org admin sees its own org's entries. */
  @Column({ type: 'uuid', name: 'org_id' })
  orgId!: string;

  @Column({ type: 'uuid', name: 'team_id', nullable: true })
  teamId!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before!: object | null;

  @Column({ type: 'jsonb', nullable: true })
  after!: object | null;
}
