import { Column, Entity } from 'typeorm';
import { Revocable } from './revocable.js';

/** `gateway.orgs`: the top tenant. */
@Entity({ name: 'orgs' })
export class OrgEntity extends Revocable {
  @Column({ type: 'text' })
  name!: string;
}
