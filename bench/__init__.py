"""The benchmark behind `make bench` (not part of `make test`)."""
