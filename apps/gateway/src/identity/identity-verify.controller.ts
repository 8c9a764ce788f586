import { Controller, UseFilters } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { BusExceptionFilter } from '@helix/bus';
import { RpcSubjects, type IdentityVerifyRequest } from '@helix/contracts';
import { IdentityService } from './identity.service.js';
import { toVerifyReply, type VerifyReply } from './verify-reply.js';

/** `helix.identity.verify.v1`: other services ask who holds a key, by its SHA-256. */
@Controller()
@UseFilters(BusExceptionFilter)
export class IdentityVerifyController {
  constructor(private readonly identities: IdentityService) {}

  @MessagePattern(RpcSubjects.identityVerify)
  async verify(@Payload() request: IdentityVerifyRequest): Promise<VerifyReply> {
    return toVerifyReply(await this.identities.resolve(request.keySha256));
  }
}
