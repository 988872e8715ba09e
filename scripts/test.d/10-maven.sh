#!/usr/bin/env bash
# Unit and integration tests of every Maven module (JUnit 5 via Surefire).
source "$(dirname "$0")/../lib.sh"
cd "$TUNEBOOK_ROOT"
mvn -B -ntp verify
