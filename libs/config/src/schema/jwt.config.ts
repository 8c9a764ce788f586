import { Type } from 'class-transformer';
import { ArrayNotEmpty, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUrl, Max, Min, ValidateNested } from 'class-validator';

/** Roles a token can map to: the virtual keys' roles (DESIGN §6). */
export const JWT_ROLES = ['admin', 'team-admin', 'member', 'analyst'] as const;

/** Names of the claims that say who a token's holder is. A dotted name reads a nested claim (`realm_access.roles`). */
export class JwtClaimsConfig {
  /** Claim holding the gateway org id (a UUID of `gateway.orgs`). Default `org_id`. */
  @IsString() @IsNotEmpty() readonly org: string = 'org_id';

  /** Claim holding the gateway team id (a UUID of `gateway.teams`, in that org). Default `team_id`. */
  @IsString() @IsNotEmpty() readonly team: string = 'team_id';

  /** Claim naming the user; recorded as the user id in ledger and analytics. Default `sub`. */
  @IsString() @IsNotEmpty() readonly user: string = 'sub';

  /** Claim holding the role (a string or a list of strings, looked up in `roleValues`). Default `role`. */
  @IsString() @IsNotEmpty() readonly role: string = 'role';
}

/** One value of the role claim and the Helix role it grants. */
export class JwtRoleValueConfig {
  /** The claim's value, e.g. `helix-admins`. */
  @IsString() @IsNotEmpty() readonly value!: string;

  @IsIn(JWT_ROLES) readonly role!: (typeof JWT_ROLES)[number];
}

/**
 * SSO: bearer JWTs from one OIDC issuer, accepted beside virtual keys. Omit the
 * group to accept keys only. A token is verified against the issuer's JWKS
 * (fetched from `jwksUri`, else found through `<issuer>/.well-known/openid-configuration`),
 * kept for `jwksCacheMs`; a token whose `kid` is unknown refetches it, at most
 * once per `jwksCooldownMs`.
 */
export class JwtAuthConfig {
  /** The `iss` every token must carry, e.g. `https://login.example.com/realms/acme`. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] }) readonly issuer!: string;

  /** Accepted `aud` values; a token must name one of them. */
  @ArrayNotEmpty() @IsString({ each: true }) readonly audiences!: string[];

  /** The JWKS URL; default: `jwks_uri` from the issuer's discovery document. */
  @IsOptional() @IsUrl({ require_tld: false, protocols: ['http', 'https'] }) readonly jwksUri?: string;

  /** Accepted signature algorithms (never `none` or HMAC). Default RS256, PS256, ES256, EdDSA. */
  @ArrayNotEmpty() @IsIn(['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'], { each: true })
  readonly algorithms: string[] = ['RS256', 'PS256', 'ES256', 'EdDSA'];

  /** Clock skew allowed on `exp`, `nbf` and `iat`, in seconds. Default 30. */
  @IsInt() @Min(0) @Max(300) readonly clockToleranceSec: number = 30;

  /** How long a fetched JWKS is used before it is fetched again, in ms. Default 10 minutes. */
  @IsInt() @Min(1_000) readonly jwksCacheMs: number = 600_000;

  /** Least time between two JWKS fetches caused by unknown `kid`s, in ms. Default 30000. */
  @IsInt() @Min(0) readonly jwksCooldownMs: number = 30_000;

  /** Timeout of a discovery or JWKS fetch, in ms. Default 5000. */
  @IsInt() @Min(100) @Max(60_000) readonly fetchTimeoutMs: number = 5_000;

  @ValidateNested() @Type(() => JwtClaimsConfig) readonly claims: JwtClaimsConfig = new JwtClaimsConfig();

  /**
   * Role claim values and the roles they grant; the first listed value the token
   * holds wins. A value equal to a role name (`admin`, `member`, ...) grants it
   * without being listed.
   */
  @ValidateNested({ each: true }) @Type(() => JwtRoleValueConfig) readonly roleValues: JwtRoleValueConfig[] = [];

  /** Role of a token whose role claim is absent or maps to nothing; unset = such a token is refused. Default `member`. */
  @IsOptional() @IsIn(JWT_ROLES) readonly defaultRole?: (typeof JWT_ROLES)[number] = 'member';
}
