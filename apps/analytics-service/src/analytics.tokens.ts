/** DI token of the process's {@link AnalyticsCore}. */
export const ANALYTICS_CORE = Symbol('ANALYTICS_CORE');
