/**
 * The Redis side of `BudgetCounters`. Every key of one call carries the org's
 * hash tag (`budget:{<orgId>}:...`), so a script stays in one Cluster slot.
 * Money is pico-USD in int64 strings: HINCRBY is exact, and comparisons use
 * base-1e6 limbs, because Lua numbers are doubles (exact only below 2^53 pico,
 * about $9,007). Counter hashes: `spent`, `reserved`. Reservation hashes:
 * `ids` (counter keys' ids, space-separated), `amt`, `allow`, `exp`, `state`
 * (held | released | done).
 */
const BIGNUM = `
local BASE = 1000000
local function norm(a) while #a > 1 and a[#a] == 0 do a[#a] = nil end return a end
local function big(s)
  local out = {}
  if not s or s == '' then return {0} end
  local i = #s
  while i > 0 do
    local j = math.max(1, i - 5)
    out[#out + 1] = tonumber(string.sub(s, j, i))
    i = j - 1
  end
  return norm(out)
end
local function add(a, b)
  local out, carry = {}, 0
  for i = 1, math.max(#a, #b) do
    local v = (a[i] or 0) + (b[i] or 0) + carry
    if v >= BASE then out[i] = v - BASE; carry = 1 else out[i] = v; carry = 0 end
  end
  if carry > 0 then out[#out + 1] = carry end
  return out
end
local function sub(a, b)
  local out, borrow = {}, 0
  for i = 1, #a do
    local v = a[i] - (b[i] or 0) - borrow
    if v < 0 then out[i] = v + BASE; borrow = 1 else out[i] = v; borrow = 0 end
  end
  return norm(out)
end
local function cmp(a, b)
  a = norm(a); b = norm(b)
  if #a ~= #b then return #a < #b and -1 or 1 end
  for i = #a, 1, -1 do
    if a[i] ~= b[i] then return a[i] < b[i] and -1 or 1 end
  end
  return 0
end
local function mul(a, b)
  local out = {}
  for i = 1, #a + #b + 1 do out[i] = 0 end
  for i = 1, #a do
    local carry = 0
    for j = 1, #b do
      local v = out[i + j - 1] + a[i] * b[j] + carry
      carry = math.floor(v / BASE)
      out[i + j - 1] = v - carry * BASE
    end
    local k = i + #b
    while carry > 0 do
      local v = out[k] + carry
      carry = math.floor(v / BASE)
      out[k] = v - carry * BASE
      k = k + 1
    end
  end
  return norm(out)
end
local function str(a)
  a = norm(a)
  local parts = { string.format('%d', a[#a]) }
  for i = #a - 1, 1, -1 do parts[#parts + 1] = string.format('%06d', a[i]) end
  return table.concat(parts)
end
local function approx(a)
  local v = 0
  for i = #a, 1, -1 do v = v * BASE + a[i] end
  return v
end
local function int(n) return big(string.format('%d', n)) end
local function used(key)
  local v = redis.call('HMGET', key, 'spent', 'reserved')
  return add(big(v[1]), big(v[2]))
end
`;

/**
 * KEYS: reservation, expiry zset, counters. ARGV: reservation id, expireAt ms,
 * prompt cost, output price, allowance, reservation ttl ms, then per counter:
 * limit ('-' = none), strict (1/0), counter expireAt ms (0 = never); last, require seed (1/0).
 * Returns {1, amount, allowance, duplicate, used...}, {0, refusedBy (1-based), used...}, or
 * {2, unseeded counters (1-based)...} when seeds are required and a counter has none.
 */
export const RESERVE_LUA = `${BIGNUM}
local n = #KEYS - 2
local usedList, out = {}, {}
for i = 1, n do usedList[i] = used(KEYS[i + 2]) end
local function withUsed(head)
  for i = 1, n do head[#head + 1] = str(usedList[i]) end
  return head
end
local held = redis.call('HMGET', KEYS[1], 'amt', 'allow')
if held[1] then return withUsed({1, held[1], tonumber(held[2]), 1}) end
if ARGV[7 + 3 * n] == '1' then
  local unseeded = {2}
  for i = 1, n do
    if redis.call('HEXISTS', KEYS[i + 2], 'seeded') == 0 then unseeded[#unseeded + 1] = i end
  end
  if #unseeded > 1 then return unseeded end
end
local prompt, price, tokens = big(ARGV[3]), big(ARGV[4]), tonumber(ARGV[5])
local priced = cmp(price, {0}) > 0
for i = 1, n do
  local limit, strict = ARGV[6 + 3 * i - 2], ARGV[6 + 3 * i - 1]
  if strict == '1' and limit ~= '-' and priced then
    local need = add(usedList[i], prompt)
    local lim = big(limit)
    if cmp(add(need, price), lim) > 0 then return withUsed({0, i}) end
    local room = sub(lim, need)
    local fits = math.floor(approx(room) / approx(price))
    if fits > tokens then fits = tokens end
    for _ = 1, 8 do
      if fits > 0 and cmp(mul(int(fits), price), room) > 0 then fits = fits - 1 else break end
    end
    for _ = 1, 8 do
      if fits < tokens and cmp(mul(int(fits + 1), price), room) <= 0 then fits = fits + 1 else break end
    end
    tokens = fits
  end
end
local amount = add(prompt, mul(int(tokens), price))
for i = 1, n do
  local limit = ARGV[6 + 3 * i - 2]
  if limit ~= '-' and cmp(add(usedList[i], amount), big(limit)) > 0 then return withUsed({0, i}) end
end
local amt = str(amount)
local ids = {}
for i = 1, n do
  local key = KEYS[i + 2]
  if amt ~= '0' then redis.call('HINCRBY', key, 'reserved', amt) end
  local expireAt = tonumber(ARGV[6 + 3 * i])
  if expireAt > 0 then redis.call('PEXPIREAT', key, expireAt) end
  ids[i] = key
end
redis.call('HSET', KEYS[1], 'ids', table.concat(ids, ' '), 'amt', amt, 'allow', tokens, 'exp', ARGV[2], 'state', 'held')
redis.call('PEXPIRE', KEYS[1], ARGV[6])
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
return withUsed({1, amt, tokens, 0})
`;

/**
 * KEYS: reservation, expiry zset, counters. ARGV: reservation id, cost, done ttl ms,
 * mode ('stored': the reservation's own counters | 'fallback': charge these
 * counters, there being no reservation), then per counter its expireAt ms.
 * Returns {outcome, spent...}; outcome 'missing' or 'retry' asks the caller to switch mode.
 */
export const SETTLE_LUA = `
local state = redis.call('HGET', KEYS[1], 'state')
local stored = ARGV[4] == 'stored'
if stored and not state then return {'missing'} end
if not stored and state then return {'retry'} end
local function spentList(head)
  for i = 3, #KEYS do head[#head + 1] = redis.call('HGET', KEYS[i], 'spent') or '0' end
  return head
end
if state == 'done' then return spentList({'duplicate'}) end
local amt = state == 'held' and redis.call('HGET', KEYS[1], 'amt') or '0'
for i = 3, #KEYS do
  if amt ~= '0' then redis.call('HINCRBY', KEYS[i], 'reserved', '-' .. amt) end
  if ARGV[2] ~= '0' then redis.call('HINCRBY', KEYS[i], 'spent', ARGV[2]) end
  local expireAt = tonumber(ARGV[4 + i - 2] or '0')
  if not stored and expireAt > 0 then redis.call('PEXPIREAT', KEYS[i], expireAt) end
end
if not stored then
  local ids = {}
  for i = 3, #KEYS do ids[#ids + 1] = KEYS[i] end
  redis.call('HSET', KEYS[1], 'ids', table.concat(ids, ' '))
end
redis.call('HSET', KEYS[1], 'state', 'done', 'amt', '0')
redis.call('PEXPIRE', KEYS[1], ARGV[3])
redis.call('ZREM', KEYS[2], ARGV[1])
return spentList({stored and 'settled' or 'charged'})
`;

/**
 * KEYS: counters. ARGV per counter: the ledger's spent, expireAt ms (0 = never). A counter not
 * seeded yet gets spent = max(spent, ledger) and the `seeded` mark; a seeded one is left alone.
 */
export const SEED_LUA = `${BIGNUM}
for i = 1, #KEYS do
  local key = KEYS[i]
  if redis.call('HEXISTS', key, 'seeded') == 0 then
    local ledger = big(ARGV[2 * i - 1])
    if cmp(ledger, big(redis.call('HGET', key, 'spent'))) > 0 then redis.call('HSET', key, 'spent', str(ledger)) end
    redis.call('HSET', key, 'seeded', 1)
    local expireAt = tonumber(ARGV[2 * i])
    if expireAt > 0 then redis.call('PEXPIREAT', key, expireAt) end
  end
end
return 1
`;

/** KEYS: reservation, expiry zset, its counters. ARGV: reservation id, now ms, done ttl ms. Returns 1 when released. */
export const RELEASE_LUA = `
local rec = redis.call('HMGET', KEYS[1], 'state', 'amt', 'exp')
if not rec[1] then
  redis.call('ZREM', KEYS[2], ARGV[1])
  return 0
end
if rec[1] ~= 'held' or tonumber(rec[3]) > tonumber(ARGV[2]) then return 0 end
for i = 3, #KEYS do
  if rec[2] ~= '0' then redis.call('HINCRBY', KEYS[i], 'reserved', '-' .. rec[2]) end
end
redis.call('HSET', KEYS[1], 'state', 'released', 'amt', '0')
redis.call('PEXPIRE', KEYS[1], ARGV[3])
redis.call('ZREM', KEYS[2], ARGV[1])
return 1
`;
