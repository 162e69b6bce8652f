#!/usr/bin/env bash
# The hostile tester's attacks (issue 20) against a running PlugHome, with curl and openssl only:
# prints each attack, what the server answered, and PASS when it was refused as it should be.
# Usage: src/bench/attacks.sh [base=http://localhost:8080] [https-port=8443]
# ADMIN_TOKEN must hold an admin token. The charger "attack-victim" gets a shared secret.
# With the server started with PLUGHOME_LAN_ONLY=true and PLUGHOME_TRUSTED_PROXIES=127.0.0.1, set
# PROXY_CHECKS=1 to check the forwarded-header attacks strictly (403 and 400).
set -uo pipefail
BASE=${1:-http://localhost:8080}
TLS_PORT=${2:-8443}
HOST=$(echo "$BASE" | sed -E 's#^https?://([^:/]+).*#\1#')
: "${ADMIN_TOKEN:?set ADMIN_TOKEN to an admin token}"
H="Authorization: Bearer $ADMIN_TOKEN"
SECRET=attack-victim-secret-01
failures=0

check() { # name, expected (regex), actual
  if [[ "$3" =~ ^($2)$ ]]; then echo "PASS  $1 -> $3"; else echo "FAIL  $1 -> $3 (expected $2)"; failures=$((failures + 1)); fi
}

upgrade() { # raw path, [user:password]
  local auth=()
  [ -n "${2:-}" ] && auth=(-u "$2")
  curl -s -o /dev/null -w '%{http_code}' --path-as-is --max-time 3 "${auth[@]}" \
    -H 'Upgrade: websocket' -H 'Connection: Upgrade' -H 'Sec-WebSocket-Version: 13' \
    -H 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==' -H "Sec-WebSocket-Protocol: ${PROTOCOL:-ocpp1.6}" "$BASE$1"
}

upgrade /ocpp/attack-victim >/dev/null # registers it
curl -s -o /dev/null -X PATCH -H "$H" -H 'Content-Type: application/json' \
  -d "{\"sharedSecret\":\"$SECRET\"}" "$BASE/api/v1/chargers/attack-victim"

for PROTOCOL in ocpp1.6 ocpp2.0.1; do
  for path in /ocpp//attack-victim /ocpp/./attack-victim /ocpp/x/../attack-victim //ocpp/attack-victim \
              /ocpp/attack-victim/ /x/../attack-victim '/ocpp/attack-victim;x=1' /ocpp/%2E/attack-victim; do
    check "$PROTOCOL upgrade $path without password" '400' "$(upgrade "$path")"
  done
  check "$PROTOCOL upgrade /ocpp/attack-victim without password" 401 "$(upgrade /ocpp/attack-victim)"
  check "$PROTOCOL upgrade /ocpp/attack-victim with its password" 101 \
    "$(upgrade /ocpp/attack-victim "attack-victim:$SECRET")"
done
check "look-alike id (zero-width space)" 400 "$(upgrade /ocpp/attack%E2%80%8Bvictim)"
check "look-alike id (trailing space)" 400 "$(upgrade /ocpp/attack-victim%20)"

strict=${PROXY_CHECKS:-0}
check "X-Forwarded-For 1.2.3.4, 8.8.8.8 from a trusted proxy, LAN-only" "$([ "$strict" = 1 ] && echo 403 || echo '200|403')" \
  "$(curl -s -o /dev/null -w '%{http_code}' -H "$H" -H 'X-Forwarded-For: 1.2.3.4, 8.8.8.8' "$BASE/api/v1/chargers")"
check "conflicting X-Forwarded-For and Forwarded from a trusted proxy" "$([ "$strict" = 1 ] && echo 400 || echo '200|400')" \
  "$(curl -s -o /dev/null -w '%{http_code}' -H "$H" -H 'X-Forwarded-For: 8.8.8.8' -H 'Forwarded: for=10.0.0.1' \
    "$BASE/api/v1/chargers")"

csp=$(curl -s -D - -o /dev/null "$BASE/ui/index.html" | tr -d '\r' | grep -i '^content-security-policy:')
check "CSP with frame-ancestors 'none' on /ui/index.html" yes "$([[ "$csp" == *"frame-ancestors 'none'"* ]] && echo yes || echo "no: $csp")"
check "JSON nested 5000 deep" 400 "$(printf '{"name":%s%s}' "$(printf '[%.0s' {1..5000})" "$(printf ']%.0s' {1..5000})" \
  | curl -s -o /dev/null -w '%{http_code}' -X PATCH -H "$H" -H 'Content-Type: application/json' --data-binary @- \
    "$BASE/api/v1/chargers/attack-victim")"
check "firmware upload declaring 300 MB" 413 "$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "$H" \
  -H 'Content-Type: application/octet-stream' -H 'Content-Length: 314572800' --data-binary 'x' --max-time 10 \
  "$BASE/api/v1/firmware?name=big.bin" 2>/dev/null)"

for suite in ECDHE-RSA-AES128-SHA AES128-SHA256 AES128-SHA; do
  r=$(echo | timeout 5 openssl s_client -connect "$HOST:$TLS_PORT" -tls1_2 -cipher "$suite" 2>&1 | grep -c 'Cipher is (NONE)\|alert\|eof while reading\|no cipher')
  check "TLS 1.2 client offering only $suite" refused "$([ "$r" -gt 0 ] && echo refused || echo accepted)"
done
r=$(echo | timeout 5 openssl s_client -connect "$HOST:$TLS_PORT" -tls1_2 -cipher ECDHE-RSA-AES128-GCM-SHA256 2>&1 | grep -c 'Cipher is ECDHE-RSA-AES128-GCM-SHA256')
check "TLS 1.2 ECDHE-RSA-AES128-GCM-SHA256" accepted "$([ "$r" -gt 0 ] && echo accepted || echo refused)"

echo "$failures failed"
exit $((failures > 0))
