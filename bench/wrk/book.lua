-- wrk script of bench/run's booking scenario: each request books the next free slot of the next
-- person's counsellor (POST /api/v1/appointments). Lines of the sessions file: "<host> <token>
-- <counsellor id>" (students of each university but b1, and that university's counsellor, whose
-- bench hours are Monday to Friday 09:00-17:00 UTC in 30-minute slots: 80 a week).
--   wrk -t<n> ... -s bench/wrk/book.lua <url> -- <sessions file> <first Monday 09:00 UTC, epoch s> <n>
-- Thread t of n books slots t, t + n, t + 2n, ... of each counsellor, so no two requests of one run
-- ask for the same slot (a 409 slot_taken would be the scenario's failure, not the app's). bench/run
-- deletes the bookings (note "bench/run") before each wrk run, so every run starts from the same slots.
local counter = 0

function setup(thread)
  thread:set("tid", counter)
  counter = counter + 1
end

local people = {}
local next_person = 0
local first_monday = 0
local booked = {}
local n_threads = 2

function init(args)
  for line in io.lines(args[1]) do
    local host, token, counsellor = line:match("^(%S+)%s+(%S+)%s+(%S+)$")
    if host then people[#people + 1] = { host, token, counsellor } end
  end
  first_monday = tonumber(args[2])
  n_threads = tonumber(args[3] or "2")
  next_person = (tid * 7919) % #people
end

function request()
  next_person = next_person % #people + 1
  local person = people[next_person]
  local k = booked[person[3]] or 0
  booked[person[3]] = k + 1
  local slot = k * n_threads + tid
  local week, in_week = math.floor(slot / 80), slot % 80
  local day, half = math.floor(in_week / 16), in_week % 16
  local start = first_monday + week * 7 * 86400 + day * 86400 + half * 1800
  local body = string.format('{"counsellorId": %s, "sessionType": "intro", "start": "%s", "note": "bench/run"}',
    person[3], os.date("!%Y-%m-%dT%H:%M:%SZ", start))
  local headers = { ["Host"] = person[1], ["Authorization"] = "Bearer " .. person[2],
    ["Accept"] = "application/json", ["Content-Type"] = "application/json" }
  return wrk.format("POST", nil, headers, body)
end
