import { env } from '@helix/config';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import type { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type { OptionReader } from '../shared/options.js';
import { awsSigner } from './aws-signer.js';

export interface BedrockSettings {
  region: string;
  /** `https://bedrock-runtime.{region}.amazonaws.com` unless the deployment names a base URL. */
  baseUrl: string;
  /** SigV4 with AWS credentials, or a Bedrock API key sent as a bearer token (the deployment's `apiKey`). */
  signer?: SignatureV4;
  /** Sent as `inferenceConfig.maxTokens` when the client sets none. */
  maxTokens?: number;
  /** Sent as `additionalModelRequestFields` (model-specific fields such as `top_k`, `thinking`). */
  additionalFields?: Record<string, unknown>;
}

const chains = new Map<string, AwsCredentialIdentityProvider>();

/** The AWS SDK's Node provider chain (env, SSO, web identity, profile files, ECS/EC2 roles), memoised per profile. */
function providerChain(profile: string | undefined): AwsCredentialIdentityProvider {
  const key = profile ?? '';
  let chain = chains.get(key);
  if (!chain) {
    chain = defaultProvider(profile ? { profile } : {});
    chains.set(key, chain);
  }
  return chain;
}

/**
 * Bedrock options: `region` (else AWS_REGION / AWS_DEFAULT_REGION), credentials as
 * `accessKeyId` + `secretAccessKey` (+ `sessionToken`), or `profile`, or else the default
 * provider chain (environment, profile files, instance and container roles); an `apiKey` on the
 * deployment is a Bedrock API key instead. Also `maxTokens` and `additionalModelRequestFields`.
 */
export function bedrockSettings(read: OptionReader): BedrockSettings {
  const region = read.require(read.string('region') ?? (env('AWS_REGION') || env('AWS_DEFAULT_REGION') || undefined), 'options.region (or AWS_REGION) is required');
  const baseUrl = (read.dep.baseUrl || `https://bedrock-runtime.${region}.amazonaws.com`).replace(/\/+$/, '');
  const accessKeyId = read.string('accessKeyId');
  const secretAccessKey = read.string('secretAccessKey');
  if (!accessKeyId !== !secretAccessKey) read.issues.push('options.accessKeyId and options.secretAccessKey go together');
  const sessionToken = read.string('sessionToken');
  const credentials =
    accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) } : providerChain(read.string('profile'));
  return {
    region,
    baseUrl,
    signer: read.dep.apiKey ? undefined : awsSigner('bedrock', region, credentials),
    maxTokens: read.number('maxTokens', 1),
    additionalFields: read.object('additionalModelRequestFields'),
  };
}
