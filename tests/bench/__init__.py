"""`make bench`: the site under load beside two floors (README, "Benchmark")."""
