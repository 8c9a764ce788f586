/**
 * The GCRA of `gcra.ts` as Redis scripts, so a check over all of a request's
 * buckets is one atomic step for the whole cluster. Time is the Redis server's
 * (`TIME`), so gateways with skewed clocks agree. TATs are stored as text with
 * millisecond decimals and expire when their bucket is full again.
 */

/** KEYS: bucket keys. ARGV: window ms, then `limit, cost` per key. Returns allowed, tooLarge, refusedBy (1-based, 0 = none), waitMs, then `remaining, resetMs` per key. */
export const ADMIT_LUA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local window = tonumber(ARGV[1])
local n = #KEYS
local limits, bases, tats = {}, {}, {}
local refused, wait, tooLarge = 0, 0, 0
for i = 1, n do
  local limit, cost = tonumber(ARGV[2 * i]), tonumber(ARGV[2 * i + 1])
  local tat = tonumber(redis.call('GET', KEYS[i]) or '0')
  if tat < now then tat = now end
  limits[i], bases[i], tats[i] = limit, tat, tat + cost * window / limit
end
for i = 1, n do
  if tonumber(ARGV[2 * i + 1]) > limits[i] then
    tooLarge, refused, wait = 1, i, 0
    break
  end
  local w = tats[i] - window - now
  if w > wait then wait, refused = w, i end
end
local out = {0, tooLarge, refused, math.ceil(wait)}
if refused == 0 then
  out[1] = 1
  for i = 1, n do
    redis.call('SET', KEYS[i], string.format('%.3f', tats[i]), 'PX', math.ceil(tats[i] - now) + 1000)
  end
end
for i = 1, n do
  local used = (refused == 0 and tats[i] or bases[i]) - now
  out[#out + 1] = math.floor((window - used) * limits[i] / window + 1e-6)
  out[#out + 1] = math.ceil(used)
end
return out
`;

/** KEYS: token bucket keys. ARGV: window ms, then `limit, delta` per key. */
export const SETTLE_LUA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local window = tonumber(ARGV[1])
for i = 1, #KEYS do
  local limit, delta = tonumber(ARGV[2 * i]), tonumber(ARGV[2 * i + 1])
  local tat = tonumber(redis.call('GET', KEYS[i]) or '0')
  if tat < now then tat = now end
  local nextTat = tat + delta * window / limit
  if nextTat > now then
    redis.call('SET', KEYS[i], string.format('%.3f', nextTat), 'PX', math.ceil(nextTat - now) + 1000)
  else
    redis.call('DEL', KEYS[i])
  end
end
return 0
`;
