-- wrk script of bench/run: each request as the next signed-in person of a sessions file
-- (lines "<host> <token>", written by com.careerai.bench.OpenSessions), so one run can spread a page
-- over one university's students or over every university's.
--   wrk ... -s bench/wrk/sessions.lua <url> -- <sessions file> <accept> [<method> <body file>]
local people = {}
local next_person = 0
local accept = "text/html"
local method = "GET"
local body = nil

function init(args)
  for line in io.lines(args[1]) do
    local host, token = line:match("^(%S+)%s+(%S+)$")
    if host then people[#people + 1] = { host, token } end
  end
  accept = args[2] or accept
  method = args[3] or method
  if args[4] then
    local file = io.open(args[4], "r")
    body = file:read("*a")
    file:close()
  end
  -- threads start at different people
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
  next_person = math.random(#people) - 1
end

function request()
  next_person = next_person % #people + 1
  local person = people[next_person]
  local headers = { ["Host"] = person[1], ["Authorization"] = "Bearer " .. person[2], ["Accept"] = accept }
  if body then headers["Content-Type"] = "application/json" end
  return wrk.format(method, nil, headers, body)
end
