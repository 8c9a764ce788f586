import { Column, PrimaryColumn } from 'typeorm';

/** Columns every admin-managed row has: a UUIDv7 id, times, and the soft delete with who did it. */
export abstract class Revocable {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;

  @Column({ type: 'timestamptz', name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;

  /** Key id of the revoker (`master` for the master key). */
  @Column({ type: 'text', name: 'revoked_by', nullable: true })
  revokedBy!: string | null;
}
