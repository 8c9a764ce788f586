import { Column, Entity } from 'typeorm';
import { Revocable } from './revocable.js';

/** `gateway.users`: a person or service in one team; keys belong to users. */
@Entity({ name: 'users' })
export class UserEntity extends Revocable {
  @Column({ type: 'uuid', name: 'org_id' })
  orgId!: string;

  @Column({ type: 'uuid', name: 'team_id' })
  teamId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', nullable: true })
  email!: string | null;
}
