import { Module, type DynamicModule } from '@nestjs/common';
import type { ServiceInfra } from '@helix/platform';
import { AnalyzeUseCase, AnonymizeUseCase, RedactUseCase } from '@helix/pii';
import { BusAuditSink } from './bus-audit.sink.js';
import { PiiEngineHolder } from './engine-holder.js';
import { PiiController } from './pii.controller.js';

/**
 * The pii-service: its bus handlers (redact, analyze, anonymize) over the
 * use cases of @helix/pii. Composed alone by main.ts, or with the others by the
 * standalone app. The engine compiles at module creation, so a bad `pii`
 * config fails the start.
 */
@Module({})
export class PiiServiceModule {
  static forRoot(infra: ServiceInfra): DynamicModule {
    const engine = new PiiEngineHolder(infra.store);
    const audit = new BusAuditSink(infra.bus, infra.log, () => infra.store.current.pii.audit);
    return {
      module: PiiServiceModule,
      controllers: [PiiController],
      providers: [
        { provide: PiiEngineHolder, useValue: engine },
        { provide: RedactUseCase, useValue: new RedactUseCase(engine.current, audit) },
        { provide: AnalyzeUseCase, useValue: new AnalyzeUseCase(engine.current) },
        { provide: AnonymizeUseCase, useValue: new AnonymizeUseCase(engine.current) },
      ],
    };
  }
}
