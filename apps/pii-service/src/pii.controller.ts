import { Controller, Inject, UseFilters } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { BusExceptionFilter } from '@helix/bus';
import { RpcSubjects, type PiiAnalyzeRequest, type PiiAnonymizeRequest, type PiiRedactRequest } from '@helix/contracts';
import { AnalyzeUseCase, AnonymizeUseCase, RedactUseCase } from '@helix/pii';
import { annotateSpan, piiAttributes } from '@helix/telemetry';

/** The pii-service's bus handlers: decode, call the use case, encode. */
@Controller()
@UseFilters(BusExceptionFilter)
export class PiiController {
  constructor(
    @Inject(RedactUseCase) private readonly redactor: RedactUseCase,
    @Inject(AnalyzeUseCase) private readonly analyzer: AnalyzeUseCase,
    @Inject(AnonymizeUseCase) private readonly anonymizer: AnonymizeUseCase,
  ) {}

  @MessagePattern(RpcSubjects.piiRedact)
  async redact(@Payload() req: PiiRedactRequest) {
    const reply = await this.redactor.execute(req);
    annotateSpan(() => piiAttributes(reply.detections ?? [], reply.blocked === true));
    return reply;
  }

  @MessagePattern(RpcSubjects.piiAnalyze)
  analyze(@Payload() req: PiiAnalyzeRequest) {
    return this.analyzer.execute(req);
  }

  @MessagePattern(RpcSubjects.piiAnonymize)
  anonymize(@Payload() req: PiiAnonymizeRequest) {
    return this.anonymizer.execute(req);
  }
}
