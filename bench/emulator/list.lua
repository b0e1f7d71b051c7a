-- Lists for the emulator benchmark (bench/emulator/wrk.sh).
function init(args)
  wrk.headers["X-Auth-Token"] = "bench-token"
end
