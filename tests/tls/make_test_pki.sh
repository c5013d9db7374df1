#!/usr/bin/env bash
# A throw-away PKI for the TLS tests, made with the openssl CLI in DIR:
#   ca.pem                the test CA the kiosk trusts (ca.key signs)
#   server.pem/.key       the office's certificate for 127.0.0.1 and localhost, from ca.pem
#   server.pin            base64 SHA-256 of server.key's public key (kiosk.toml pin_sha256)
#   other-ca.pem          a CA the server's certificate does not chain to (the "wrong CA")
#   other.key / .pin      a key that is not server.pem's (a mismatched --tls-key, a wrong pin)
#   impostor.pem/.key     a certificate for 127.0.0.1 from other-ca (a server the kiosk must not trust)
# Usage: make_test_pki.sh DIR
set -euo pipefail
dir=$1
mkdir -p "$dir"
cd "$dir"
quiet() { "$@" 2>/dev/null; }

# EC P-256 keys: quick to make, and what a small office would use.
newkey() { quiet openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1"; chmod 600 "$1"; }
pin_of() { openssl pkey -in "$1" -pubout -outform der 2>/dev/null | openssl dgst -sha256 -binary | base64; }

make_ca() {  # name, subject
  newkey "$1.key"
  quiet openssl req -x509 -new -key "$1.key" -sha256 -days 2 -subj "$2" -out "$1.pem" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign"
}

make_server() {  # name, ca
  newkey "$1.key"
  quiet openssl req -new -key "$1.key" -subj "/CN=127.0.0.1" -out "$1.csr"
  printf '%s\n' "basicConstraints=CA:FALSE" "keyUsage=critical,digitalSignature" "extendedKeyUsage=serverAuth" \
    "subjectAltName=IP:127.0.0.1,DNS:localhost" >"$1.ext"
  quiet openssl x509 -req -in "$1.csr" -CA "$2.pem" -CAkey "$2.key" -CAcreateserial -days 2 -sha256 \
    -extfile "$1.ext" -out "$1.pem"
  rm -f "$1.csr" "$1.ext"
}

make_ca ca "/CN=Lobby Test Office CA"
make_ca other-ca "/CN=Some Other CA"
make_server server ca
make_server impostor other-ca
newkey other.key
pin_of server.key >server.pin
pin_of other.key >other.pin
