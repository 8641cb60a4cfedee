"""Exceptions: one line each, saying where and what."""

from __future__ import annotations


class KgError(Exception):
    """Base class: everything kg raises on bad input or bad use."""


class InputError(KgError):
    def __init__(self, path: str, problem: str, *, line: int | None = None) -> None:
        self.path, self.problem, self.line = str(path), problem, line
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {problem}")


class QueryError(KgError):
    def __init__(self, message: str, *, line: int | None = None, column: int | None = None) -> None:
        self.line, self.column = line, column
        where = f" at line {line}, column {column}" if line is not None else ""
        super().__init__(f"SPARQL error{where}: {message}")


class OutputError(KgError):
    pass


class MissingDependency(KgError):
    def __init__(self, package: str, extra: str | None = None) -> None:
        hint = f'pip install "kg[{extra}]"' if extra else f"pip install {package}"
        super().__init__(f"{package} is required for this; install it with: {hint}")
