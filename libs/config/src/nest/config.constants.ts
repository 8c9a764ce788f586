/** DI token of the process's `ConfigStore` (hot-reloading config). Inject `HelixConfig` for the value at boot. */
export const CONFIG_STORE = Symbol('CONFIG_STORE');
