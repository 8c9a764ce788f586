/** DI token of the process's {@link CostCore}. */
export const COST_CORE = Symbol('COST_CORE');
