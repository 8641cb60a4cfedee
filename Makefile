.PHONY: all lint test bench
all: lint test

lint:
	ruff check kg tests benchmarks

test:
	python -m pytest

bench:
	python benchmarks/bench.py --articles 300
