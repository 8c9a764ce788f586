/**
 * Lua scripts of the Redis store. Every key a script touches carries the scope's
 * hash tag (`{<scope id>}`), so each runs on one Cluster slot; entry keys are
 * built from ARGV's entry prefix inside that same slot.
 * Per scope: `e:<key>` entry (one string), `lru` and `exp` sorted sets, `meta` hash
 * (`<bytes>\t<model>\t<namespace>` per key), `info` hash (bytes, labels).
 */

const REMOVE = `
local function remove(k)
  local m = redis.call('HGET', KEYS[3], k)
  redis.call('ZREM', KEYS[1], k)
  redis.call('ZREM', KEYS[2], k)
  redis.call('HDEL', KEYS[3], k)
  redis.call('DEL', eprefix .. k)
  if m then return tonumber(string.match(m, '^(%d+)')) end
  return nil
end
`;

/** KEYS: lru, exp, meta, info, entry. ARGV: eprefix, key, nowMs, expiresAtMs, ttlMs, maxEntries, meta, bytes, value. */
export const PUT_LUA = `
local eprefix = ARGV[1]
${REMOVE}
local key = ARGV[2]
local delta = tonumber(ARGV[8])
local old = remove(key)
if old then delta = delta - old end
redis.call('SET', KEYS[5], ARGV[9], 'PX', ARGV[5])
redis.call('ZADD', KEYS[1], ARGV[3], key)
redis.call('ZADD', KEYS[2], ARGV[4], key)
redis.call('HSET', KEYS[3], key, ARGV[7])
local evicted = {}
local over = redis.call('ZCARD', KEYS[1]) - tonumber(ARGV[6])
if over > 0 then
  for _, k in ipairs(redis.call('ZRANGE', KEYS[1], 0, over)) do
    if k ~= key and #evicted < over then
      local b = remove(k)
      if b then delta = delta - b end
      evicted[#evicted + 1] = k
    end
  end
end
redis.call('HINCRBY', KEYS[4], 'bytes', delta)
return evicted
`;

/** Removes `list`, takes their bytes off the scope, returns the keys that were there. */
const REMOVE_ALL = `
${REMOVE}
local function removeAll(list)
  local removed = {}
  local delta = 0
  for _, k in ipairs(list) do
    local b = remove(k)
    if b then
      delta = delta + b
      removed[#removed + 1] = k
    end
  end
  redis.call('HINCRBY', KEYS[4], 'bytes', 0 - delta)
  return removed
end
`;

/** KEYS: lru, exp, meta, info. ARGV: eprefix, key... Returns the keys that were there. */
export const DELETE_LUA = `
local eprefix = ARGV[1]
${REMOVE_ALL}
return removeAll({unpack(ARGV, 2)})
`;

/** KEYS: lru, exp, meta, info. ARGV: eprefix, nowMs, limit. Removes expired entries. */
export const EXPIRE_LUA = `
local eprefix = ARGV[1]
${REMOVE_ALL}
local due = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', ARGV[2], 'LIMIT', 0, tonumber(ARGV[3]))
removeAll(due)
return due
`;

/** KEYS: lru, exp, meta, info. ARGV: eprefix, count. Removes the least recently used entries. */
export const EVICT_LUA = `
local eprefix = ARGV[1]
${REMOVE_ALL}
local removed = removeAll(redis.call('ZRANGE', KEYS[1], 0, tonumber(ARGV[2]) - 1))
return {redis.call('HGET', KEYS[4], 'bytes'), removed}
`;
