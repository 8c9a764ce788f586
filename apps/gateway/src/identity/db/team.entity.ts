import { Column, Entity } from 'typeorm';
import { Revocable } from './revocable.js';

/** `gateway.teams`: a group of users in an org, with optional shared rate limits. */
@Entity({ name: 'teams' })
export class TeamEntity extends Revocable {
  @Column({ type: 'uuid', name: 'org_id' })
  orgId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'integer', nullable: true })
  rpm!: number | null;

  @Column({ type: 'integer', nullable: true })
  tpm!: number | null;
}
