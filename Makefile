.PHONY: all lint test bench
all: lint test

lint:
	ruff check kg tests benchmarks
	ruff format --check kg tests benchmarks
	mypy kg

test:
	python -m pytest

bench:
	python benchmarks/bench.py --articles 300
