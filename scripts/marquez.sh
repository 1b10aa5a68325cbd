#!/usr/bin/env bash
# Placeholder until the Marquez bootstrap lands: prints nothing, starts nothing.
case "${1:-up}" in up) echo "";; down) :;; esac
