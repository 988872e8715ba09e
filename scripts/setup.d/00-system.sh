#!/usr/bin/env bash
# JDK 17, Maven, Python venv support and npm from Debian when they are missing.
source "$(dirname "$0")/../lib.sh"
need_debs javac:openjdk-17-jdk-headless mvn:maven python3:python3 npm:npm
python3 -c 'import venv, ensurepip' 2>/dev/null || need_debs __none__:python3-venv
