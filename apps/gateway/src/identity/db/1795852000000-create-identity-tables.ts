import type { MigrationInterface, QueryRunner } from 'typeorm';

const revocable = `
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  revoked_by text`;

const limits = `
  rpm integer CHECK (rpm > 0),
  tpm integer CHECK (tpm > 0)`;

/** Orgs, teams, users, virtual keys (hashed) and the admin audit log. */
export class CreateIdentityTables1795852000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE gateway.orgs (
      id uuid PRIMARY KEY,
      name text NOT NULL,${revocable}
    )`);
    await q.query(`CREATE TABLE gateway.teams (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES gateway.orgs (id),
      name text NOT NULL,${limits},${revocable}
    )`);
    await q.query('CREATE INDEX teams_org_idx ON gateway.teams (org_id)');
    await q.query(`CREATE TABLE gateway.users (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES gateway.orgs (id),
      team_id uuid NOT NULL REFERENCES gateway.teams (id),
      name text NOT NULL,
      email text,${revocable}
    )`);
    await q.query('CREATE INDEX users_org_idx ON gateway.users (org_id)');
    await q.query('CREATE INDEX users_team_idx ON gateway.users (team_id)');
    await q.query(`CREATE TABLE gateway.api_keys (
      id uuid PRIMARY KEY,
      key_sha256 text NOT NULL CHECK (key_sha256 ~ '^[0-9a-f]{64}$'),
      key_hint text NOT NULL,
      name text,
      role text NOT NULL CHECK (role IN ('admin', 'team-admin', 'member', 'analyst')),
      user_id uuid NOT NULL REFERENCES gateway.users (id),
      team_id uuid NOT NULL REFERENCES gateway.teams (id),
      org_id uuid NOT NULL REFERENCES gateway.orgs (id),
      models jsonb CHECK (models IS NULL OR jsonb_typeof(models) = 'array'),${limits},
      expires_at timestamptz,
      created_by text NOT NULL,${revocable}
    )`);
    await q.query('CREATE UNIQUE INDEX api_keys_sha256_idx ON gateway.api_keys (key_sha256)');
    await q.query('CREATE INDEX api_keys_org_idx ON gateway.api_keys (org_id)');
    await q.query('CREATE INDEX api_keys_team_idx ON gateway.api_keys (team_id)');
    await q.query('CREATE INDEX api_keys_user_idx ON gateway.api_keys (user_id)');
    await q.query(`CREATE TABLE gateway.audit_log (
      id uuid PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      actor_key_id text NOT NULL,
      action text NOT NULL CHECK (action IN ('create', 'update', 'revoke')),
      entity_type text NOT NULL CHECK (entity_type IN ('org', 'team', 'user', 'key')),
      entity_id uuid NOT NULL,
      org_id uuid NOT NULL,
      team_id uuid,
      before jsonb,
      after jsonb
    )`);
    await q.query('CREATE INDEX audit_log_org_idx ON gateway.audit_log (org_id, id)');
    await q.query('CREATE INDEX audit_log_entity_idx ON gateway.audit_log (entity_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['audit_log', 'api_keys', 'users', 'teams', 'orgs']) await q.query(`DROP TABLE gateway.${table}`);
  }
}
