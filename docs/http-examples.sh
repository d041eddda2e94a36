#!/usr/bin/env bash
# The examples of docs/HTTP-API.md, line for line, in order (HttpExamplesTest checks that every
# curl line of the page is here and runs this script against a live server).
#
# Run it against `scripts/engine serve --data DIR --http 8080` whose DIR/api-keys.properties is
# the keys file of docs/HTTP-API.md, on a new data directory (the answers shown assume seq 1 is
# the first command). API, AD, OP, K1 and K2 may be set in the environment instead.
set -euo pipefail

# Each answer on a line of its own; an HTTP error fails the script; a stream is watched for 3 s.
curl()
{
  if [[ " $* " == *" -N "* ]]; then
    command curl --max-time 3 "$@" || [ $? -eq 28 ]
  else
    command curl --fail-with-body "$@"
  fi
  echo
}

if [ -z "${API:-}" ]; then
API=http://localhost:8080 AD=ad-6e81f4c2d09b37 OP=op-2b7f0c9e51d4a8 K1=k1-9a0e33b17c55f2 K2=k2-4c1d8e0f6a7b93
fi

# Commands
H='Content-Type: application/json'
curl -s -H "X-API-Key: $OP" -H "$H" $API/symbols -d '{"symbol":"BTC-USD","base":"BTC","quote":"USD"}'
curl -s -H "X-API-Key: $OP" -H "$H" $API/deposits -d '{"account":1,"asset":"USD","amount":100000}'
curl -s -H "X-API-Key: $OP" -H "$H" $API/deposits -d '{"account":2,"asset":"BTC","amount":100}'
curl -s -H "X-API-Key: $K2" -H "$H" $API/orders \
  -d '{"orderId":501,"symbol":"BTC-USD","side":"SELL","type":"LIMIT","price":300,"qty":5}'
curl -s -H "X-API-Key: $K1" -H "$H" $API/orders \
  -d '{"orderId":601,"symbol":"BTC-USD","side":"BUY","type":"LIMIT","tif":"GTC","price":305,"qty":7,"requestId":"r-1"}'
curl -s -H "X-API-Key: $K1" -H "$H" "$API/orders?wait=false" \
  -d '{"orderId":602,"symbol":"BTC-USD","side":"BUY","type":"MARKET","qty":1}'
curl -s -H "X-API-Key: $K1" -H "$H" $API/orders \
  -d '{"orderId":603,"symbol":"BTC-USD","side":"BUY","type":"LIMIT","price":290,"qty":3}'
curl -s -H "X-API-Key: $K1" -H "$H" $API/orders/601/amend -d '{"price":304}'
curl -s -H "X-API-Key: $K1" -X POST $API/orders/603/cancel
curl -s -H "X-API-Key: $K1" -H "$H" $API/withdrawals -d '{"asset":"USD","amount":500}'

# Queries
curl -s -H "X-API-Key: $K1" "$API/symbols/BTC-USD/depth?levels=5&minSeq=10"
curl -s -H "X-API-Key: $K1" "$API/accounts/1/balances?minSeq=10"
curl -s -H "X-API-Key: $K1" "$API/orders/601?minSeq=10"
curl -s -H "X-API-Key: $K1" $API/requests/r-1
curl -s -H "X-API-Key: $K1" "$API/accounts/1/commands?from=1763900000000&to=4102444800000&limit=3"
curl -s -H "X-API-Key: $K1" "$API/symbols/BTC-USD/candles?interval=1s&limit=60"

# Command store
curl -s -H "X-API-Key: $K1" "$API/commands/by-request/r-1?minSeq=10"
curl -s -H "X-API-Key: $K1" "$API/commands/9"
curl -s -H "X-API-Key: $K1" "$API/commands?from=2020-01-01T00:00:00Z&limit=3&minSeq=10"
curl -s -H "X-API-Key: $K1" "$API/commands?from=2020-01-01T00:00:00Z&limit=3&cursor=6"
curl -s -H "X-API-Key: $OP" "$API/commands?from=1577836800000&to=2100-01-01&account=2&status=accepted"

# Admin corrections
curl -s -H "X-API-Key: $AD" -H "$H" $API/admin/balances/adjust -d '{"account":2,"asset":"BTC","amount":-1,"reasonCode":7}'

# Live stream
curl -s -N -H 'Accept: text/event-stream' "$API/symbols/BTC-USD/stream?apiKey=$K1"
