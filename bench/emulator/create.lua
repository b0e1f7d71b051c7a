-- Unique-name creates for the emulator benchmark (bench/emulator/wrk.sh).
-- Unique-name creates: each wrk thread numbers its own requests.
local counter = 1
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end
function init(args)
  prefix = args[1] or "r"
  n = 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["X-Auth-Token"] = "bench-token"
end
function request()
  n = n + 1
  local body = string.format('{"name":"%s-%d-%d","vpc_id":"vpc-1","subnet_id":"subnet-1"}', prefix, id, n)
  return wrk.format(nil, nil, nil, body)
end
