#!/usr/bin/env bash
# Installs OpenStack Swift (Debian packages) for the tests that run against a real Swift server.
# Idempotent and quick when everything is already there. Without apt-get (or without root) it says so and
# exits 0: those tests then skip, naming the reason.
set -u
need=(swift swift-proxy swift-object swift-container swift-account memcached)
missing=()
for p in "${need[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "setup_swift.sh: apt-get not available; Swift tests will skip" >&2
    exit 0
  fi
  if [ "$(id -u)" != "0" ]; then
    echo "setup_swift.sh: not root, cannot install ${missing[*]}; Swift tests will skip" >&2
    exit 0
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq || true
  apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null || {
    echo "setup_swift.sh: apt-get install ${missing[*]} failed; Swift tests will skip" >&2
    exit 0
  }
fi
# The services are started by the tests themselves (tests/swift_server.py), never as system services.
if [ ! -f /etc/swift/swift.conf ] && [ "$(id -u)" = "0" ]; then
  mkdir -p /etc/swift
  printf '[swift-hash]\nswift_hash_path_suffix = easymaker-tests\nswift_hash_path_prefix = easymaker-tests\n\n[storage-policy:0]\nname = Policy-0\ndefault = yes\n' > /etc/swift/swift.conf
fi
echo "setup_swift.sh: Swift ready"
