import { EventPattern } from '@nestjs/microservices';
import type { BusEventExtras } from './helix-bus.server.js';

/**
 * `@EventPattern` with typed bus extras, e.g. `@BusEventPattern(EventSubjects.requestCompleted, { durable: 'cost' })`.
 * It also lets the handler type its context (`@Ctx() ctx: BusContext`), which Nest's typed overload refuses.
 */
export const BusEventPattern = (subject: string, extras: BusEventExtras = {}): MethodDecorator =>
  EventPattern<string>(subject, { ...extras });
